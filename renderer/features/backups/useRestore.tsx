import { App, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { syncedTables, type SyncedTable } from '../../../shared/domain/records';
import {
  restoreChangesNothing,
  type TableRestorePlan,
} from '../../../shared/exchange/restore-plan';
import { syncWorker } from '../../db/sync-worker-client';
import { failureMessage, writeErrorText } from '../../ui/write-error';
import { syncProblemText, workerFailureText, type FileProblem } from '../sync/problem-text';
import { makeBackup } from './backup-actions';

type PlanRow = TableRestorePlan & { table: SyncedTable };

/**
 * 从备份恢复: validate the whole backup first, show what will change, back up the current data,
 * then replace the database in one transaction. A refusal at any step changes nothing.
 */
export function useRestore(onDone: () => void) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();

  function refuse(name: string, reason: string) {
    modal.error({ title: t('backup.title'), content: t('backup.badBackup', { name, reason }) });
  }

  async function restoreNow(name: string, id: string, changes: number) {
    try {
      await makeBackup('beforeRestore');
    } catch (error) {
      modal.error({
        title: t('backup.title'),
        content: t('backup.beforeRestoreFailed', { message: failureMessage(error) }),
      });
      return;
    }
    try {
      const result = await syncWorker().restore(id, name);
      if (result.ok) void message.success(t('backup.restored', { name, count: changes }));
      else refuse(name, await workerFailureText(result, t, i18n.language));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
    onDone();
  }

  return {
    refuseProblem(name: string, problem: FileProblem) {
      refuse(name, syncProblemText(problem, t));
    },

    async restore(name: string, text: string) {
      const worker = syncWorker();
      const opened = await worker.open(text, { backup: true });
      if (!opened.ok) return refuse(name, await workerFailureText(opened, t, i18n.language));
      const plan = await worker.restorePlan(opened.id);
      if (restoreChangesNothing(plan)) {
        void worker.forget(opened.id);
        modal.info({ title: t('backup.title'), content: t('backup.nothingToRestore', { name }) });
        return;
      }
      const rows: PlanRow[] = syncedTables
        .map((table) => ({ table, ...plan[table] }))
        .filter((row) => row.current + row.backup > 0);
      const column = (key: keyof TableRestorePlan) => ({
        key,
        dataIndex: key,
        title: t(`backup.restoreColumns.${key}`),
        align: 'right' as const,
      });
      modal.confirm({
        title: t('backup.restoreTitle', { name }),
        width: 640,
        content: (
          <>
            <Typography.Paragraph>{t('backup.restoreIntro')}</Typography.Paragraph>
            <Table<PlanRow>
              size="small"
              rowKey="table"
              pagination={false}
              dataSource={rows}
              data-testid="restore-plan"
              columns={[
                {
                  key: 'kind',
                  title: t('backup.restoreColumns.kind'),
                  render: (_, row) => t(`sync.table.${row.table}`),
                },
                column('current'),
                column('backup'),
                column('restored'),
                column('changed'),
                column('removed'),
              ]}
            />
          </>
        ),
        okText: t('backup.confirmRestore'),
        cancelText: t('common.cancel'),
        onCancel: () => void syncWorker().forget(opened.id),
        onOk: () =>
          restoreNow(
            name,
            opened.id,
            rows.reduce((sum, row) => sum + row.restored + row.changed + row.removed, 0),
          ),
      });
    },
  };
}
