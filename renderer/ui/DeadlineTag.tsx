import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineTier } from '../../shared/calendar/deadline';

export const tierColors: Record<DeadlineTier, string> = {
  normal: 'green',
  warning: 'orange',
  overdue: 'red',
};

type Props = {
  dueDate: string;
  tier: DeadlineTier;
  workingDaysLeft: number;
  /** Years counted without holiday data: the date is an estimate and says so. */
  estimatedYears?: readonly number[];
};

/** A due date with its tier (正常 / 预警 / 逾期), as users scan for it. */
export function DeadlineTag({ dueDate, tier, workingDaysLeft, estimatedYears = [] }: Props) {
  const { t } = useTranslation();
  const detail =
    tier === 'overdue'
      ? t('deadline.overdueBy')
      : workingDaysLeft === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: workingDaysLeft });
  return (
    <span data-tier={tier} className="deadline">
      <Tag color={tierColors[tier]}>{t(`tier.${tier}`)}</Tag>
      {t('deadline.dueOn', { date: dueDate })}
      <span style={{ color: '#888', marginLeft: 4 }}>{detail}</span>
      {estimatedYears.length > 0 && (
        <Tooltip title={t('deadline.estimated', { years: estimatedYears.join('、') })}>
          <WarningOutlined
            aria-label={t('deadline.estimated', { years: estimatedYears.join('、') })}
            style={{ color: '#d48806', marginLeft: 4 }}
          />
        </Tooltip>
      )}
    </span>
  );
}
