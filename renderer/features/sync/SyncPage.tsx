import { ExportOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { format } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createDataFile,
  parseDataFile,
  planSummary,
  type DataFile,
} from '../../../shared/exchange/data-file';
import type { SavedJsonFile } from '../../../shared/ipc/contract';
import { dataFiles } from '../../db';
import { bridge } from '../../platform/bridge';
import { failureMessage, writeErrorText } from '../../ui/write-error';
import { backsUpAutomatically, makeBackup } from '../backups/backup-actions';
import { fileProblemText, type FileProblem } from './problem-text';

export function SyncPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [lastExport, setLastExport] = useState<SavedJsonFile | null>(null);

  async function exportFile() {
    const tables = await dataFiles.readAll();
    const { version } = await bridge.appInfo();
    const now = new Date();
    const saved = await bridge.saveJsonFile({
      title: t('bridge.saveTitle'),
      suggestedName: `帮代通数据-${format(now, 'yyyyMMdd-HHmm')}.json`,
      text: JSON.stringify(createDataFile(tables, now, version)),
    });
    if (!saved) return;
    setLastExport(saved);
    const count = tables.projects.length;
    void message.success(t('sync.exported', { count, name: saved.name }));
  }

  function refuse(name: string, problem: FileProblem) {
    modal.error({
      title: t('sync.import'),
      content: t('sync.badFile', { name, reason: fileProblemText(problem, t) }),
    });
  }

  async function confirmAndImport(name: string, file: DataFile) {
    const plan = planSummary(await dataFiles.preview(file));
    if (plan.added + plan.updated === 0) {
      modal.info({ title: t('sync.import'), content: t('sync.nothingToImport') });
      return;
    }
    modal.confirm({
      title: t('sync.previewTitle', { name }),
      content: (
        <ul>
          <li>{t('sync.previewNew', { count: plan.added })}</li>
          <li>{t('sync.previewUpdated', { count: plan.updated })}</li>
          <li>{t('sync.previewSkipped', { count: plan.skipped })}</li>
        </ul>
      ),
      okText: t('sync.confirmImport'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        // The desktop keeps a backup from just before every import; if it cannot, nothing is imported.
        if (await backsUpAutomatically()) {
          try {
            await makeBackup('beforeImport');
          } catch (error) {
            modal.error({
              title: t('sync.import'),
              content: t('backup.beforeImportFailed', { message: failureMessage(error) }),
            });
            return;
          }
        }
        const applied = planSummary(await dataFiles.importFile(file));
        void message.success(
          t('sync.imported', { added: applied.added, updated: applied.updated }),
        );
      },
    });
  }

  async function importFile() {
    const opened = await bridge.openJsonFile({ title: t('bridge.openTitle') });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'refused') return refuse(opened.name, opened);
    const parsed = parseDataFile(opened.text);
    if (!parsed.ok) return refuse(opened.name, parsed.problem);
    await confirmAndImport(opened.name, parsed.file);
  }

  function run(action: () => Promise<void>) {
    setBusy(true);
    action()
      .catch((error: unknown) => message.error(writeErrorText(error, t)))
      .finally(() => setBusy(false));
  }

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Card size="small" title={t('sync.fileTitle')} style={{ maxWidth: 720 }}>
        <Typography.Paragraph>{t('sync.fileIntro')}</Typography.Paragraph>
        <Space wrap>
          <Button icon={<ExportOutlined />} loading={busy} onClick={() => run(exportFile)}>
            {t('sync.export')}
          </Button>
          <Button icon={<ImportOutlined />} loading={busy} onClick={() => run(importFile)}>
            {t('sync.import')}
          </Button>
          {lastExport?.path && (
            <Button
              type="link"
              icon={<FolderOpenOutlined />}
              onClick={() => run(() => bridge.revealFile({ path: lastExport.path ?? '' }))}
            >
              {t('sync.reveal')}
            </Button>
          )}
        </Space>
      </Card>
    </>
  );
}
