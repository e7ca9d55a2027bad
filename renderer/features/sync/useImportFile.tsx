import { App, Input, Progress, Table, Typography } from 'antd';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncedTables, type SyncedTable } from '../../../shared/domain/records';
import { ClockDriftError } from '../../../shared/sync/clock';
import { db, repositories, syncFiles } from '../../db';
import type { ApplySummary, TableSummary } from '../../db/sync-engine';
import type { IncomingFile } from '../../db/sync-files';
import { recordLabel } from '../../db/useSync';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { backsUpAutomatically, makeBackup } from '../backups/backup-actions';
import { clockAheadText, syncProblemText, type FileProblem } from './problem-text';

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

  async function refuseDrift(name: string, error: ClockDriftError, file: IncomingFile) {
    const device = await db.devices.where('node').equals(error.drift.node).first();
    const user = device?.users.at(-1);
    const producer = file.header?.producer;
    const named = user
      ? `${user.name}（${user.unit}）`
      : producer?.node === error.drift.node
        ? producer.name
        : t('sync.unknownDevice');
    refuse(name, clockAheadText(error.drift, named, t, i18n.language));
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

  async function apply(name: string, file: IncomingFile) {
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
    try {
      const result = await syncFiles.import(file, name, actor?.name ?? '', (done, total) =>
        setProgress({ phase: 'importing', percent: Math.round((done / Math.max(total, 1)) * 100) }),
      );
      if (!result.ok) return refuseProblem(name, result.problem);
      const totals = sum(result.summary);
      void message.success(t('sync.imported', totals));
    } catch (error) {
      if (error instanceof ClockDriftError) return refuseDrift(name, error, file);
      refuse(name, failureMessage(error));
    } finally {
      setProgress(null);
    }
  }

  async function preview(name: string, file: IncomingFile) {
    let result;
    try {
      result = await syncFiles.preview(file);
    } catch (error) {
      if (error instanceof ClockDriftError) return refuseDrift(name, error, file);
      throw error;
    }
    if (!result.ok) return refuseProblem(name, result.problem);
    const { summary } = result;
    if (summary.newMessages === 0) {
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
    const projectNames = await projectList([...summary.projects], file);
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
    });

    async function projectList(ids: string[], incoming: IncomingFile): Promise<string> {
      if (ids.length === 0) return '';
      const names = await Promise.all(
        ids.slice(0, 5).map(async (id) => {
          const local = await db.projects.get(id);
          if (local) return local.name;
          const entry = incoming.entries.find(([table, row]) => table === 'projects' && row === id);
          const values = entry?.[2].find(([, cells]) => 'name' in cells)?.[1];
          return typeof values?.name === 'string' ? values.name : '';
        }),
      );
      const listed = names.filter(Boolean).join('、');
      return ids.length > 5
        ? t('sync.previewMoreProjects', { names: listed, count: ids.length })
        : t('sync.previewProjects', { names: listed });
    }
  }

  async function importFile() {
    const opened = await bridge.openJsonFile({ title: t('sync.import') });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'refused') return refuseProblem(opened.name, opened);
    setProgress({ phase: 'reading', percent: 0 });
    let read = await syncFiles.read(opened.text);
    setProgress(null);
    if (!read.ok && read.problem.reason === 'reasonNeedsPassphrase') {
      const passphrase = await askPassphrase(opened.name);
      if (passphrase === null) return;
      setProgress({ phase: 'reading', percent: 0 });
      read = await syncFiles.read(opened.text, { passphrase });
      setProgress(null);
    }
    if (!read.ok) return refuseProblem(opened.name, read.problem);
    await preview(opened.name, read.file);
  }

  return { importFile, progress };
}

function sum(summary: ApplySummary) {
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
