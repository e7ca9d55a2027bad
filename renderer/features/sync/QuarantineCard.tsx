import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Typography } from 'antd';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { timestampMillis, type Timestamp } from '../../../shared/sync/timestamp';
import { quarantineReport, useQuarantine, type QuarantineRow } from '../../db/useQuarantine';
import { bridge } from '../../platform/bridge';

/**
 * 已隔离的修改: writes received from the server that did not decrypt, decode or validate, set
 * aside while the rest synced. How many, from which device, when, why; a file for the admin.
 * Shown only when there are some.
 */
export function QuarantineCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rows = useQuarantine();
  if (!rows || rows.length === 0) return null;

  async function save(all: readonly QuarantineRow[]) {
    const now = new Date();
    const saved = await bridge.saveJsonFile({
      title: t('serverSync.quarantine.save'),
      suggestedName: `帮代通已隔离的修改-${format(now, 'yyyyMMdd-HHmm')}.json`,
      text: await quarantineReport(all, now),
    });
    if (saved) void message.success(t('serverSync.quarantine.saved', { name: saved.name }));
  }

  return (
    <Card
      size="small"
      title={t('serverSync.quarantine.title')}
      data-testid="quarantine"
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void save(rows)}>
          {t('serverSync.quarantine.save')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 8 }}
        title={
          <span data-testid="quarantine-count">
            {t('serverSync.quarantine.summary', { count: rows.length })}
          </span>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('serverSync.quarantine.intro')}
      </Typography.Paragraph>
      <Table<QuarantineRow>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            key: 'device',
            title: t('serverSync.quarantine.columns.device'),
            render: (_, row) =>
              row.device ?? t('serverSync.quarantine.unknownDevice', { node: row.node }),
          },
          {
            key: 'written',
            title: t('serverSync.quarantine.columns.written'),
            width: 160,
            render: (_, row) =>
              format(new Date(timestampMillis(row.ts as Timestamp)), 'yyyy-MM-dd HH:mm:ss'),
          },
          {
            key: 'at',
            title: t('serverSync.quarantine.columns.at'),
            width: 160,
            render: (_, row) => format(new Date(row.at), 'yyyy-MM-dd HH:mm:ss'),
          },
          {
            key: 'reason',
            title: t('serverSync.quarantine.columns.reason'),
            render: (_, row) => t(`serverSync.quarantine.reason.${row.reason}`),
          },
        ]}
      />
    </Card>
  );
}
