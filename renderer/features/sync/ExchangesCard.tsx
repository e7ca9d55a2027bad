import { Card, Table } from 'antd';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { Exchange } from '../../db/database';
import { useExchanges } from '../../db/useSync';

/** 交换记录: who exported or imported which file when, and how much it carried. */
export function ExchangesCard() {
  const { t } = useTranslation();
  const exchanges = useExchanges();
  return (
    <Card size="small" title={t('sync.exchangesTitle')}>
      <Table<Exchange>
        size="small"
        rowKey="id"
        loading={exchanges === undefined}
        dataSource={exchanges}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('sync.exchangesEmpty') }}
        data-testid="exchanges"
        columns={[
          {
            key: 'at',
            title: t('sync.exchangeColumns.at'),
            width: 150,
            render: (_, row) => format(new Date(row.at), 'yyyy-MM-dd HH:mm'),
          },
          { key: 'by', title: t('sync.exchangeColumns.by'), dataIndex: 'by', width: 90 },
          {
            key: 'direction',
            title: t('sync.exchangeColumns.direction'),
            width: 70,
            render: (_, row) => t(`sync.direction.${row.direction}`),
          },
          { key: 'file', title: t('sync.exchangeColumns.file'), dataIndex: 'file' },
          {
            key: 'destination',
            title: t('sync.exchangeColumns.destination'),
            dataIndex: 'destination',
          },
          {
            key: 'counts',
            title: t('sync.exchangeColumns.counts'),
            render: (_, row) =>
              t('sync.exchangeCounts', { messages: row.messages, rows: row.rows }),
          },
        ]}
      />
    </Card>
  );
}
