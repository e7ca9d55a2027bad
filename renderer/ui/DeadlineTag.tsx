import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeadlineTier } from '../../shared/calendar/deadline';
import type { Deadline } from '../../shared/domain/deadlines';

export const tierColors: Record<DeadlineTier, string> = {
  normal: 'green',
  warning: 'orange',
  overdue: 'red',
};

type Props = {
  deadline: Pick<
    Deadline,
    'dueDate' | 'tier' | 'workingDaysLeft' | 'workingDaysOverdue' | 'estimatedYears'
  >;
};

/** A due date with its tier (正常 / 预警 / 逾期), as users scan for it. */
export function DeadlineTag({ deadline }: Props) {
  const { t } = useTranslation();
  const { dueDate, tier, workingDaysLeft, workingDaysOverdue, estimatedYears } = deadline;
  const detail =
    tier === 'overdue'
      ? workingDaysOverdue > 0
        ? t('deadline.overdueBy', { count: workingDaysOverdue })
        : t('deadline.overdueOnRestDay')
      : workingDaysLeft === 0
        ? t('deadline.dueToday')
        : t('deadline.daysLeft', { count: workingDaysLeft });
  return (
    <span data-tier={tier} className="deadline">
      <Tag color={tierColors[tier]}>{t(`tier.${tier}`)}</Tag>
      {t('deadline.dueOn', { date: dueDate })}
      <span style={{ color: '#888', marginLeft: 4 }}>{detail}</span>
      {estimatedYears.length > 0 && <EstimateTag years={estimatedYears} />}
    </span>
  );
}

/**
 * Beside a date counted without the State Council's schedule: words, not only an icon, since a
 * small ⚠ next to a green 正常 is easily read past. The full reason is its tooltip and its name.
 */
export function EstimateTag({ years }: { years: readonly number[] }) {
  const { t } = useTranslation();
  const reason = t('deadline.estimated', { years: years.join('、') });
  return (
    <Tooltip title={reason}>
      <Tag
        color="gold"
        icon={<WarningOutlined />}
        aria-label={reason}
        data-testid="estimate-tag"
        style={{ marginLeft: 6, marginRight: 0 }}
      >
        {t('deadline.estimatedTag')}
      </Tag>
    </Tooltip>
  );
}
