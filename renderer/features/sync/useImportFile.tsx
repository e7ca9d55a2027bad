import { App, Input, Progress, Table, Typography } from 'antd';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncedTables, type SyncedTable } from '../../../shared/domain/records';
import { proxy } from 'comlink';
import { db, repositories } from '../../db';
import type { TableSummary } from '../../db/sync-engine';
import type { PreviewSummary, WorkerFailure } from '../../db/sync-worker';
import { syncWorker } from '../../db/sync-worker-client';
import { recordLabel } from '../../db/useSync';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { backsUpAutomatically, makeBackup } from '../backups/backup-actions';
import { syncProblemText, workerFailureText, type FileProblem } from './problem-text';

/** An opened file, checked whole, waiting in the sync worker for its preview and import. */
type OpenedFile = {
  id: string;
  header: {
    team: { id: string; name: string };
    producer: { node: string; name: string };
    createdAt: string;
  } | null;
  joinsTeam: boolean;
};

type PreviewRow = TableSummary & { table: SyncedTable };

/** How far an import has come, for the progress bar (null when none is running). */
export type ImportProgress = { phase: 'reading' | 'importing'; percent: number } | null;

/**
 * 导入同步文件: check the whole file, ask for its passphrase if it has one, preview what it
 * changes (new, changed and deleted records per kind, deletions by name, conflicts), then apply
 * it in one transaction, after a backup on the desktop. Every refusal names what is wrong and
 * changes nothing.
 */
