import type { TFunction } from 'i18next';
import type { TimeLimit } from '../../../shared/calendar/deadline';

/** "20 个工作日", "15 日（自然日）", or "—" for milestones and items without a fixed limit. */
export function formatTimeLimit(limit: TimeLimit | null, t: TFunction): string {
  return limit ? `${limit.days} ${t(`timeUnit.${limit.unit}`)}` : t('teamSettings.catalog.noLimit');
}
