import type { TFunction } from 'i18next';
import { syncedTables } from '../../../shared/domain/records';
import type { BackupCounts } from '../../../shared/ipc/contract';

/** 1.2 MB, 350 KB: sizes as people read them. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 项目 12 · 审批事项 340 · …: the kinds with records, in the app's order. */
export function recordCounts(counts: BackupCounts | null, t: TFunction): string {
  if (!counts) return t('backup.countsUnknown');
  return syncedTables
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => `${t(`sync.table.${table}`)} ${counts[table]}`)
    .join(' · ');
}
