import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Modal, Progress, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem, ApprovalItemInput } from '../../../shared/domain/approval-item';
import { stageProgress } from '../../../shared/domain/progress';
import type { Stage } from '../../../shared/domain/stages';
import { repositories } from '../../db';
import { useCatalog } from '../../db/useTeamData';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import { MissingItemFormModal } from '../missing-items/MissingItemFormModal';
import { CatalogPicker } from '../projects/CatalogPicker';
import type { ProjectTabProps } from '../projects/project-tab';
import { ApprovalItemDrawer } from './ApprovalItemDrawer';
import { ItemDueDate } from './ItemDueDate';
import { StatusSelect } from './StatusSelect';
import { DeleteButton } from '../../ui/DeleteButton';
import { useOpenLinked } from '../projects/open-linked';

function newItem(projectId: string, stage: Stage, sortOrder: number): ApprovalItemInput {
  return {
    projectId,
    catalogItemId: null,
    stage,
    name: '',
    department: '',
    departmentLevel: 'district',
    handlingMode: 'regular',
    status: 'notStarted',
    pausedIntervals: [],
    submittedOn: null,
    acceptedOn: null,
    completedOn: null,
    timeLimit: null,
    certificateNo: '',
    commitmentCheck: null,
    notes: '',
    sortOrder,
  };
}

/** 审批事项: the project's items by stage, each stage with its progress, dates and tiers. */
export function ApprovalItemsTab({
  project,
  records,
  deadlines,
  calendar,
  today,
  review,
}: ProjectTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalog = useCatalog();
  const [editing, setEditing] = useState<ApprovalItem | ApprovalItemInput | null>(null);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [missingFor, setMissingFor] = useState<string | null>(null);
  useOpenLinked(records.approvalItems, setEditing);
  const items = records.approvalItems;
  const progress = stageProgress(items);
  const nextSortOrder = items.reduce((max, item) => Math.max(max, item.sortOrder), 0) + 10;

  async function addPicked() {
    const created = await repositories.addItemsFromCatalog(project.id, picked);
    void message.success(t('item.added', { count: created.length }));
    setPicking(false);
    setPicked([]);
  }

  return (
    <Flex vertical gap={12}>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)}>
          {t('item.addFromCatalog')}
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setEditing(newItem(project.id, 'landPlanning', nextSortOrder))}
        >
          {t('item.addManually')}
        </Button>
      </Space>
      {items.length === 0 && <Empty description={t('item.none')} />}
      {progress
        .filter((stage) => stage.total > 0)
        .map(({ stage, total, finished }) => (
          <Card
            key={stage}
            size="small"
            data-testid={`stage-${stage}`}
            title={
              <Flex align="center" gap={12}>
                <span>{t(`stage.${stage}`)}</span>
                <Progress
                  percent={Math.round((finished / total) * 100)}
                  size="small"
                  style={{ width: 160, margin: 0 }}
                  format={() => t('item.progress', { finished, total })}
                />
              </Flex>
            }
          >
            <Table<ApprovalItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={items.filter((item) => item.stage === stage)}
              columns={[
                {
                  title: t('item.name'),
                  dataIndex: 'name',
                  render: (name: string, item) => (
                    <Space size={4} wrap>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(item)}
                        style={{ padding: 0 }}
                      >
                        {name}
                      </Button>
                      <NeedsReviewTag issues={review.get(item.id)} />
                    </Space>
                  ),
                },
                {
                  title: t('item.department'),
                  dataIndex: 'department',
                  width: 180,
                  render: (department: string, item) => (
                    <Space size={4}>
                      {department}
                      {item.departmentLevel !== 'district' && (
                        <Tooltip
                          title={t('item.travel', {
                            level: t(`departmentLevel.${item.departmentLevel}`),
                          })}
                        >
                          <Tag icon={<EnvironmentOutlined />} color="purple">
                            {t(`departmentLevel.${item.departmentLevel}`)}
                          </Tag>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
                {
                  title: t('item.mode'),
                  dataIndex: 'handlingMode',
                  width: 96,
                  render: (mode: ApprovalItem['handlingMode']) =>
                    mode === 'regular' ? (
                      t('handlingMode.regular')
                    ) : (
                      <Tag color="geekblue">{t(`handlingMode.${mode}`)}</Tag>
                    ),
                },
                {
                  title: t('item.status'),
                  key: 'status',
                  width: 120,
                  render: (_, item) => <StatusSelect item={item} today={today} />,
                },
                { title: t('item.acceptedOn'), dataIndex: 'acceptedOn', width: 100 },
                {
                  title: t('item.limit'),
                  key: 'limit',
                  width: 110,
                  render: (_, item) =>
                    item.timeLimit
                      ? `${item.timeLimit.days} ${t(`timeUnit.${item.timeLimit.unit}`)}`
                      : t('item.noLimit'),
                },
                {
                  title: t('item.due'),
                  key: 'due',
                  width: 300,
                  render: (_, item) => (
                    <ItemDueDate
                      item={item}
                      calendar={calendar}
                      deadline={deadlines.find(
                        (deadline) =>
                          deadline.kind === 'approvalItem' && deadline.recordId === item.id,
                      )}
                    />
                  ),
                },
                {
                  title: '',
                  key: 'actions',
                  width: 230,
                  render: (_, item) => (
                    <Space size={0}>
                      {item.handlingMode === 'missingAccepted' && item.acceptedOn && (
                        <Button type="link" size="small" onClick={() => setMissingFor(item.id)}>
                          {t('item.addMissing')}
                        </Button>
                      )}
                      <HistoryButton recordId={item.id} title={item.name} />
                      <DeleteButton
                        title={t('item.confirmDelete')}
                        onConfirm={() => void repositories.approvalItems.remove(item.id)}
                      />
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        ))}
      {editing && (
        <ApprovalItemDrawer item={editing} calendar={calendar} onClose={() => setEditing(null)} />
      )}
      <MissingItemFormModal
        open={missingFor !== null}
        projectId={project.id}
        approvalItems={items}
        calendar={calendar}
        approvalItemId={missingFor ?? undefined}
        onClose={() => setMissingFor(null)}
      />
      <Modal
        open={picking}
        title={t('item.addFromCatalogTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: picked.length === 0 }}
        onOk={() => void addPicked()}
        onCancel={() => setPicking(false)}
        width={640}
      >
        <CatalogPicker catalog={catalog ?? []} checked={picked} onChange={setPicked} />
      </Modal>
    </Flex>
  );
}