export function useImportFile() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [progress, setProgress] = useState<ImportProgress>(null);

  function refuse(name: string, reason: string) {
    modal.error({ title: t('sync.import'), content: t('sync.badFile', { name, reason }) });
  }

  const refuseProblem = (name: string, problem: FileProblem) =>
    refuse(name, syncProblemText(problem, t));

  async function refuseFailure(name: string, failure: WorkerFailure, file?: OpenedFile) {
    refuse(name, await workerFailureText(failure, t, i18n.language, file?.header?.producer));
  }

  function askPassphrase(name: string): Promise<string | null> {
    let typed = '';
    return new Promise((resolve) => {
      modal.confirm({
        title: t('sync.askPassphraseTitle', { name }),
        content: (
          <Input.Password
            autoFocus
            aria-label={t('sync.askPassphrase')}
            placeholder={t('sync.askPassphrase')}
            onChange={(event) => (typed = event.target.value)}
          />
        ),
        okText: t('sync.confirmImport'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(typed),
        onCancel: () => resolve(null),
      });
    });
  }

  async function apply(name: string, file: OpenedFile) {
    if (await backsUpAutomatically()) {
      try {
        await makeBackup('beforeImport');
      } catch (error) {
        refuse(name, t('backup.beforeImportFailed', { message: failureMessage(error) }));
        return;
      }
    }
    const actor = await repositories.loadActor();
    setProgress({ phase: 'importing', percent: 0 });
    // Progress comes on its own message port and can arrive after the result: once the import
    // is over, a late one must not bring the progress back (the button would spin for good).
    let over = false;
    try {
      const result = await syncWorker().import(
        file.id,
        name,
        actor?.name ?? '',
        proxy((done: number, total: number) => {
          if (over) return;
          setProgress({
            phase: 'importing',
            percent: Math.round((done / Math.max(total, 1)) * 100),
          });
        }),
      );
      if (!result.ok) return refuseFailure(name, result, file);
      void message.success(t('sync.imported', sum(result.summary)));
    } catch (error) {
      refuse(name, failureMessage(error));
    } finally {
      over = true;
      setProgress(null);
    }
  }

  async function preview(name: string, file: OpenedFile) {
    const worker = syncWorker();
    const result = await worker.preview(file.id);
    if (!result.ok) {
      void worker.forget(file.id);
      return refuseFailure(name, result, file);
    }
    const { summary } = result;
    if (summary.newMessages === 0) {
      void worker.forget(file.id);
      modal.info({ title: t('sync.import'), content: t('sync.nothingToImport') });
      return;
    }
    const rows: PreviewRow[] = syncedTables
      .map((table) => ({ table, ...summary.tables[table] }))
      .filter((row) => row.created + row.updated + row.deleted > 0);
    const deletions = await Promise.all(
      summary.deletions
        .slice(0, 20)
        .map(
          async ({ table, row }) => `${t(`sync.table.${table}`)}：${await recordLabel(table, row)}`,
        ),
    );
    const projectNames = await projectList(summary.projects, file);
    const column = (key: keyof TableSummary) => ({
      key,
      dataIndex: key,
      title: t(`sync.previewColumns.${key}`),
      align: 'right' as const,
    });
    modal.confirm({
      title: t('sync.previewTitle', { name }),
      width: 640,
      content: (
        <div data-testid="import-preview">
          <Typography.Paragraph>
            {t('sync.previewFrom', {
              producer: file.header?.producer.name || t('sync.previewLegacy'),
              date: file.header ? format(new Date(file.header.createdAt), 'yyyy-MM-dd HH:mm') : '—',
            })}
          </Typography.Paragraph>
          {file.joinsTeam && file.header && (
            <Typography.Paragraph>
              {t('sync.previewJoins', { team: file.header.team.name })}
            </Typography.Paragraph>
          )}
          <Table<PreviewRow>
            size="small"
            rowKey="table"
            pagination={false}
            dataSource={rows}
            columns={[
              {
                key: 'kind',
                title: t('sync.previewColumns.kind'),
                render: (_, row) => t(`sync.table.${row.table}`),
              },
              column('created'),
              column('updated'),
              column('deleted'),
            ]}
          />
          {projectNames && (
            <Typography.Paragraph style={{ marginTop: 8 }}>{projectNames}</Typography.Paragraph>
          )}
          {deletions.length > 0 && (
            <Typography.Paragraph type="danger" data-testid="preview-deletions">
              {t('sync.previewDeletions')}
              {deletions.join('；')}
              {summary.deletions.length > deletions.length && ' …'}
            </Typography.Paragraph>
          )}
          <ul style={{ paddingLeft: 18, marginBottom: 0 }}>
            {summary.conflicts.length > 0 && (
              <li>{t('sync.previewConflicts', { count: summary.conflicts.length })}</li>
            )}
            {summary.older > 0 && <li>{t('sync.previewOlder', { count: summary.older })}</li>}
            {summary.known > 0 && <li>{t('sync.previewKnown', { count: summary.known })}</li>}
            {summary.parked > 0 && <li>{t('sync.previewParked', { count: summary.parked })}</li>}
          </ul>
        </div>
      ),
      okText: t('sync.confirmImport'),
      cancelText: t('common.cancel'),
      onOk: () => void apply(name, file),
      onCancel: () => void worker.forget(file.id),
    });
  }

  /** The projects a file touches, by name: those here, and those it brings. */
  async function projectList(ids: string[], file: OpenedFile): Promise<string> {
    if (ids.length === 0) return '';
    const shown = ids.slice(0, 5);
    const incoming = await syncWorker().projectNames(file.id, shown);
    const names = await Promise.all(
      shown.map(async (id) => (await db.projects.get(id))?.name ?? incoming[id] ?? ''),
    );
    const listed = names.filter(Boolean).join('、');
    return ids.length > shown.length
      ? t('sync.previewMoreProjects', { names: listed, count: ids.length })
      : t('sync.previewProjects', { names: listed });
  }

  async function importFile() {
    const opened = await bridge.openJsonFile({ title: t('sync.import') });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'refused') return refuseProblem(opened.name, opened);
    const worker = syncWorker();
    setProgress({ phase: 'reading', percent: 0 });
    let read = await worker.open(opened.text).finally(() => setProgress(null));
    if (!read.ok && 'problem' in read && read.problem.reason === 'reasonNeedsPassphrase') {
      const passphrase = await askPassphrase(opened.name);
      if (passphrase === null) return;
      setProgress({ phase: 'reading', percent: 0 });
      read = await worker.open(opened.text, { passphrase }).finally(() => setProgress(null));
    }
    if (!read.ok && 'problem' in read && read.problem.reason === 'reasonAlreadyImported') {
      modal.info({
        title: t('sync.import'),
        content: t('sync.alreadyImported', { name: opened.name }),
      });
      return;
    }
    if (!read.ok) return refuseFailure(opened.name, read);
    await preview(opened.name, read);
  }

  return { importFile, progress };
}

function sum(summary: PreviewSummary) {
  const totals = { created: 0, updated: 0, deleted: 0 };
  for (const table of syncedTables) {
    totals.created += summary.tables[table].created;
    totals.updated += summary.tables[table].updated;
    totals.deleted += summary.tables[table].deleted;
  }
  return totals;
}

/** The progress of a running import, under its button. */
export function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  if (!progress) return null;
  return (
    <div style={{ maxWidth: 560 }} data-testid="import-progress">
      <Typography.Text type="secondary">
        {t(progress.phase === 'reading' ? 'sync.reading' : 'sync.importing')}
      </Typography.Text>
      <Progress percent={progress.percent} status="active" />
    </div>
  );
}
