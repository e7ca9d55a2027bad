import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { builtinYears } from '../../../shared/calendar/working-day-calendar';
import { recordIssues } from '../../../shared/domain/record-issues';
import type { HolidaySchedule } from '../../../shared/domain/settings';
import { repositories } from '../../db';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import { dateRanges, formatRange } from './schedule-text';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';

type Row = { key: string; schedule?: HolidaySchedule };

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
  const replaced = (schedules ?? [])
    .filter((row) => isBuiltinYear(row.year))
    .map((row) => row.year);
  const rows: Row[] = [
    { key: 'builtin' },
    ...(schedules ?? []).map((schedule) => ({ key: schedule.id, schedule })),
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
          rowExpandable: (row) => row.schedule !== undefined,
          expandedRowRender: ({ schedule }) =>
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
            ),
        }}
        columns={[
          {
            title: t('teamSettings.holidays.year'),
            key: 'year',
            width: 150,
            render: (_, { schedule }) =>
              schedule ? (
                <Space size={4}>
                  {schedule.year}
                  <NeedsReviewTag issues={recordIssues('holidaySchedules', schedule)} />
                </Space>
              ) : (
                t('teamSettings.holidays.builtinYears', builtinYears)
              ),
          },
          {
            title: t('teamSettings.holidays.source'),
            key: 'source',
            render: (_, { schedule }) => {
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
            render: (_, { schedule }) =>
              schedule ? t('teamSettings.holidays.days', { count: schedule.holidays.length }) : '—',
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
            render: (_, { schedule }) =>
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
              ),
          },
        ]}
      />
    </Card>
  );
}
