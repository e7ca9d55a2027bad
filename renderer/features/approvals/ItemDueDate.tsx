import { PauseCircleOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import { itemClock, type Deadline } from '../../../shared/domain/deadlines';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { DeadlineTag } from '../../ui/DeadlineTag';

type Props = {
  item: ApprovalItem;
  deadline: Deadline | undefined;
  calendar: WorkingDayCalendar;
};

/** An approval item's due date and tier, or that its clock is paused, or nothing to show. */
export function ItemDueDate({ item, deadline, calendar }: Props) {
  const { t } = useTranslation();
  if (deadline) {
    return <DeadlineTag deadline={deadline} />;
  }
  const clock = itemClock(item, calendar);
  if (clock.status === 'paused' && (item.status === 'accepted' || item.status === 'reviewing')) {
    return (
      <Tag icon={<PauseCircleOutlined />} color="default">
        {t('deadline.paused', { count: clock.daysUsed })}
      </Tag>
    );
  }
  if (item.status === 'approved' && item.completedOn) {
    return <Typography.Text type="secondary">{item.completedOn}</Typography.Text>;
  }
  return null;
}
