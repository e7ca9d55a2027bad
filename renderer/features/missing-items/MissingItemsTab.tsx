import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../shared/domain/deadlines';
import type { MissingItem } from '../../../shared/domain/missing-item';
import { repositories } from '../../db';
import { DeadlineTag } from '../../ui/DeadlineTag';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import type { ProjectTabProps } from '../projects/project-tab';
import { MissingItemFormModal } from './MissingItemFormModal';
import {
  groupMissingRows,
  missingDisplayStatus,
  type MissingDisplayStatus,
  type MissingRow,
} from './missing-rows';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';
import { useOpenLinked } from '../projects/open-linked';

const statusColors: Record<MissingDisplayStatus, string> = {
  pending: 'processing',
  overdue: 'red',
  supplied: 'cyan',
  verified: 'green',
  returned: 'default',
};

type Editing = { missingItem?: MissingItem } | null;

/** 容缺材料: what each accepted-with-gaps item still owes, and by when. */
export function MissingItemsTab({
  project,
  records,
  deadlines,
  calendar,
  today,
  review,
}: ProjectTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  useOpenLinked(records.missingItems, (missingItem) => setEditing({ missingItem }));

  const rows = useMemo(
    () => groupMissingRows(records.missingItems, records.approvalItems),
    [records.missingItems, records.approvalItems],
  );
  const deadlineOf = useMemo(() => {
    const byRecord = new Map<string, Deadline>();
    for (const deadline of deadlines) {
      if (deadline.kind === 'missingItem') byRecord.set(deadline.recordId, deadline);
    }
    return byRecord;
  }, [deadlines]);

  const pending = records.missingItems.filter((item) => item.status === 'pending');
  const overdue = pending.filter((item) => missingDisplayStatus(item, today) === 'overdue');

  async function write(action: () => Promise<unknown>, success: string) {
    try {
      await action();
      void message.success(success);
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  const markSupplied = (item: MissingItem) =>
    write(
      () => repositories.missingItems.update(item.id, { status: 'supplied', suppliedOn: today }),
      t('missing.markedSupplied', { material: item.material, date: today }),
    );
  const markVerified = (item: MissingItem) =>
    write(
      () =>
        repositories.missingItems.update(item.id, {
          status: 'verified',
          suppliedOn: item.suppliedOn ?? today,
        }),
      t('missing.markedVerified', { material: item.material }),
    );
  const remove = (item: MissingItem) =>
    write(() => repositories.missingItems.remove(item.id), t('common.deleted'));

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text>
          {t('missing.summary', { pending: pending.length })}
          {overdue.length > 0 && (
            <Typography.Text type="danger">
              {'，'}
              {t('missing.summaryOverdue', { count: overdue.length })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={records.approvalItems.length === 0}
          onClick={() => setEditing({})}
        >
          {t('missing.add')}
        </Button>
      </Flex>
      {records.approvalItems.length === 0 && (
        <Alert type="info" showIcon title={t('missing.noApprovalItems')} />
      )}
      <Table<MissingRow>
        rowKey={(row) => row.item.id}
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('missing.empty') }}
        rowClassName={(row) => `missing-status-${missingDisplayStatus(row.item, today)}`}
        columns={[
          {
            title: t('missing.approvalItem'),
            key: 'approvalItem',
            width: 200,
            // One merged cell per approval item: its materials read as one group.
            onCell: (row) => ({ rowSpan: row.groupSpan }),
            render: (_, row) =>
              row.approvalItem ? (
                <Space size={4} wrap>
                  <Typography.Text strong>{row.approvalItem.name}</Typography.Text>
                  <Tag>{t(`stageShort.${row.approvalItem.stage}`)}</Tag>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('missing.unknownItem')}</Typography.Text>
              ),
          },
          {
            title: t('fieldLabel.material'),
            key: 'material',
            render: (_, row) => (
              <>
                <Space size={4} wrap>
                  {row.item.material}
                  <NeedsReviewTag issues={review.get(row.item.id)} />
                </Space>
                {row.item.notes && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {row.item.notes}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('fieldLabel.supplier'),
            key: 'supplier',
            width: 110,
            render: (_, row) => row.item.supplier,
          },
          {
            title: t('fieldLabel.promisedOn'),
            key: 'promisedOn',
            width: 240,
            render: (_, row) => {
              const deadline = deadlineOf.get(row.item.id);
              return row.item.status === 'pending' && deadline ? (
                <DeadlineTag deadline={deadline} />
              ) : (
                row.item.promisedOn
              );
            },
          },
          {
            title: t('fieldLabel.status'),
            key: 'status',
            width: 90,
            render: (_, row) => {
              const status = missingDisplayStatus(row.item, today);
              return <Tag color={statusColors[status]}>{t(`missingStatus.${status}`)}</Tag>;
            },
          },
          {
            title: t('fieldLabel.suppliedOn'),
            key: 'suppliedOn',
            width: 100,
            render: (_, row) => row.item.suppliedOn ?? '',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            render: (_, { item }) => (
              <Space size={0} wrap>
                {item.status === 'pending' && (
                  <Button type="link" size="small" onClick={() => void markSupplied(item)}>
                    {t('missing.markSupplied')}
                  </Button>
                )}
                {item.status === 'supplied' && (
                  <Button type="link" size="small" onClick={() => void markVerified(item)}>
                    {t('missing.markVerified')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setEditing({ missingItem: item })}>
                  {t('common.edit')}
                </Button>
                <DeleteButton onConfirm={() => void remove(item)} />
                <HistoryButton recordId={item.id} title={item.material} />
              </Space>
            ),
          },
        ]}
      />
      <MissingItemFormModal
        open={editing !== null}
        projectId={project.id}
        approvalItems={records.approvalItems}
        calendar={calendar}
        missingItem={editing?.missingItem}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
