import { FolderOpenOutlined, ImportOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { format } from 'date-fns';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo, BackupEntry, BackupList } from '../../../shared/ipc/contract';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { makeBackup } from './backup-actions';
import { fileSize, recordCounts } from './backup-format';
import { useRestore } from './useRestore';

/** 设置 → 备份与恢复: the backups made, a backup now, and a restore that changes nothing unasked. */
export function BackupsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [info, setInfo] = useState<AppInfo>();
  const [list, setList] = useState<BackupList>();
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    void bridge.listBackups().then(setList);
  }, []);
  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    refresh();
  }, [refresh]);
  const restoring = useRestore(refresh);
  const desktop = info?.platform === 'electron';

  function run(action: () => Promise<void>) {
    setBusy(true);
    action()
      .catch((error: unknown) => void message.error(failureMessage(error)))
      .finally(() => setBusy(false));
  }

  async function backupNow() {
    try {
      const entry = await makeBackup('manual');
      void message.success(
        t(desktop ? 'backup.saved' : 'backup.savedDownload', { name: entry.name }),
      );
    } catch (error) {
      void message.error(t('backup.failed', { message: failureMessage(error) }));
    }
    refresh();
  }

  async function restoreListed(entry: BackupEntry) {
    const read = await bridge.readBackup({ name: entry.name });
    if (read.status === 'refused') return restoring.refuseProblem(read.name, read);
    await restoring.restore(read.name, read.text);
  }

  async function restoreFromFile() {
    const opened = await bridge.openJsonFile({ title: t('backup.restoreFromFile') });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'refused') return restoring.refuseProblem(opened.name, opened);
    await restoring.restore(opened.name, opened.text);
  }

  return (
    <Card size="small" title={t('backup.title')} style={{ maxWidth: 960 }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {info && t(desktop ? 'backup.desktopIntro' : 'backup.browserIntro')}
      </Typography.Paragraph>
      {desktop && list?.folder && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          {t('backup.folder', { folder: list.folder })}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          loading={busy}
          onClick={() => run(backupNow)}
        >
          {t('backup.backupNow')}
        </Button>
        <Button icon={<ImportOutlined />} disabled={busy} onClick={() => run(restoreFromFile)}>
          {t('backup.restoreFromFile')}
        </Button>
        {desktop && (
          <Button icon={<FolderOpenOutlined />} onClick={() => run(() => bridge.revealBackups())}>
            {t('backup.revealFolder')}
          </Button>
        )}
      </Space>
      <Table<BackupEntry>
        size="small"
        rowKey="name"
        loading={list === undefined}
        dataSource={list?.entries}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        locale={{ emptyText: t('backup.empty') }}
        data-testid="backup-list"
        columns={[
          {
            key: 'createdAt',
            title: t('backup.columns.createdAt'),
            width: 190,
            render: (_, entry) => format(new Date(entry.createdAt), 'yyyy年M月d日 HH:mm:ss'),
          },
          {
            key: 'reason',
            title: t('backup.columns.reason'),
            width: 110,
            render: (_, entry) => t(`backup.reason.${entry.reason}`),
          },
          {
            key: 'size',
            title: t('backup.columns.size'),
            width: 90,
            align: 'right',
            render: (_, entry) => fileSize(entry.sizeBytes),
          },
          {
            key: 'counts',
            title: t('backup.columns.counts'),
            render: (_, entry) => recordCounts(entry.counts, t),
          },
          ...(desktop
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 80,
                  render: (_: unknown, entry: BackupEntry) => (
                    <Button
                      type="link"
                      size="small"
                      disabled={busy}
                      onClick={() => run(() => restoreListed(entry))}
                    >
                      {t('backup.restore')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
