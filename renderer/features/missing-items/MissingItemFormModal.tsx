import { App, Button, Col, Flex, Form, Input, Modal, Row, Select, type InputRef } from 'antd';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import {
  missingItemInputSchema,
  missingItemStatuses,
  promisedDateProblem,
  type MissingItem,
  type MissingItemInput,
  type MissingItemStatus,
} from '../../../shared/domain/missing-item';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import { ChangedUnderneathAlert, describeValue, enumText } from '../../ui/ChangedUnderneathAlert';
import { DateInput } from '../../ui/DateInput';
import { parseForm } from '../../ui/form-issues';
import { useRecordForm } from '../../ui/useRecordForm';
import { useToday } from '../../ui/useToday';
import { approvalItemDueDate } from './missing-rows';

/**
 * Props of the add/edit form for missing items (容缺材料).
 *
 * To add the missing items of an item just accepted 容缺受理: render it with `open`, the project's
 * id and live approval items, the calendar, and `approvalItemId` set to that item. The user can
 * enter several materials in a row with “保存并继续添加”. Pass `missingItem` to edit one instead.
 */
export type MissingItemFormModalProps = {
  open: boolean;
  projectId: string;
  /** The project's live approval items: offered in the item select, and their due dates checked. */
  approvalItems: readonly ApprovalItem[];
  /** Working-day calendar: the chosen item's due date is computed with it. */
  calendar: WorkingDayCalendar;
  /** Preselects the approval item of a new missing item. Ignored when editing. */
  approvalItemId?: string;
  /** The missing item to edit; leave undefined to add new ones. */
  missingItem?: MissingItem;
  /** Called after every successful save, with the saved record. */
  onSaved?: (saved: MissingItem) => void;
  /** Called when the modal should close (after saving, or on cancel). */
  onClose: () => void;
};

type FormValues = {
  approvalItemId?: string;
  material: string;
  supplier: string;
  promisedOn: string | null;
  status: MissingItemStatus;
  suppliedOn: string | null;
  notes: string;
};

const fieldNames: (keyof FormValues)[] = [
  'approvalItemId',
  'material',
  'supplier',
  'promisedOn',
  'status',
  'suppliedOn',
  'notes',
];

function valuesOf(item: MissingItem): FormValues {
  return {
    approvalItemId: item.approvalItemId,
    material: item.material,
    supplier: item.supplier,
    promisedOn: item.promisedOn,
    status: item.status,
    suppliedOn: item.suppliedOn,
    notes: item.notes,
  };
}

/** Add or edit a missing item; it checks the promised date against the item's deadline. */
export function MissingItemFormModal(props: MissingItemFormModalProps) {
  // Mounted only while open, so each opening starts from the record (or its saved draft).
  return props.open ? <MissingItemDialog {...props} /> : null;
}

