import { ImportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Typography,
} from 'antd';
import { getYear, parseISO } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticeEntry } from '../../../shared/calendar/holiday-notice';
import type { YearSchedule } from '../../../shared/calendar/year-schedule';
import { builtinYears } from '../../../shared/calendar/working-day-calendar';
import type { HolidaySchedule } from '../../../shared/domain/settings';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import { bridge } from '../../platform/bridge';
import { ChangedUnderneathAlert } from '../../ui/ChangedUnderneathAlert';
import { useRecordForm } from '../../ui/useRecordForm';
import { useToday } from '../../ui/useToday';
import { submitOnEnter } from './submit-on-enter';
import { noticeProblemText, noticeRemarkText, scheduleErrorText } from './schedule-errors';
import {
  dateRanges,
  formatRange,
  readScheduleText,
  scheduleOfReading,
  scheduleToText,
  weekdayMakeUpWorkdays,
  type ScheduleReading,
} from './schedule-text';
import { YearCalendar } from './YearCalendar';

type Props = {
  /** The saved year opened for editing; undefined to enter a new one. */
  existing?: HolidaySchedule;
  /** Every saved year, to say when saving replaces one. */
  saved: readonly HolidaySchedule[];
  onClose: () => void;
};

type FormValues = { text: string };

function RangeList({ dates }: { dates: readonly string[] }) {
  const { t } = useTranslation();
  const ranges = dateRanges(dates);
  if (ranges.length === 0) {
    return (
      <Typography.Text type="secondary">{t('teamSettings.scheduleEditor.none')}</Typography.Text>
    );
  }
  return <span>{ranges.map(formatRange).join('、')}</span>;
}

/** The festivals as the notice lists them, with the days each gives off and makes up. */
function NoticeEntries({ entries }: { entries: readonly NoticeEntry[] }) {
  const { t } = useTranslation();
  const ranges = (dates: readonly string[]) =>
    dates.length === 0
      ? t('teamSettings.scheduleEditor.none')
      : dateRanges(dates).map(formatRange).join('、');
  return (
    <Table<NoticeEntry>
      size="small"
      pagination={false}
      rowKey="line"
      dataSource={[...entries]}
      data-testid="notice-entries"
      columns={[
        {
          title: t('teamSettings.scheduleEditor.entryFestival'),
          dataIndex: 'festival',
          width: 130,
        },
        {
          title: t('teamSettings.scheduleEditor.holidaysLabel'),
          key: 'holidays',
          render: (_, entry) => ranges(entry.holidays),
        },
        {
          title: t('teamSettings.scheduleEditor.makeUpsLabel'),
          key: 'makeUps',
          render: (_, entry) => ranges(entry.makeUpWorkdays),
        },
      ]}
    />
  );
}

/** Every line that cannot be read, each with its number: fixed in one pass, not one at a time. */
function readingErrors(reading: ScheduleReading, t: ReturnType<typeof useTranslation>['t']) {
  if (reading.kind === 'lines') {
    return reading.errors.map(({ error, line }) => scheduleErrorText(error, line, t));
  }
  if (reading.kind === 'notice') {
    return reading.notice.problems.map((problem) => noticeProblemText(problem, t));
  }
  return [];
}

/**
 * 录入/导入节假日安排: the user pastes the State Council's notice as published (or 休/班 lines, or
 * JSON), checks what will be saved on a calendar of the year, and saves one year. Nothing is saved
 * while the text has an error.
 */
