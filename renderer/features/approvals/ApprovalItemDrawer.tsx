import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approvalItemInputSchema,
  handlingModes,
  itemStatuses,
  type ApprovalItem,
  type ApprovalItemInput,
  type CommitmentCheck,
  type PausedIntervalRecord,
} from '../../../shared/domain/approval-item';
import { itemClock } from '../../../shared/domain/deadlines';
import { recordIssues } from '../../../shared/domain/record-issues';
import { departmentLevels, stages } from '../../../shared/domain/stages';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import {
  ChangedUnderneathAlert,
  enumText,
  type ValueDescribers,
} from '../../ui/ChangedUnderneathAlert';
import { DateInput } from '../../ui/DateInput';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import { parseForm } from '../../ui/form-issues';
import { fieldsOf } from '../../ui/record-draft';
import { pauseText } from '../../ui/record-values';
import { useRecordForm } from '../../ui/useRecordForm';

/** The form keeps the time limit as two fields; days empty means "no time limit". */
type ItemForm = Omit<ApprovalItemInput, 'timeLimit'> & {
  limitDays: number | null;
  limitUnit: 'working' | 'calendar';
};

function toForm(item: ApprovalItemInput): ItemForm {
  const { timeLimit, ...rest } = item;
  return { ...rest, limitDays: timeLimit?.days ?? null, limitUnit: timeLimit?.unit ?? 'working' };
}

function fromForm({ limitDays, limitUnit, ...rest }: ItemForm): ApprovalItemInput {
  const check = rest.commitmentCheck;
  return {
    ...rest,
    timeLimit:
      limitDays === null || limitDays === undefined ? null : { days: limitDays, unit: limitUnit },
    // A commitment check exists only for items approved on commitment (告知承诺).
    commitmentCheck:
      rest.handlingMode === 'onCommitment'
        ? {
            dueOn: check?.dueOn ?? null,
            result: check?.result ?? 'pending',
            checkedOn: check?.checkedOn ?? null,
            notes: check?.notes ?? '',
          }
        : null,
  };
}

type Props = {
  /** The item to edit, or a new item's starting values. */
  item: ApprovalItem | ApprovalItemInput;
  calendar: WorkingDayCalendar;
  onClose: () => void;
};

function isStored(item: ApprovalItem | ApprovalItemInput): item is ApprovalItem {
  return 'id' in item;
}

/** Paused intervals are a set: two windows adding a pause both keep theirs. */
const setFields = ['pausedIntervals'] as const;

function itemDescribers(t: TFunction): ValueDescribers<ItemForm> {
  const interval = (pause: PausedIntervalRecord) => pauseText(pause, t);
  return {
    stage: enumText(t, 'stage'),
    departmentLevel: enumText(t, 'departmentLevel'),
    handlingMode: enumText(t, 'handlingMode'),
    status: enumText(t, 'itemStatus'),
    limitUnit: enumText(t, 'timeUnit'),
    pausedIntervals: (intervals) =>
      intervals.length === 0 ? t('recordForm.empty') : intervals.map(interval).join('、'),
    commitmentCheck: (check: CommitmentCheck | null) =>
      check
        ? [check.dueOn, t(`commitmentResult.${check.result}`), check.checkedOn, check.notes]
            .filter(Boolean)
            .join(' ')
        : t('recordForm.empty'),
  };
}

