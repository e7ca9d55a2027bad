import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Segmented, Space, Table, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEntry } from '../../../shared/dashboard/board';
import { echarts, type BoardChartOption } from './charts';

/** One bar (or group of bars) of a chart, and the records behind it. */
export type ChartRow = {
  key: string;
  label: string;
  /** One value per series. */
  values: number[];
  /** What the table under the chart shows for the row (defaults to the values). */
  text?: string;
  /** Highlighted (e.g. over the target). */
  alert?: boolean;
  entries: BoardEntry[];
};

export type ChartSeries = { name: string; color: string; stack?: string };

export type ChartSpec = {
  testId: string;
  title: string;
  series: ChartSeries[];
  /** Rows for the table under the chart; the chart draws the first `charted` of them. */
  rows: ChartRow[];
  charted?: number;
  /** Category labels on the left, bars to the right: long names (departments, projects). */
  horizontal?: boolean;
  /** A horizontal target line, with its label. */
  target?: { value: number; label: string };
  /** How a value reads (e.g. '87%'). */
  format?: (value: number) => string;
  max?: number;
  extra?: ReactNode;
  note?: string;
};

type Props = {
  spec: ChartSpec;
  projector: boolean;
  /** The file name's date part. */
  today: string;
  onOpen: (spec: ChartSpec, row: ChartRow) => void;
  onReady?: () => void;
};

const collapse = (label: string, max: number) =>
  label.length > max ? `${label.slice(0, max - 1)}…` : label;

/**
 * A chart of the board, or on 明细 the same figures as a table whose rows open the records behind
 * them — as clicking a bar does; the table also serves keyboards and screen readers. One or the
 * other: a leader reads the charts, and seven tables under them cost 看板 a tenth of a second to
 * open on a city.
 */
export function ChartCard({ spec, projector, today, onOpen, onReady }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const { message } = App.useApp();
  const chart = useRef<ReactEChartsCore>(null);
  const charted = useMemo(
    () => spec.rows.slice(0, spec.charted ?? spec.rows.length),
    [spec.rows, spec.charted],
  );
  const fontSize = projector ? 20 : 12;
  const format = spec.format ?? String;

  const option = useMemo<BoardChartOption>(() => {
    const labels = charted.map((row) => collapse(row.label, projector ? 10 : 14));
    // Horizontal charts list the first row on top.
    const ordered = <T,>(values: T[]) => (spec.horizontal ? [...values].reverse() : values);
    const categoryAxis = {
      type: 'category' as const,
      data: ordered(labels),
      axisLabel: { fontSize, interval: 0, rotate: spec.horizontal || labels.length <= 6 ? 0 : 30 },
    };
    const valueAxis = {
      type: 'value' as const,
      max: spec.max,
      // Counts and working days are whole numbers: no 0.5 on the axis.
      minInterval: spec.max === undefined ? 1 : undefined,
      axisLabel: { fontSize, formatter: (value: number) => format(value) },
    };
    return {
      animation: false,
      textStyle: { fontSize },
      legend: spec.series.length > 1 ? { top: 0, textStyle: { fontSize } } : undefined,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        textStyle: { fontSize },
        valueFormatter: (value) => (typeof value === 'number' ? format(value) : String(value)),
      },
      grid: {
        left: 8,
        right: 24,
        top: spec.series.length > 1 ? 36 : 16,
        bottom: 8,
        containLabel: true,
      },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxis,
      series: spec.series.map((series, index) => ({
        type: 'bar',
        name: series.name,
        stack: series.stack,
        barMaxWidth: 48,
        itemStyle: { color: series.color },
        cursor: 'pointer',
        data: ordered(
          charted.map((row) => ({
            value: row.values[index] ?? 0,
            itemStyle: row.alert ? { color: '#cf1322' } : undefined,
          })),
        ),
        markLine:
          index === 0 && spec.target
            ? {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed', width: 2 },
                label: { formatter: spec.target.label, fontSize, position: 'insideEndTop' },
                data: [
                  spec.horizontal ? { xAxis: spec.target.value } : { yAxis: spec.target.value },
                ],
              }
            : undefined,
      })),
    };
  }, [charted, spec, projector, fontSize, format]);

  const rowAt = (dataIndex: number) =>
    charted[spec.horizontal ? charted.length - 1 - dataIndex : dataIndex];

  function exportPicture() {
    const instance: EChartsType | undefined = chart.current?.getEchartsInstance();
    if (!instance) return;
    const name = `${spec.title}-${today}.png`;
    const link = document.createElement('a');
    link.href = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    void message.success(t('board.exported', { name }));
  }

  const height =
    (projector ? 420 : 300) + (spec.horizontal ? Math.max(0, charted.length - 8) * 22 : 0);
  return (
    <Card
      size="small"
      data-testid={spec.testId}
      title={spec.title}
      extra={
        <Space>
          {spec.extra}
          <Segmented<'chart' | 'table'>
            size="small"
            value={view}
            onChange={setView}
            aria-label={t('board.view.label', { chart: spec.title })}
            options={[
              { value: 'chart', label: t('board.view.chart') },
              { value: 'table', label: t('board.view.table') },
            ]}
          />
          <Button
            size="small"
            icon={<DownloadOutlined />}
            disabled={charted.length === 0 || view === 'table'}
            onClick={exportPicture}
          >
            {t('board.exportPng')}
          </Button>
        </Space>
      }
    >
      {spec.note && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {spec.note}
        </Typography.Paragraph>
      )}
      {view === 'table' ? null : charted.length === 0 ? (
        <Empty description={t('board.noData')} />
      ) : (
        <ReactEChartsCore
          ref={chart}
          echarts={echarts}
          option={option}
          notMerge
          style={{ height }}
          onChartReady={onReady}
          onEvents={{
            click: (event: ECElementEvent) => {
              const row = rowAt(event.dataIndex);
              if (row) onOpen(spec, row);
            },
          }}
        />
      )}
      {view === 'table' && (
        <Table<ChartRow>
          size="small"
          rowKey="key"
          dataSource={spec.rows}
          pagination={{ pageSize: 5, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('board.noData') }}
          columns={[
            { title: t('board.category'), dataIndex: 'label' },
            {
              title: t('board.value'),
              key: 'value',
              render: (_, row) =>
                row.text ??
                row.values
                  .map((value, index) => `${spec.series[index]?.name ?? ''} ${format(value)}`)
                  .join('，'),
            },
            {
              title: '',
              key: 'open',
              width: 90,
              render: (_, row) => (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('board.showRecords', { label: row.label })}
                  disabled={row.entries.length === 0}
                  onClick={() => onOpen(spec, row)}
                >
                  {t('board.show')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