export function YearScheduleModal({ existing, saved, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const referenceYear = getYear(parseISO(useToday()));
  const [form] = Form.useForm<FormValues>();
  const [attempted, setAttempted] = useState(false);
  const live = useLiveRecord('holidaySchedules', existing?.id);
  // Until the live record has loaded, the year the form was opened from stands for it.
  const stored = useMemo(() => {
    const current = live === undefined ? existing : live;
    return current ? { text: scheduleToText(current) } : null;
  }, [live, existing]);
  const draftKey = `holidaySchedule.${existing?.year ?? 'new'}`;
  const editor = useRecordForm(
    existing ? { form, draftKey, stored } : { form, draftKey, initial: { text: '' } },
  );
  const text = Form.useWatch('text', form) ?? '';

  // Read as the user types: pasting shows the preview or the faulty lines at once.
  const reading = readScheduleText(text, referenceYear);
  const schedule = scheduleOfReading(reading) ?? undefined;
  const errors =
    reading.kind === 'empty'
      ? attempted
        ? [scheduleErrorText('validation.scheduleEmpty', 0, t)]
        : []
      : readingErrors(reading, t);
  const remarks =
    reading.kind === 'notice'
      ? reading.notice.remarks.map((remark) => noticeRemarkText(remark, t))
      : [];
  const replacesUser =
    schedule && schedule.year !== existing?.year && saved.some((row) => row.year === schedule.year);
  const replacesBuiltin =
    schedule && schedule.year >= builtinYears.from && schedule.year <= builtinYears.to;
  const weekdayMakeUps = schedule ? weekdayMakeUpWorkdays(schedule) : [];

  async function importFile() {
    const file = await bridge.openJsonFile({ title: t('teamSettings.scheduleEditor.importTitle') });
    if (file.status === 'cancelled') return;
    if (file.status === 'refused') {
      void message.error(
        t('teamSettings.scheduleEditor.fileRefused', {
          name: file.name,
          reason: t(`sync.refusal.${file.reason}`),
        }),
      );
      return;
    }
    form.setFieldsValue({ text: file.text });
    // setFieldsValue does not fire onValuesChange: keep the draft in step by hand.
    editor.onValuesChange();
    void message.info(t('teamSettings.scheduleEditor.fileImported', { name: file.name }));
  }

  async function submit() {
    setAttempted(true);
    let year = 0;
    // The schedule the text stands for, or the text itself while it cannot be read.
    const scheduleOf = ({ text }: FormValues): YearSchedule | FormValues =>
      scheduleOfReading(readScheduleText(text, referenceYear)) ?? { text };
    const outcome = await editor.save({
      toRecord: scheduleOf,
      validate: ({ text }) => scheduleOfReading(readScheduleText(text, referenceYear)),
      // One text stands for the whole year: what changed is saved as the year's schedule.
      write: async (schedule) => {
        year = schedule.year;
        await repositories.saveHolidaySchedule(schedule);
      },
    });
    if (outcome === 'saved') {
      void message.success(t('teamSettings.scheduleEditor.saved', { year }));
    }
    if (outcome === 'saved' || outcome === 'unchanged') onClose();
  }

  function describeSchedule(text: string): string {
    const described = scheduleOfReading(readScheduleText(text, referenceYear));
    if (!described) return text;
    const ranges = (dates: readonly string[]) =>
      dates.length === 0
        ? t('teamSettings.scheduleEditor.none')
        : dateRanges(dates).map(formatRange).join('、');
    return [
      `${t('teamSettings.scheduleEditor.holidaysLabel')} ${ranges(described.holidays)}`,
      `${t('teamSettings.scheduleEditor.makeUpsLabel')} ${ranges(described.makeUpWorkdays)}`,
    ].join('；');
  }

  return (
    <Modal
      open
      title={
        existing
          ? t('teamSettings.scheduleEditor.editTitle', { year: existing.year })
          : t('teamSettings.scheduleEditor.title')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={editor.saving}
      okButtonProps={{ disabled: editor.status === 'gone' }}
      onOk={() => void submit()}
      onCancel={() => editor.close(onClose)}
      width={860}
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ text: t('teamSettings.scheduleEditor.text') }}
        describe={{ text: describeSchedule }}
      />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('teamSettings.scheduleEditor.help')}
      </Typography.Paragraph>
      <Form
        onKeyDown={submitOnEnter(() => void submit())}
        form={form}
        name="holidaySchedule"
        layout="vertical"
        onValuesChange={editor.onValuesChange}
      >
        <Form.Item
          name="text"
          label={
            <Space>
              {t('teamSettings.scheduleEditor.text')}
              <Button size="small" icon={<ImportOutlined />} onClick={() => void importFile()}>
                {t('teamSettings.scheduleEditor.importFile')}
              </Button>
            </Space>
          }
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            autoFocus
            rows={10}
            spellCheck={false}
            placeholder={t('teamSettings.scheduleEditor.placeholder')}
            style={{ fontFamily: 'ui-monospace, Consolas, monospace' }}
          />
        </Form.Item>
      </Form>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="schedule-error"
          title={
            errors.length === 1
              ? errors[0]
              : t('teamSettings.scheduleEditor.errorsTitle', { count: errors.length })
          }
          description={
            <>
              {errors.length > 1 && (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {errors.map((error, index) => (
                    <li key={index} data-testid="schedule-error-line">
                      {error}
                    </li>
                  ))}
                </ul>
              )}
              {attempted && t('teamSettings.scheduleEditor.invalid')}
            </>
          }
        />
      )}
      {schedule && (
        <Space
          orientation="vertical"
          size={8}
          style={{ width: '100%' }}
          data-testid="schedule-preview"
        >
          <Alert
            type="success"
            showIcon
            title={
              (reading.kind === 'notice' ? t('teamSettings.scheduleEditor.readAsNotice') : '') +
              t('teamSettings.scheduleEditor.preview', {
                year: schedule.year,
                holidays: schedule.holidays.length,
                makeUps: schedule.makeUpWorkdays.length,
              })
            }
          />
          {reading.kind === 'notice' ? (
            <NoticeEntries entries={reading.notice.entries} />
          ) : (
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('teamSettings.scheduleEditor.holidaysLabel')}>
                <RangeList dates={schedule.holidays} />
              </Descriptions.Item>
              <Descriptions.Item label={t('teamSettings.scheduleEditor.makeUpsLabel')}>
                <RangeList dates={schedule.makeUpWorkdays} />
              </Descriptions.Item>
            </Descriptions>
          )}
          {remarks.length > 0 && (
            <Alert
              type="info"
              showIcon
              data-testid="schedule-remarks"
              title={t('teamSettings.scheduleEditor.remarksTitle')}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {remarks.map((remark, index) => (
                    <li key={index}>{remark}</li>
                  ))}
                </ul>
              }
            />
          )}
          <YearCalendar
            year={schedule.year}
            holidays={schedule.holidays}
            makeUpWorkdays={schedule.makeUpWorkdays}
          />
          {replacesUser && (
            <Alert
              type="info"
              showIcon
              title={t('teamSettings.scheduleEditor.replacesUser', { year: schedule.year })}
            />
          )}
          {replacesBuiltin && (
            <Alert
              type="warning"
              showIcon
              title={t('teamSettings.scheduleEditor.replacesBuiltin', { year: schedule.year })}
            />
          )}
          {weekdayMakeUps.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('teamSettings.scheduleEditor.weekdayMakeUp', {
                dates: weekdayMakeUps.join('、'),
              })}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
