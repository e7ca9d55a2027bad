import {
  Button,
  Card,
  Col,
  ConfigProvider,
  Row,
  Segmented,
  Space,
  Statistic,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  startOnLandDealTargetWorkingDays,
  type Board,
  type StageRow,
  type StagePosition,
} from '../../../shared/dashboard/board';
import { projectLevels } from '../../../shared/domain/project';
import { ChartCard, type ChartRow, type ChartSpec } from './ChartCard';
import { RecordsDrawer, type OpenRecords } from './RecordsDrawer';

type Props = {
  board: Board | undefined;
  today: string;
  /** Called once per chart drawn (the bench waits for them). */
  onChartReady?: () => void;
};

type LandScope = 'startOnLandDeal' | 'all';

/** The land-to-permit chart draws this many projects; its table lists all. */
const chartedProjects = 30;

const levelColors = { province: '#cf1322', city: '#d48806', district: '#1677ff' } as const;

function labelOf(t: TFunction, position: StagePosition): string {
  return position === 'allDone' || position === 'noItems'
    ? t(`board.${position}`)
    : t(`stageShort.${position}`);
}

/** 看板: counts per stage and level, then the charts, each opening the records behind its bars. */
export function BoardView({ board, today, onChartReady }: Props) {
  const { t } = useTranslation();
  const [projector, setProjector] = useState(false);
  const [landScope, setLandScope] = useState<LandScope>('startOnLandDeal');
  const [open, setOpen] = useState<OpenRecords>(null);

  const positionLabel = (position: StagePosition) => labelOf(t, position);

  const specs = useMemo<ChartSpec[]>(() => {
    if (!board) return [];
    const percent = (value: number) => `${Math.round(value * 100)}%`;
    const land = board.landToPermit.filter((row) => landScope === 'all' || row.startOnLandDeal);
    return [
      {
        testId: 'chart-stages',
        title: t('board.chart.stages'),
        series: projectLevels.map((level) => ({
          name: t(`level.${level}`),
          color: levelColors[level],
          stack: 'projects',
        })),
        rows: board.stages.map((row) => ({
          key: row.position,
          label: labelOf(t, row.position),
          values: projectLevels.map((level) => row.byLevel[level]),
          text: `${t('board.total')} ${row.total}`,
          entries: row.projects,
        })),
      },
      {
        testId: 'chart-on-time',
        title: t('board.chart.onTime'),
        note: t('board.onTimeNote'),
        horizontal: true,
        max: 1,
        format: percent,
        series: [{ name: t('board.series.onTimeRate'), color: '#389e0d' }],
        rows: board.onTime.map((row) => ({
          key: row.department,
          label: row.department || t('board.blankDepartment'),
          values: [row.rate],
          text: t('board.onTimeValue', {
            rate: Math.round(row.rate * 100),
            onTime: row.onTime,
            late: row.late,
          }),
          entries: row.entries,
        })),
      },
      {
        testId: 'chart-land-to-permit',
        title: t('board.chart.landToPermit'),
        note:
          land.length > chartedProjects
            ? t('board.landNote', { count: chartedProjects })
            : undefined,
        charted: chartedProjects,
        series: [{ name: t('board.series.workingDays'), color: '#1677ff' }],
        target:
          landScope === 'startOnLandDeal'
            ? {
                value: startOnLandDealTargetWorkingDays,
                label: t('board.series.target', { count: startOnLandDealTargetWorkingDays }),
              }
            : undefined,
        extra: (
          <Segmented<LandScope>
            size="small"
            value={landScope}
            onChange={setLandScope}
            options={[
              { value: 'startOnLandDeal', label: t('board.landScope.startOnLandDeal') },
              { value: 'all', label: t('board.landScope.all') },
            ]}
          />
        ),
        rows: land.map((row) => ({
          key: row.projectId,
          label: row.projectName,
          values: [row.workingDays],
          alert: row.overTarget,
          text: `${row.workingDays} ${row.status === 'running' ? t('board.running') : ''}`,
          entries: [
            {
              key: row.projectId,
              table: 'projects',
              id: row.projectId,
              projectId: row.projectId,
              projectName: row.projectName,
              title: row.projectName,
              department: '',
              workingDays: row.workingDays,
              dueDate: null,
            },
          ],
        })),
      },
      {
        testId: 'chart-overdue-department',
        title: t('board.chart.overdueByDepartment'),
        horizontal: true,
        series: [{ name: t('board.series.overdue'), color: '#cf1322' }],
        rows: board.overdueByDepartment.map((row) => ({
          key: row.key,
          label: row.key || t('board.blankDepartment'),
          values: [row.count],
          entries: row.entries,
        })),
      },
      {
        testId: 'chart-overdue-level',
        title: t('board.chart.overdueByLevel'),
        series: [{ name: t('board.series.overdue'), color: '#cf1322' }],
        rows: board.overdueByLevel.map((row) => ({
          key: row.key,
          label: t(`departmentLevel.${row.key}`),
          values: [row.count],
          entries: row.entries,
        })),
      },
      {
        testId: 'chart-workload',
        title: t('board.chart.workload'),
        horizontal: true,
        series: [
          { name: t('board.series.inHand'), color: '#1677ff' },
          { name: t('board.series.overdue'), color: '#cf1322' },
        ],
        rows: board.workload.map((row) => ({
          key: row.helperAgentId,
          label: row.name,
          values: [row.projects, row.overdueItems],
          entries: row.entries,
        })),
      },
    ];
  }, [board, landScope, t]);

  const openRow = (spec: ChartSpec, row: ChartRow) =>
    setOpen({
      title: t('board.drawerTitle', { chart: spec.title, label: row.label }),
      entries: row.entries,
    });
  const openStage = (row: StageRow) =>
    setOpen({
      title: t('board.drawerTitle', {
        chart: t('board.stageTable'),
        label: positionLabel(row.position),
      }),
      entries: row.projects,
    });

  return (
    <ConfigProvider theme={{ token: { fontSize: projector ? 20 : 14 } }}>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('board.title')}
        </Typography.Title>
        <Switch
          checked={projector}
          onChange={setProjector}
          checkedChildren={t('board.projector')}
          unCheckedChildren={t('board.projector')}
          aria-label={t('board.projector')}
        />
        <Typography.Text type="secondary">{t('board.projectorHint')}</Typography.Text>
      </Space>
      <Row gutter={12}>
        <Col span={6}>
          <Card size="small" loading={!board}>
            <Statistic title={t('board.projects')} value={board?.projectCount ?? 0} />
          </Card>
        </Col>
        {projectLevels.map((level) => (
          <Col span={6} key={level}>
            <Card size="small" loading={!board}>
              <Statistic title={t(`level.${level}`)} value={board?.byLevel[level] ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('board.stageTable')} style={{ marginTop: 12 }}>
        <Table<StageRow>
          size="small"
          loading={!board}
          rowKey="position"
          pagination={false}
          dataSource={board?.stages ?? []}
          columns={[
            {
              title: t('board.position'),
              key: 'position',
              render: (_, row) => positionLabel(row.position),
            },
            ...projectLevels.map((level) => ({
              title: t(`level.${level}`),
              key: level,
              render: (_: unknown, row: StageRow) => row.byLevel[level],
            })),
            {
              title: t('board.total'),
              key: 'total',
              render: (_, row) => (
                <Button
                  type="link"
                  size="small"
                  disabled={row.total === 0}
                  aria-label={t('board.showRecords', { label: positionLabel(row.position) })}
                  onClick={() => openStage(row)}
                >
                  {row.total}
                </Button>
              ),
            },
            { title: t('board.warningItems'), dataIndex: 'warningItems' },
            { title: t('board.overdueItems'), dataIndex: 'overdueItems' },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {specs.map((spec) => (
          <Col key={spec.testId} span={projector ? 24 : 12}>
            <ChartCard
              spec={spec}
              projector={projector}
              today={today}
              onOpen={openRow}
              onReady={onChartReady}
            />
          </Col>
        ))}
      </Row>
      <RecordsDrawer open={open} projector={projector} onClose={() => setOpen(null)} />
    </ConfigProvider>
  );
}