function MissingItemDialog({
  projectId,
  approvalItems,
  calendar,
  approvalItemId,
  missingItem,
  onSaved,
  onClose,
}: MissingItemFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const today = useToday();
  const [form] = Form.useForm<FormValues>();
  const materialInput = useRef<InputRef>(null);
  const editing = missingItem !== undefined;
  const live = useLiveRecord('missingItems', missingItem?.id);

  // Until the live record has loaded, the row the form was opened from stands for it.
  const stored = useMemo(() => {
    const current = live === undefined ? missingItem : live;
    return current ? valuesOf(current) : null;
  }, [live, missingItem]);
  // One draft per record, and per preselected item for new ones, so a draft typed for one item
  // never shows up when the form is opened for another.
  const draftKey = missingItem
    ? `missing.edit.${missingItem.id}`
    : `missing.new.${projectId}.${approvalItemId ?? ''}`;
  const editor = useRecordForm(
    editing
      ? { form, draftKey, stored }
      : {
          form,
          draftKey,
          initial: {
            approvalItemId,
            material: '',
            supplier: t('missing.defaultSupplier'),
            promisedOn: null,
            status: 'pending',
            suppliedOn: null,
            notes: '',
          },
        },
  );

  const chosenId = Form.useWatch('approvalItemId', form);
  const chosenItem = approvalItems.find((item) => item.id === chosenId);
  const chosenClock = chosenItem ? approvalItemDueDate(chosenItem, calendar) : undefined;

  function promisedOnIssue(values: FormValues, base: FormValues): string | null {
    if (!values.promisedOn) return t('validation.required');
    const item = approvalItems.find((candidate) => candidate.id === values.approvalItemId);
    if (!item) return null;
    // A record saved before its item's dates changed stays editable: the rule applies when the
    // commitment itself (its date or its item) is entered or changed.
    const unchanged =
      editing &&
      base.promisedOn === values.promisedOn &&
      base.approvalItemId === values.approvalItemId;
    if (unchanged) return null;
    const clock = approvalItemDueDate(item, calendar);
    const dueDate = clock.status === 'running' ? clock.dueDate : null;
    const problem = promisedDateProblem(values.promisedOn, {
      acceptedOn: item.acceptedOn,
      dueDate,
    });
    return problem ? t(problem, { dueDate }) : null;
  }

  const toRecord = (values: FormValues) => ({
    ...values,
    projectId,
    approvalItemId: values.approvalItemId ?? '',
    promisedOn: values.promisedOn ?? '',
  });

  function validate(values: FormValues, base: FormValues): MissingItemInput | null {
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    const parsed = parseForm(form, missingItemInputSchema, toRecord(values), t);
    // Empty select and date fields get 必填 rather than the schema's type messages.
    const issues: { name: keyof FormValues; errors: string[] }[] = [];
    if (!values.approvalItemId) {
      issues.push({ name: 'approvalItemId', errors: [t('validation.required')] });
    }
    const promisedIssue = promisedOnIssue(values, base);
    if (promisedIssue) issues.push({ name: 'promisedOn', errors: [promisedIssue] });
    if (issues.length > 0) form.setFields(issues);
    return issues.length > 0 ? null : parsed;
  }

  async function submit(continueAdding: boolean) {
    let saved: MissingItem | undefined;
    const outcome = await editor.save({
      toRecord,
      validate,
      write: async (input, patch) => {
        saved = missingItem
          ? await repositories.missingItems.update(missingItem.id, patch)
          : await repositories.missingItems.create(input);
      },
    });
    if (outcome === 'unchanged') onClose();
    if (outcome !== 'saved' || !saved) return;
    onSaved?.(saved);
    if (continueAdding) {
      // The next material usually shares the item, supplier and date: only what differs is cleared.
      form.setFieldsValue({ material: '', notes: '' });
      void message.success(t('missing.savedNext', { material: saved.material }));
      materialInput.current?.focus();
    } else {
      void message.success(t('common.saved'));
      onClose();
    }
  }

  function cancel() {
    editor.close(onClose);
  }

  function onValuesChange(changed: Partial<FormValues>) {
    // Settling an item needs the date it was supplied: today is what users mean nearly always.
    if (
      (changed.status === 'supplied' || changed.status === 'verified') &&
      !form.getFieldValue('suppliedOn')
    ) {
      form.setFieldsValue({ suppliedOn: today });
    }
    // Back to 待补齐 means it has not arrived after all: a supplied date would contradict that.
    if (changed.status === 'pending') form.setFieldsValue({ suppliedOn: null });
    editor.onValuesChange();
  }

  const promisedExtra =
    chosenClock?.status === 'running'
      ? t('missing.itemDueDate', { date: chosenClock.dueDate }) +
        (chosenClock.estimatedYears.length > 0
          ? `（${t('deadline.estimated', { years: chosenClock.estimatedYears.join('、') })}）`
          : '')
      : chosenClock?.status === 'paused'
        ? t('missing.itemPaused')
        : chosenClock
          ? t('missing.itemNoDueDate')
          : undefined;

  return (
    <Modal
      open
      title={editing ? t('missing.editTitle') : t('missing.add')}
      // Esc, × and 取消 alike: unsaved changes are asked about first.
      onCancel={cancel}
      footer={null}
      width={640}
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ approvalItemId: t('missing.approvalItem') }}
        describe={{
          status: enumText(t, 'missingStatus'),
          approvalItemId: (id) =>
            describeValue(approvalItems.find((item) => item.id === id)?.name, t),
        }}
      />
      <Form
        form={form}
        name="missingItem"
        layout="vertical"
        requiredMark
        onValuesChange={onValuesChange}
        onFinish={() => void submit(false)}
      >
        <Form.Item name="approvalItemId" label={t('missing.approvalItem')} required>
          <Select
            autoFocus={!approvalItemId && !editing}
            placeholder={t('missing.approvalItemPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            options={approvalItems.map((item) => ({
              value: item.id,
              label: `${item.name}（${t(`stageShort.${item.stage}`)}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="material" label={t('fieldLabel.material')} required>
          <Input
            ref={materialInput}
            autoFocus={Boolean(approvalItemId) || editing}
            placeholder={t('missing.materialPlaceholder')}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="supplier" label={t('fieldLabel.supplier')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="promisedOn"
              label={t('fieldLabel.promisedOn')}
              required
              extra={promisedExtra}
            >
              <DateInput aria-label={t('fieldLabel.promisedOn')} />
            </Form.Item>
          </Col>
        </Row>
        {editing && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="status" label={t('fieldLabel.status')}>
                <Select
                  options={missingItemStatuses.map((status) => ({
                    value: status,
                    label: t(`missingStatus.${status}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="suppliedOn" label={t('fieldLabel.suppliedOn')}>
                <DateInput aria-label={t('fieldLabel.suppliedOn')} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="notes" label={t('fieldLabel.notes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Flex justify="end" gap={8}>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
          {!editing && (
            <Button loading={editor.saving} onClick={() => void submit(true)}>
              {t('missing.saveAndNext')}
            </Button>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={editor.saving}
            disabled={editor.status === 'gone'}
          >
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
