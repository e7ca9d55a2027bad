import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { format, getYear, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  canEstimate,
  estimateHolidays,
  type Festival,
} from '../../../shared/calendar/statutory-holidays';
import { builtinYears } from '../../../shared/calendar/working-day-calendar';
import { recordIssues } from '../../../shared/domain/record-issues';
import type { HolidaySchedule } from '../../../shared/domain/settings';
import { repositories } from '../../db';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import { dateRanges, formatRange } from './schedule-text';
import { DeleteButton } from '../../ui/DeleteButton';
import { useToday } from '../../ui/useToday';
import { writeErrorText } from '../../ui/write-error';

/** The built-in years, a year users entered, or a year counted with the law's holidays. */
type Row = { key: string; schedule?: HolidaySchedule; estimatedYear?: number };

/** An estimated year's days off by festival, 补假 said as such: what the deadlines assume. */
function describeEstimate(year: number, t: TFunction): string[] {
  const byFestival = new Map<Festival, { days: string[]; inLieu: string[] }>();
  for (const { date, festival, inLieu } of estimateHolidays(year)) {
    const entry = byFestival.get(festival) ?? { days: [], inLieu: [] };
    (inLieu ? entry.inLieu : entry.days).push(date);
    byFestival.set(festival, entry);
  }
  const ranges = (dates: string[]) => dateRanges(dates).map(formatRange).join('、');
  return [...byFestival].map(([festival, { days, inLieu }]) =>
    [
      t('teamSettings.holidays.estimatedDay', {
        festival: t(`teamSettings.festival.${festival}`),
        dates: ranges(days),
      }),
      inLieu.length > 0 ? t('teamSettings.holidays.inLieu', { dates: ranges(inLieu) }) : '',
    ]
      .filter(Boolean)
      .join('，'),
  );
}

const isBuiltinYear = (year: number) => year >= builtinYears.from && year <= builtinYears.to;

type Props = {
  schedules: readonly HolidaySchedule[] | undefined;
  /** Opens the editor on a saved year, or on a new one. */
  onEdit: (existing?: HolidaySchedule) => void;
};

