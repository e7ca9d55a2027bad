import { App, Button, Card, Space, Table, Typography } from 'antd';
import { format } from 'date-fns';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { splitCellName } from '../../../shared/sync/record-cells';
import { timestampMillis, type Timestamp } from '../../../shared/sync/timestamp';
import { repositories } from '../../db';
import type { Conflict } from '../../db/database';
import { recordLabel, useDeviceNames, useOpenConflicts } from '../../db/useSync';
import { writeErrorText } from '../../ui/write-error';

type Row = Conflict & { label: string };

/** 冲突: a field edited on two computers without either knowing; the losing value, restorable. */
export function ConflictsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conflicts = useOpenConflicts();
  const devices = useDeviceNames();
  const rows = useLiveQuery(
    async () =>
      Promise.all(
        (conflicts ?? []).map(async (conflict) => ({
          ...conflict,
          label: `${t(`sync.table.${conflict.table}`)} · ${await recordLabel(conflict.table, conflict.row)}`,
        })),
      ),
    [conflicts, t],
  );

  const show = (value: unknown) =>
    value === null || value === '' || value === undefined
      ? t('sync.emptyValue')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const who = (ts: Timestamp) =>
    t('sync.valueBy', {
      who: devices?.get(ts.slice(-16)) || t('sync.unknownDevice'),
      date: format(timestampMillis(ts), 'yyyy-MM-dd HH:mm'),
    });
  const fieldName = (cell: string) => {
    const { field } = splitCellName(cell);
    return t(`fieldLabel.${field}`, { defaultValue: field });
  };

  async function restore(conflict: Conflict) {
    try {
      await repositories.restoreConflict(conflict);
      void message.success(t('sync.restoredValue', { field: fieldName(conflict.cell) }));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  return (
    <Card size="small" title={t('sync.conflictsTitle')}>
      <Typography.Paragraph type="secondary">{t('sync.conflictsIntro')}</Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="id"
        loading={rows === undefined}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('sync.conflictsEmpty') }}
        data-testid="conflicts"
        columns={[
          { key: 'record', title: t('sync.conflictColumns.record'), dataIndex: 'label' },
          {
            key: 'field',
            title: t('sync.conflictColumns.field'),
            render: (_, row) => fieldName(row.cell),
          },
          {
            key: 'kept',
            title: t('sync.conflictColumns.kept'),
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <span>{show(row.winner.value)}</span>
                <Typography.Text type="secondary">{who(row.winner.ts)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'other',
            title: t('sync.conflictColumns.other'),
            render: (_, row) => (
              <Space orientation="vertical" size={0}>
                <span>{show(row.loser.value)}</span>
                <Typography.Text type="secondary">{who(row.loser.ts)}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 170,
            render: (_, row) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => void restore(row)}>
                  {t('sync.restoreValue')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={() => void repositories.dismissConflict(row.id)}
                >
                  {t('sync.dismiss')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
