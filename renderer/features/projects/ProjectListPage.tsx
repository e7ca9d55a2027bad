import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { format } from 'date-fns';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  projectLevels,
  projectStatuses,
  type ProjectLevel,
  type ProjectStatus,
} from '../../../shared/domain/project';
import { stages, type Stage } from '../../../shared/domain/stages';
import { useHelperAgents } from '../../db/useTeamData';
import { LedgerButtons } from '../ledger/LedgerButtons';
import { tierColors } from '../../ui/DeadlineTag';
import { NeedsReviewCount } from '../../ui/NeedsReviewTag';
import { levelColors } from './level-colors';
import {
  emptyProjectFilter,
  filterFromSearch,
  filterToSearch,
  matchesFilter,
  type ProjectFilter,
} from './project-filter';
import { useProjectSummaries, type ProjectSummary } from './useProjectSummaries';

export function ProjectListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summaries = useProjectSummaries();
  const agents = useHelperAgents();
  const [search, setSearch] = useSearchParams();
  // Typing stays in local state (a navigation per keystroke would lag the input); the URL
  // follows, so the summary sheet and the way back from it see the same filter.
  const [filters, setFilters] = useState(() => filterFromSearch(search));
  useEffect(() => {
    const wanted = filterToSearch(filters);
    if (wanted.toString() !== search.toString()) setSearch(wanted, { replace: true });
  }, [filters, search, setSearch]);
  const agentNames = useMemo(
    () => new Map((agents ?? []).map((agent) => [agent.id, agent.name])),
    [agents],
  );
  // Seconded staff are known by name and unit (王小明（某某镇）): two of a name are common.
  const agentLabels = useMemo(
    () =>
      new Map(
        (agents ?? []).map((agent) => [
          agent.id,
          agent.unit ? `${agent.name}（${agent.unit}）` : agent.name,
        ]),
      ),
    [agents],
  );
  const shown = useMemo(
    () => summaries?.filter((summary) => matchesFilter(summary, filters, agentNames)),
    [summaries, filters, agentNames],
  );
  const set = (patch: Partial<ProjectFilter>) =>
    setFilters((current) => ({ ...current, ...patch }));
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.list')}
        </Typography.Title>
        <Space>
          <LedgerButtons />
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/print/summary?${filterToSearch(filters).toString()}`)}
          >
            {t('print.printSummary')}
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/projects/new')}
          >
            {t('project.new')}
          </Button>
        </Space>
      </Flex>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('project.searchPlaceholder')}
          aria-label={t('common.search')}
          value={filters.query}
          onChange={(event) => set({ query: event.target.value })}
          style={{ width: 320 }}
        />
        <Select
          allowClear
          placeholder={t('project.filterStage')}
          aria-label={t('project.filterStage')}
          style={{ width: 160 }}
          value={filters.stage}
          onChange={(stage?: Stage) => set({ stage })}
          options={options(stages, 'stage')}
        />
        <Select
          allowClear
          placeholder={t('project.level')}
          aria-label={t('project.level')}
          style={{ width: 110 }}
          value={filters.level}
          onChange={(level?: ProjectLevel) => set({ level })}
          options={options(projectLevels, 'level')}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('project.helperAgent')}
          aria-label={t('project.helperAgent')}
          style={{ width: 220 }}
          value={filters.agentId}
          onChange={(agentId?: string) => set({ agentId })}
          options={agents?.map((agent) => ({
            value: agent.id,
            label: agentLabels.get(agent.id) ?? agent.name,
          }))}
        />
        <Select
          allowClear
          placeholder={t('fieldLabel.status')}
          aria-label={t('fieldLabel.status')}
          style={{ width: 110 }}
          value={filters.status}
          onChange={(status?: ProjectStatus) => set({ status })}
          options={options(projectStatuses, 'projectStatus')}
        />
        <Checkbox
          checked={filters.hasOverdue}
          onChange={(event) => set({ hasOverdue: event.target.checked })}
        >
          {t('project.filterOverdue')}
        </Checkbox>
      </Space>
      <Table<ProjectSummary>
        rowKey={(summary) => summary.project.id}
        size="small"
        loading={shown === undefined}
        dataSource={shown}
        pagination={{ pageSize: 50, showTotal: (count) => t('project.count', { count }) }}
        locale={{
          emptyText:
            summaries && summaries.length > 0 ? (
              <Space orientation="vertical" size={4} data-testid="filtered-empty">
                {t('project.noMatch')}
                <Button size="small" onClick={() => setFilters(emptyProjectFilter)}>
                  {t('project.clearFilters')}
                </Button>
              </Space>
            ) : (
              t('project.empty')
            ),
        }}
        columns={[
          {
            title: t('project.name'),
            key: 'name',
            render: (_, { project }) => <Link to={`/projects/${project.id}`}>{project.name}</Link>,
          },
          {
            title: t('project.ownerCompany'),
            key: 'owner',
            render: (_, { project }) => project.ownerCompany,
          },
          {
            title: t('project.level'),
            key: 'level',
            width: 86,
            render: (_, { project }) => (
              <Tag color={levelColors[project.level]}>{t(`level.${project.level}`)}</Tag>
            ),
          },
          {
            title: t('project.currentStage'),
            key: 'stage',
            width: 150,
            // The count is of approval items, not of the four stages: said in words.
            render: (_, { stage, finished, total }) =>
              total === 0 ? (
                '—'
              ) : (
                <Space orientation="vertical" size={0}>
                  {stage ? t(`stageShort.${stage}`) : t('project.allDone')}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('project.itemsDone', { finished, total })}
                  </Typography.Text>
                </Space>
              ),
          },
          {
            title: t('project.helperAgent'),
            key: 'agents',
            width: 200,
            render: (_, { project }) =>
              project.helperAgentIds
                .map((id) => agentLabels.get(id))
                .filter(Boolean)
                .join('、'),
          },
          {
            title: t('fieldLabel.status'),
            key: 'status',
            width: 80,
            render: (_, { project }) => t(`projectStatus.${project.status}`),
          },
          {
            title: t('project.alerts'),
            key: 'alerts',
            width: 220,
            render: (_, { worst, overdue, warning, review }) =>
              worst && worst !== 'normal' ? (
                <Space size={2} data-tier={worst} wrap>
                  {overdue > 0 && (
                    <Tag color={tierColors.overdue}>
                      {t('tier.overdue')} {overdue}
                    </Tag>
                  )}
                  {warning > 0 && (
                    <Tag color={tierColors.warning}>
                      {t('tier.warning')} {warning}
                    </Tag>
                  )}
                  <NeedsReviewCount review={review} />
                </Space>
              ) : (
                <Space size={2} wrap>
                  <Typography.Text type="secondary">
                    {worst ? t('tier.normal') : ''}
                  </Typography.Text>
                  <NeedsReviewCount review={review} />
                </Space>
              ),
          },
          {
            title: t('project.updatedAt'),
            key: 'updatedAt',
            width: 140,
            render: (_, { project }) => format(new Date(project.updatedAt), 'yyyy-MM-dd HH:mm'),
          },
        ]}
      />
    </Flex>
  );
}