/** 节假日安排: the built-in years and the years users entered, which the deadlines count with. */
export function HolidaySchedulesSection({ schedules, onEdit }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const thisYear = getYear(parseISO(useToday()));
  const replaced = (schedules ?? [])
    .filter((row) => isBuiltinYear(row.year))
    .map((row) => row.year);
  // The years open deadlines run into: shown with what is assumed for them until entered.
  const estimated = [thisYear, thisYear + 1].filter(
    (year) =>
      canEstimate(year) &&
      !isBuiltinYear(year) &&
      !(schedules ?? []).some((row) => row.year === year),
  );
  const rows: Row[] = [
    { key: 'builtin' },
    ...(schedules ?? []).map((schedule) => ({ key: schedule.id, schedule })),
    ...estimated.map((year) => ({ key: `estimate-${year}`, estimatedYear: year })),
  ];

  async function remove(schedule: HolidaySchedule) {
    try {
      await repositories.removeHolidaySchedule(schedule.id);
      void message.success(t('teamSettings.holidays.deleted', { year: schedule.year }));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  return (
    <Card
      size="small"
      title={t('teamSettings.holidays.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onEdit()}>
          {t('teamSettings.holidays.enter')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('teamSettings.holidays.intro')}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        rowKey="key"
        loading={schedules === undefined}
        dataSource={rows}
        pagination={false}
        data-testid="holiday-years"
        expandable={{
          rowExpandable: (row) => row.schedule !== undefined || row.estimatedYear !== undefined,
          expandedRowRender: ({ schedule, estimatedYear }) =>
            estimatedYear !== undefined ? (
              <Space orientation="vertical" size={2}>
                {describeEstimate(estimatedYear, t).map((line) => (
                  <span key={line}>{line}</span>
                ))}
                <Typography.Text type="secondary">
                  {t('teamSettings.holidays.estimatedHint')}
                </Typography.Text>
              </Space>
            ) : (
              schedule && (
                <Space orientation="vertical" size={2}>
                  <span>
                    {t('teamSettings.scheduleEditor.holidaysLabel')}：
                    {dateRanges(schedule.holidays).map(formatRange).join('、') ||
                      t('teamSettings.scheduleEditor.none')}
                  </span>
                  <span>
                    {t('teamSettings.scheduleEditor.makeUpsLabel')}：
                    {dateRanges(schedule.makeUpWorkdays).map(formatRange).join('、') ||
                      t('teamSettings.scheduleEditor.none')}
                  </span>
                </Space>
              )
            ),
        }}
        columns={[
          {
            title: t('teamSettings.holidays.year'),
            key: 'year',
            width: 150,
            render: (_, { schedule, estimatedYear }) =>
              schedule ? (
                <Space size={4}>
                  {schedule.year}
                  <NeedsReviewTag issues={recordIssues('holidaySchedules', schedule)} />
                </Space>
              ) : (
                (estimatedYear ?? t('teamSettings.holidays.builtinYears', builtinYears))
              ),
          },
          {
            title: t('teamSettings.holidays.source'),
            key: 'source',
            render: (_, { schedule, estimatedYear }) => {
              if (estimatedYear !== undefined) {
                return (
                  <Tag color="gold" data-testid="estimated-year">
                    {t('teamSettings.holidays.estimatedSource')}
                  </Tag>
                );
              }
              if (!schedule) {
                return (
                  <Space size={4} wrap>
                    <Tag color="blue">{t('teamSettings.holidays.builtinSource')}</Tag>
                    {replaced.length > 0 && (
                      <Typography.Text type="secondary">
                        {t('teamSettings.holidays.builtinReplaced', { years: replaced.join('、') })}
                      </Typography.Text>
                    )}
                  </Space>
                );
              }
              return isBuiltinYear(schedule.year) ? (
                <Tag color="orange">{t('teamSettings.holidays.userReplacesBuiltin')}</Tag>
              ) : (
                <Tag color="green">{t('teamSettings.holidays.userSource')}</Tag>
              );
            },
          },
          {
            title: t('teamSettings.holidays.holidayCount'),
            key: 'holidays',
            width: 90,
            render: (_, { schedule, estimatedYear }) =>
              schedule
                ? t('teamSettings.holidays.days', { count: schedule.holidays.length })
                : estimatedYear !== undefined
                  ? t('teamSettings.holidays.days', {
                      count: estimateHolidays(estimatedYear).length,
                    })
                  : '—',
          },
          {
            title: t('teamSettings.holidays.makeUpCount'),
            key: 'makeUps',
            width: 90,
            render: (_, { schedule }) =>
              schedule
                ? t('teamSettings.holidays.days', { count: schedule.makeUpWorkdays.length })
                : '—',
          },
          {
            title: t('teamSettings.holidays.updatedAt'),
            key: 'updatedAt',
            width: 140,
            render: (_, { schedule }) =>
              schedule ? format(new Date(schedule.updatedAt), 'yyyy-MM-dd HH:mm') : '—',
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 260,
            render: (_, { schedule, estimatedYear }) =>
              estimatedYear !== undefined ? (
                <Button size="small" type="link" onClick={() => onEdit()}>
                  {t('teamSettings.holidays.missingAction', { year: estimatedYear })}
                </Button>
              ) : (
                schedule && (
                  <Space size={0}>
                    <Button
                      size="small"
                      type="link"
                      icon={<EditOutlined />}
                      onClick={() => onEdit(schedule)}
                    >
                      {t('teamSettings.holidays.view')}
                    </Button>
                    <DeleteButton
                      title={t('teamSettings.holidays.confirmDelete', { year: schedule.year })}
                      description={
                        <div style={{ maxWidth: 300 }}>
                          {t('teamSettings.holidays.deleteHint', { year: schedule.year })}
                        </div>
                      }
                      onConfirm={() => void remove(schedule)}
                    />
                    <HistoryButton
                      recordId={schedule.id}
                      title={t('teamSettings.scheduleEditor.editTitle', { year: schedule.year })}
                    />
                  </Space>
                )
              ),
          },
        ]}
      />
    </Card>
  );
}