/** Every field of an approval item: dates, paused clock intervals, limit, commitment check. */
export function ApprovalItemDrawer({ item, calendar, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemForm>();
  const live = useLiveRecord('approvalItems', isStored(item) ? item.id : undefined);
  // Until the live record has loaded, the row the drawer was opened from stands for it.
  const stored = useMemo(() => {
    if (!isStored(item)) return toForm(item);
    const current = live === undefined ? item : live;
    return current && toForm(fieldsOf(approvalItemInputSchema.shape, current));
  }, [item, live]);
  // As stored, not as typed: 需核对 says what a merge left, and goes once a save fixes it.
  const issues = useMemo(() => (live ? recordIssues('approvalItems', live) : undefined), [live]);
  const draftKey = isStored(item) ? `item:${item.id}` : `item:new:${item.projectId}`;
  const editor = useRecordForm(
    isStored(item)
      ? { form, draftKey, stored, setFields }
      : { form, draftKey, initial: toForm(item), setFields },
  );
  const values = Form.useWatch([], form) as ItemForm | undefined;
  const options = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  const preview = (() => {
    if (!values) return null;
    const parsed = approvalItemInputSchema.safeParse(fromForm({ ...toForm(item), ...values }));
    if (!parsed.success) return null;
    return itemClock(
      { ...parsed.data, id: '', createdAt: '', updatedAt: '', deleted: false },
      calendar,
    );
  })();

  async function save() {
    const outcome = await editor.save({
      toRecord: fromForm,
      validate: (values) => parseForm(form, approvalItemInputSchema, fromForm(values), t),
      write: (input, patch) =>
        isStored(item)
          ? repositories.approvalItems.update(item.id, patch)
          : repositories.approvalItems.create(input),
    });
    if (outcome === 'saved') void message.success(t('common.saved'));
    if (outcome === 'saved' || outcome === 'unchanged') onClose();
  }

  return (
    <Drawer
      open
      size="large"
      title={
        <Space size={8}>
          {isStored(item) ? t('item.editTitle', { name: item.name }) : t('item.newTitle')}
          <NeedsReviewTag issues={issues} />
        </Space>
      }
      onClose={() => editor.close(onClose)}
      extra={
        <Space>
          {isStored(item) && <HistoryButton recordId={item.id} title={item.name} />}
          <Button
            type="primary"
            loading={editor.saving}
            disabled={editor.status === 'gone'}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{
          name: t('item.name'),
          department: t('item.department'),
          limitDays: t('item.limitDays'),
          limitUnit: t('item.limitUnit'),
        }}
        describe={itemDescribers(t)}
      />
      <Form
        form={form}
        // Field ids get this prefix: the project's 概况 form on the same page has 名称 and 备注 too.
        name="approvalItem"
        layout="vertical"
        size="small"
        onValuesChange={editor.onValuesChange}
        onFinish={() => void save()}
      >
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item name="name" label={t('item.name')} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="stage" label={t('fieldLabel.stage')}>
              <Select options={options(stages, 'stage')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="department" label={t('item.department')} required>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="departmentLevel" label={t('fieldLabel.departmentLevel')}>
              <Select options={options(departmentLevels, 'departmentLevel')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="handlingMode" label={t('item.mode')}>
              <Select
                aria-label={t('item.mode')}
                options={options(handlingModes, 'handlingMode')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('item.status')}>
              <Select aria-label={t('item.status')} options={options(itemStatuses, 'itemStatus')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="submittedOn" label={t('fieldLabel.submittedOn')}>
              <DateInput aria-label={t('fieldLabel.submittedOn')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="acceptedOn" label={t('fieldLabel.acceptedOn')}>
              <DateInput aria-label={t('fieldLabel.acceptedOn')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="completedOn" label={t('fieldLabel.completedOn')}>
              <DateInput aria-label={t('fieldLabel.completedOn')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="limitDays" label={t('item.limitDays')}>
              <InputNumber
                min={0}
                max={3650}
                precision={0}
                placeholder={t('item.noTimeLimit')}
                aria-label={t('item.limitDays')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="limitUnit" label={t('item.limitUnit')}>
              <Select
                options={[
                  { value: 'working', label: t('timeUnit.working') },
                  { value: 'calendar', label: t('timeUnit.calendar') },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Alert
          type={preview?.status === 'running' && preview.estimatedYears.length ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span data-testid="computed-due">
              {t('item.computedDue')}：
              {preview?.status === 'running'
                ? preview.dueDate
                : preview?.status === 'paused'
                  ? t('deadline.paused', { count: preview.daysUsed })
                  : t('item.notAccepted')}
              {preview?.status === 'running' && preview.estimatedYears.length > 0 && (
                <Typography.Text type="warning" style={{ marginLeft: 8 }}>
                  {t('deadline.estimated', { years: preview.estimatedYears.join('、') })}
                </Typography.Text>
              )}
            </span>
          }
        />
        <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
          {t('item.paused')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('item.pauseHint')}
        </Typography.Paragraph>
        <Form.List name="pausedIntervals">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="end" data-testid="paused-interval">
                  <Form.Item
                    name={[field.name, 'from']}
                    label={t('item.pauseFrom')}
                    style={{ flex: 1 }}
                  >
                    <DateInput aria-label={t('item.pauseFrom')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'to']}
                    label={t('item.pauseTo')}
                    style={{ flex: 1 }}
                  >
                    <DateInput
                      aria-label={t('item.pauseTo')}
                      placeholder={t('item.pauseToPlaceholder')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'reason']}
                    label={t('item.pauseReason')}
                    style={{ flex: 2 }}
                  >
                    <Input placeholder={t('item.pauseReasonPlaceholder')} />
                  </Form.Item>
                  <Form.Item label=" " colon={false}>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('item.removePause')}
                      title={t('item.removePause')}
                      onClick={() => remove(field.name)}
                    />
                  </Form.Item>
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ from: null, to: null, reason: '' })}
              >
                {t('item.addPause')}
              </Button>
            </>
          )}
        </Form.List>
        {values?.handlingMode === 'onCommitment' && (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '12px 0 8px' }}>
              {t('item.commitment')}
            </Divider>
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item name={['commitmentCheck', 'dueOn']} label={t('item.commitmentDue')}>
                  <DateInput aria-label={t('item.commitmentDue')} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name={['commitmentCheck', 'result']} label={t('item.commitmentResult')}>
                  <Select
                    options={(['pending', 'passed', 'failed'] as const).map((value) => ({
                      value,
                      label: t(`commitmentResult.${value}`),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name={['commitmentCheck', 'checkedOn']}
                  label={t('item.commitmentCheckedOn')}
                >
                  <DateInput aria-label={t('item.commitmentCheckedOn')} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={8}>
            <Form.Item name="certificateNo" label={t('fieldLabel.certificateNo')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="notes" label={t('fieldLabel.notes')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
