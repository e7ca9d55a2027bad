import { EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Input,
  Segmented,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/domain/catalog-item';
import { stages, type Stage } from '../../../shared/domain/stages';
import { repositories } from '../../db';
import { useCatalog } from '../../db/useTeamData';
import { HistoryButton } from '../../ui/HistoryButton';
import { CatalogItemFormModal } from './CatalogItemFormModal';
import { formatTimeLimit } from './time-limit';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';

type StageFilter = Stage | 'all';
type Editing = undefined | 'new' | CatalogItem;

const stageOrder = (stage: Stage) => stages.indexOf(stage);

function matches(entry: CatalogItem, query: string): boolean {
  if (query === '') return true;
  return [entry.name, entry.department, entry.limitNote, ...entry.materials].some((text) =>
    text.toLowerCase().includes(query),
  );
}

/** 审批事项目录: the template every new project's approval items are copied from. */
export function CatalogSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const catalog = useCatalog();
  const [stage, setStage] = useState<StageFilter>('all');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [restoring, setRestoring] = useState(false);

  const sorted = useMemo(
    () =>
      [...(catalog ?? [])].sort(
        (a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.sortOrder - b.sortOrder,
      ),
    [catalog],
  );
  const shown = sorted.filter(
    (entry) =>
      (stage === 'all' || entry.stage === stage) && matches(entry, query.trim().toLowerCase()),
  );
  const materialOptions = useMemo(
    () => [...new Set(sorted.flatMap((entry) => entry.materials))],
    [sorted],
  );
  const newStage: Stage = stage === 'all' ? 'landPlanning' : stage;
  const newSortOrder =
    sorted
      .filter((entry) => entry.stage === newStage)
      .reduce((max, entry) => Math.max(max, entry.sortOrder), 0) + 10;

  async function run(write: () => Promise<unknown>, success?: string) {
    try {
      await write();
      if (success) void message.success(success);
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  async function restoreDefaults() {
    setRestoring(true);
    try {
      const count = await repositories.seedCatalog();
      void message.success(
        count > 0
          ? t('teamSettings.catalog.restored', { count })
          : t('teamSettings.catalog.restoredNone'),
      );
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setRestoring(false);
    }
  }

  const countOf = (wanted: Stage) => sorted.filter((entry) => entry.stage === wanted).length;

  return (
    <Card
      size="small"
      title={t('teamSettings.catalog.title')}
      extra={
        <Space>
          <Tooltip title={t('teamSettings.catalog.restoreHint')}>
            <Button
              icon={<UndoOutlined />}
              loading={restoring}
              onClick={() => void restoreDefaults()}
            >
              {t('teamSettings.catalog.restore')}
            </Button>
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('teamSettings.catalog.add')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('teamSettings.catalog.intro')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented<StageFilter>
          value={stage}
          onChange={setStage}
          options={[
            { value: 'all', label: `${t('teamSettings.catalog.all')} ${sorted.length}` },
            ...stages.map((value) => ({
              value,
              label: `${t(`stageShort.${value}`)} ${countOf(value)}`,
            })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('teamSettings.catalog.search')}
          aria-label={t('teamSettings.catalog.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: 260 }}
        />
        <Typography.Text type="secondary">
          {t('teamSettings.catalog.count', { count: shown.length })}
        </Typography.Text>
      </Space>
      <Table<CatalogItem>
        size="small"
        rowKey="id"
        loading={catalog === undefined}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 1250 }}
        locale={{
          emptyText:
            sorted.length > 0 ? (
              <Space orientation="vertical" size={4} data-testid="filtered-empty">
                {t('teamSettings.catalog.noMatch')}
                <Button
                  size="small"
                  onClick={() => {
                    setStage('all');
                    setQuery('');
                  }}
                >
                  {t('teamSettings.catalog.clearFilters')}
                </Button>
              </Space>
            ) : (
              t('teamSettings.catalog.empty')
            ),
        }}
        columns={[
          ...(stage === 'all'
            ? [
                {
                  title: t('teamSettings.catalog.stage'),
                  dataIndex: 'stage',
                  width: 90,
                  render: (value: Stage) => t(`stageShort.${value}`),
                },
              ]
            : []),
          {
            title: t('teamSettings.catalog.name'),
            dataIndex: 'name',
            width: 220,
            render: (name: string, entry) => (
              <Space size={4}>
                <Typography.Text type={entry.active ? undefined : 'secondary'}>
                  {name}
                </Typography.Text>
                {!entry.active && <Tag>{t('teamSettings.catalog.inactive')}</Tag>}
              </Space>
            ),
          },
          { title: t('teamSettings.catalog.department'), dataIndex: 'department', width: 130 },
          {
            title: t('teamSettings.catalog.level'),
            dataIndex: 'departmentLevel',
            width: 72,
            render: (level: CatalogItem['departmentLevel']) => t(`departmentLevel.${level}`),
          },
          {
            // The note (where the limit comes from) sits under the limit: one column, dense rows.
            title: t('teamSettings.catalog.timeLimit'),
            key: 'timeLimit',
            width: 250,
            render: (_, entry) => (
              <>
                <div data-testid="catalog-time-limit">{formatTimeLimit(entry.timeLimit, t)}</div>
                {entry.limitNote && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {entry.limitNote}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('teamSettings.catalog.active'),
            dataIndex: 'active',
            width: 64,
            render: (active: boolean, entry) => (
              <Switch
                size="small"
                checked={active}
                aria-label={t('teamSettings.catalog.activeLabel', { name: entry.name })}
                onChange={(checked) =>
                  void run(() => repositories.catalogItems.update(entry.id, { active: checked }))
                }
              />
            ),
          },
          {
            title: t('teamSettings.catalog.materials'),
            dataIndex: 'materials',
            render: (materials: string[]) => (
              <Space size={[0, 4]} wrap>
                {materials.map((material) => (
                  <Tag key={material}>{material}</Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 250,
            fixed: 'right',
            render: (_, entry) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(entry)}
                >
                  {t('common.edit')}
                </Button>
                <DeleteButton
                  title={t('teamSettings.catalog.confirmDelete', { name: entry.name })}
                  description={t('teamSettings.catalog.deleteHint')}
                  onConfirm={() =>
                    void run(
                      () => repositories.catalogItems.remove(entry.id),
                      t('teamSettings.catalog.deleted', { name: entry.name }),
                    )
                  }
                />
                <HistoryButton recordId={entry.id} title={entry.name} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <CatalogItemFormModal
          entry={editing === 'new' ? undefined : editing}
          newStage={newStage}
          newSortOrder={newSortOrder}
          materialOptions={materialOptions}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
