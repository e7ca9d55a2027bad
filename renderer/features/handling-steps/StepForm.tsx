import { App, Button, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useEffect, useMemo, useRef, type KeyboardEvent, type Ref, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../shared/domain/approval-item';
import {
  handlingStepInputSchema,
  stepKinds,
  type HandlingStep,
  type HandlingStepInput,
  type StepKind,
} from '../../../shared/domain/handling-step';
import { repositories } from '../../db';
import { useActor } from '../../db/useActor';
import { useLiveRecord } from '../../db/useLiveRecord';
import { ChangedUnderneathAlert, describeValue, enumText } from '../../ui/ChangedUnderneathAlert';
import { DateInput } from '../../ui/DateInput';
import { parseForm } from '../../ui/form-issues';
import { useRecordForm } from '../../ui/useRecordForm';

type FormValues = {
  on: string | null;
  kind: StepKind;
  by: string;
  approvalItemId?: string;
  summary: string;
  nextAction: string;
  nextActionDueOn: string | null;
};

const fieldNames: (keyof FormValues)[] = [
  'on',
  'kind',
  'by',
  'approvalItemId',
  'summary',
  'nextAction',
  'nextActionDueOn',
];

function valuesOf(step: HandlingStep): FormValues {
  return {
    on: step.on,
    kind: step.kind,
    by: step.by,
    approvalItemId: step.approvalItemId ?? undefined,
    summary: step.summary,
    nextAction: step.nextAction,
    nextActionDueOn: step.nextActionDueOn,
  };
}

type Props = {
  projectId: string;
  approvalItems: readonly ApprovalItem[];
  today: string;
  /** The step to edit; undefined for the always-open form that records new steps. */
  step?: HandlingStep;
  /** After a save (and after cancel, when editing). */
  onDone?: () => void;
  /** Set to what closing the surrounding modal must do: ask first when something is unsaved. */
  closeRef?: RefObject<(() => void) | null>;
};

/**
 * The handling-step form, built for typing fast: the first field has focus, Enter in either
 * next-action field (or Ctrl+Enter in the summary) saves, and half-typed text is kept as a draft
 * across navigation and reloads.
 */
export function StepForm({ projectId, approvalItems, today, step, onDone, closeRef }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actor = useActor();
  const [form] = Form.useForm<FormValues>();
  const firstField = useRef<HTMLDivElement>(null);
  const live = useLiveRecord('handlingSteps', step?.id);
  // Until the live record has loaded, the step the form was opened from stands for it.
  const current = live === undefined ? step : live;
  const stored = useMemo(() => (current ? valuesOf(current) : null), [current]);
  const draftKey = step ? `step.edit.${step.id}` : `step.new.${projectId}`;
  const editor = useRecordForm(
    step
      ? { form, draftKey, stored }
      : {
          form,
          draftKey,
          // The user's name loads after the form opens: 经办人 takes it unless typed already.
          initial: {
            on: today,
            kind: 'coordinate',
            by: actor?.name ?? '',
            approvalItemId: undefined,
            summary: '',
            nextAction: '',
            nextActionDueOn: null,
          },
        },
  );

  useEffect(() => {
    firstField.current?.querySelector('input')?.focus();
  }, []);

  const toRecord = (values: FormValues) => ({
    ...values,
    projectId,
    on: values.on ?? '',
    approvalItemId: values.approvalItemId ?? null,
    // Ticked in the list, not in this form: whatever the record holds now.
    nextActionDone: current?.nextActionDone ?? false,
  });

  function validate(values: FormValues): HandlingStepInput | null {
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    const parsed = parseForm(form, handlingStepInputSchema, toRecord(values), t);
    const issues: { name: keyof FormValues; errors: string[] }[] = [];
    // An empty date reads as 必填, not the schema's 日期无效.
    if (!values.on) issues.push({ name: 'on', errors: [t('validation.required')] });
    // A due date with nothing to do would never show up as a deadline: ask for the action.
    if (values.nextActionDueOn && !values.nextAction.trim()) {
      issues.push({ name: 'nextAction', errors: [t('step.nextActionRequired')] });
    }
    if (issues.length > 0) form.setFields(issues);
    return issues.length > 0 ? null : parsed;
  }

  async function submit() {
    if (editor.saving) return;
    const outcome = await editor.save({
      toRecord,
      validate,
      write: (input, patch) =>
        step
          ? repositories.handlingSteps.update(step.id, patch)
          : repositories.handlingSteps.create(input),
    });
    if (outcome === 'unchanged') onDone?.();
    if (outcome !== 'saved') return;
    if (step) {
      void message.success(t('common.saved'));
    } else {
      void message.success(t('step.recorded'));
      editor.discard();
      firstField.current?.querySelector('input')?.focus();
    }
    onDone?.();
  }

  useEffect(() => {
    if (!closeRef) return;
    closeRef.current = () => editor.close(() => onDone?.());
    return () => {
      closeRef.current = null;
    };
  });

  function reset() {
    if (step) {
      editor.close(() => onDone?.());
    } else {
      editor.discard();
    }
  }

  function submitOnEnter(event: KeyboardEvent) {
    // Runs after the date picker has taken the typed date (its own handler is on the input).
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) void submit();
  }

  function submitOnCtrlEnter(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  const compact = { marginBottom: 8 };

  return (
    <Form
      form={form}
      // Its own id prefix: the inline form and the edit modal are on the page together.
      name={step ? 'handlingStepEdit' : 'handlingStep'}
      layout="vertical"
      requiredMark
      aria-label={step ? t('step.editTitle') : t('step.formTitle')}
      onValuesChange={editor.onValuesChange}
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ approvalItemId: t('step.linkedItem') }}
        describe={{
          kind: enumText(t, 'stepKind'),
          approvalItemId: (id) =>
            describeValue(approvalItems.find((item) => item.id === id)?.name, t),
        }}
      />
      <Row gutter={8}>
        <Col span={4}>
          <Form.Item name="on" label={t('fieldLabel.on')} required style={compact}>
            <DateField label={t('fieldLabel.on')} allowClear={false} innerRef={firstField} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="kind" label={t('fieldLabel.kind')} required style={compact}>
            <Select
              aria-label={t('fieldLabel.kind')}
              options={stepKinds.map((kind) => ({ value: kind, label: t(`stepKind.${kind}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="by" label={t('fieldLabel.by')} required style={compact}>
            <Input placeholder={t('step.byPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="approvalItemId" label={t('step.linkedItem')} style={compact}>
            <Select
              aria-label={t('step.linkedItem')}
              allowClear
              placeholder={t('step.linkedItemPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              options={approvalItems.map((item) => ({
                value: item.id,
                label: `${item.name}（${t(`stageShort.${item.stage}`)}）`,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t('fieldLabel.summary')} required style={compact}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('step.summaryPlaceholder')}
          onKeyDown={submitOnCtrlEnter}
        />
      </Form.Item>
      <Row gutter={8} align="bottom">
        <Col span={12}>
          <Form.Item name="nextAction" label={t('fieldLabel.nextAction')} style={compact}>
            <Input
              placeholder={t('step.nextActionPlaceholder')}
              onPressEnter={() => void submit()}
            />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="nextActionDueOn" label={t('fieldLabel.nextActionDueOn')} style={compact}>
            <DateField label={t('fieldLabel.nextActionDueOn')} onKeyDown={submitOnEnter} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Flex gap={8} justify="end" style={compact}>
            <Button onClick={reset}>{step ? t('common.cancel') : t('step.reset')}</Button>
            <Button
              type="primary"
              loading={editor.saving}
              disabled={editor.status === 'gone'}
              onClick={() => void submit()}
            >
              {step ? t('common.save') : t('step.record')}
            </Button>
          </Flex>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('step.keyboardHint')}
      </Typography.Text>
    </Form>
  );
}

type DateFieldProps = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  label: string;
  allowClear?: boolean;
  innerRef?: Ref<HTMLDivElement>;
  onKeyDown?: (event: KeyboardEvent) => void;
};

/** A DateInput inside a div that takes a ref (for focus) and key handlers, which DateInput lacks. */
function DateField({
  id,
  value,
  onChange,
  label,
  allowClear,
  innerRef,
  onKeyDown,
}: DateFieldProps) {
  return (
    <div ref={innerRef} onKeyDown={onKeyDown}>
      <DateInput
        id={id}
        value={value}
        onChange={onChange}
        aria-label={label}
        allowClear={allowClear}
      />
    </div>
  );
}
