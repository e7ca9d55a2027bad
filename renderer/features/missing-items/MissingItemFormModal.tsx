import { App, Button, Col, Flex, Form, Input, Modal, Row, Select, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import {
  missingItemInputSchema,
  missingItemStatuses,
  promisedDateProblem,
  type MissingItem,
  type MissingItemStatus,
} from '../../../shared/domain/missing-item';
import { repositories } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { parseForm } from '../../ui/form-issues';
import { useFormDraft } from '../../ui/useFormDraft';
import { useToday } from '../../ui/useToday';
import { approvalItemDueDate } from './missing-rows';
import { writeErrorText } from '../../ui/write-error';

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
  const [saving, setSaving] = useState(false);
  const materialInput = useRef<InputRef>(null);
  const editing = missingItem !== undefined;

  const initial: FormValues = missingItem
    ? {
        approvalItemId: missingItem.approvalItemId,
        material: missingItem.material,
        supplier: missingItem.supplier,
        promisedOn: missingItem.promisedOn,
        status: missingItem.status,
        suppliedOn: missingItem.suppliedOn,
        notes: missingItem.notes,
      }
    : {
        approvalItemId,
        material: '',
        supplier: t('missing.defaultSupplier'),
        promisedOn: null,
        status: 'pending',
        suppliedOn: null,
        notes: '',
      };
  // One draft per record, and per preselected item for new ones, so a draft typed for one item
  // never shows up when the form is opened for another.
  const draftKey = missingItem
    ? `missing.edit.${missingItem.id}`
    : `missing.new.${projectId}.${approvalItemId ?? ''}`;
  const draft = useFormDraft(form, draftKey, initial);

  const chosenId = Form.useWatch('approvalItemId', form);
  const chosenItem = approvalItems.find((item) => item.id === chosenId);
  const chosenClock = chosenItem ? approvalItemDueDate(chosenItem, calendar) : undefined;

  function promisedOnIssue(values: FormValues): string | null {
    if (!values.promisedOn) return t('validation.required');
    const item = approvalItems.find((candidate) => candidate.id === values.approvalItemId);
    if (!item) return null;
    // A record saved before its item's dates changed stays editable: the rule applies when the
    // commitment itself (its date or its item) is entered or changed.
    const unchanged =
      missingItem?.promisedOn === values.promisedOn &&
      missingItem.approvalItemId === values.approvalItemId;
    if (unchanged) return null;
    const clock = approvalItemDueDate(item, calendar);
    const dueDate = clock.status === 'running' ? clock.dueDate : null;
    const problem = promisedDateProblem(values.promisedOn, {
      acceptedOn: item.acceptedOn,
      dueDate,
    });
    return problem ? t(problem, { dueDate }) : null;
  }

  async function submit(continueAdding: boolean) {
    const values = form.getFieldsValue(true) as FormValues;
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    const parsed = parseForm(
      form,
      missingItemInputSchema,
      {
        ...values,
        projectId,
        approvalItemId: values.approvalItemId ?? '',
        promisedOn: values.promisedOn ?? '',
      },
      t,
    );
    // Empty select and date fields get 必填 rather than the schema's type messages.
    const issues: { name: keyof FormValues; errors: string[] }[] = [];
    if (!values.approvalItemId) {
      issues.push({ name: 'approvalItemId', errors: [t('validation.required')] });
    }
    const promisedIssue = promisedOnIssue(values);
    if (promisedIssue) issues.push({ name: 'promisedOn', errors: [promisedIssue] });
    if (issues.length > 0) form.setFields(issues);
    if (!parsed || issues.length > 0) return;

    setSaving(true);
    try {
      const saved = missingItem
        ? await repositories.missingItems.update(missingItem.id, parsed)
        : await repositories.missingItems.create(parsed);
      draft.clear();
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
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    draft.clear();
    onClose();
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
    draft.onValuesChange();
  }

  const promisedExtra =
    chosenClock?.status === 'running'
      ? t('missing.itemDueDate', { date: chosenClock.dueDate })
      : chosenClock?.status === 'paused'
        ? t('missing.itemPaused')
        : chosenClock
          ? t('missing.itemNoDueDate')
          : undefined;

  return (
    <Modal
      open
      title={editing ? t('missing.editTitle') : t('missing.add')}
      // Closing with Esc or × keeps the draft for next time; 取消 discards it.
      onCancel={onClose}
      footer={null}
      width={640}
    >
      <Form
        form={form}
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
            <Button loading={saving} onClick={() => void submit(true)}>
              {t('missing.saveAndNext')}
            </Button>
          )}
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
