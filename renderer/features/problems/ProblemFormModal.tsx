import { App, AutoComplete, Button, Col, Flex, Form, Input, Modal, Radio, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  escalationLevels,
  problemInputSchema,
  problemStatuses,
  problemSuggestions,
  type EscalationLevel,
  type Problem,
  type ProblemInput,
  type ProblemStatus,
} from '../../../shared/domain/problem';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import { ChangedUnderneathAlert, enumText } from '../../ui/ChangedUnderneathAlert';
import { DateInput } from '../../ui/DateInput';
import { parseForm } from '../../ui/form-issues';
import { useRecordForm } from '../../ui/useRecordForm';

type Props = {
  open: boolean;
  projectId: string;
  today: string;
  /** The problem to edit; undefined for a new one. */
  problem?: Problem;
  onClose: () => void;
};

type FormValues = {
  title: string;
  description: string;
  responsibleDepartment: string;
  raisedOn: string | null;
  escalation: EscalationLevel;
  status: ProblemStatus;
  resolution: string;
  resolvedOn: string | null;
};

const fieldNames: (keyof FormValues)[] = [
  'title',
  'description',
  'responsibleDepartment',
  'raisedOn',
  'escalation',
  'status',
  'resolution',
  'resolvedOn',
];

function valuesOf(problem: Problem): FormValues {
  return {
    title: problem.title,
    description: problem.description,
    responsibleDepartment: problem.responsibleDepartment,
    raisedOn: problem.raisedOn,
    escalation: problem.escalation,
    status: problem.status,
    resolution: problem.resolution,
    resolvedOn: problem.resolvedOn,
  };
}

/** Add or edit a problem blocking the project. */
export function ProblemFormModal(props: Props) {
  // Mounted only while open, so each opening starts from the record (or its saved draft).
  return props.open ? <ProblemDialog {...props} /> : null;
}

function ProblemDialog({ projectId, today, problem, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [titleQuery, setTitleQuery] = useState('');
  const live = useLiveRecord('problems', problem?.id);
  // Until the live record has loaded, the row the form was opened from stands for it.
  const stored = useMemo(() => {
    const current = live === undefined ? problem : live;
    return current ? valuesOf(current) : null;
  }, [live, problem]);
  const draftKey = problem ? `problem.edit.${problem.id}` : `problem.new.${projectId}`;
  const editor = useRecordForm(
    problem
      ? { form, draftKey, stored }
      : {
          form,
          draftKey,
          initial: {
            title: '',
            description: '',
            responsibleDepartment: '',
            raisedOn: today,
            escalation: 'agent',
            status: 'open',
            resolution: '',
            resolvedOn: null,
          },
        },
  );

  const toRecord = (values: FormValues) => ({
    ...values,
    projectId,
    raisedOn: values.raisedOn ?? '',
  });

  function validate(values: FormValues): ProblemInput | null {
    form.setFields(fieldNames.map((name) => ({ name, errors: [] })));
    const parsed = parseForm(form, problemInputSchema, toRecord(values), t);
    // An empty date reads as 必填, not the schema's 日期无效.
    if (!values.raisedOn) {
      form.setFields([{ name: 'raisedOn', errors: [t('validation.required')] }]);
      return null;
    }
    return parsed;
  }

  async function submit() {
    const outcome = await editor.save({
      toRecord,
      validate,
      write: (input, patch) =>
        problem
          ? repositories.problems.update(problem.id, patch)
          : repositories.problems.create(input),
    });
    if (outcome === 'saved') void message.success(t('common.saved'));
    if (outcome === 'saved' || outcome === 'unchanged') onClose();
  }

  function cancel() {
    editor.close(onClose);
  }

  function onValuesChange(changed: Partial<FormValues>) {
    // 已解决 needs its date; the day it is marked is nearly always the day it was resolved.
    if (changed.status === 'resolved' && !form.getFieldValue('resolvedOn')) {
      form.setFieldsValue({ resolvedOn: today });
    }
    // A reopened problem is not resolved: keeping its date would show it as resolved in the list.
    if (changed.status && changed.status !== 'resolved') form.setFieldsValue({ resolvedOn: null });
    editor.onValuesChange();
  }

  const query = titleQuery.trim();
  const suggestions = problemSuggestions
    .filter((suggestion) => !query || suggestion.includes(query))
    .map((suggestion) => ({ value: suggestion }));

  return (
    <Modal
      open
      title={problem ? t('problem.editTitle') : t('problem.add')}
      // Esc, × and 取消 alike: unsaved changes are asked about first.
      onCancel={cancel}
      footer={null}
      width={640}
    >
      <ChangedUnderneathAlert
        editor={editor}
        describe={{
          escalation: enumText(t, 'escalation'),
          status: enumText(t, 'problemStatus'),
        }}
      />
      <Form
        form={form}
        name="problem"
        layout="vertical"
        requiredMark
        onValuesChange={onValuesChange}
        onFinish={() => void submit()}
      >
        <Form.Item name="title" label={t('fieldLabel.title')} required>
          <AutoComplete
            autoFocus
            options={suggestions}
            onSearch={setTitleQuery}
            placeholder={t('problem.titlePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="description" label={t('fieldLabel.description')}>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 5 }}
            placeholder={t('problem.descriptionPlaceholder')}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="responsibleDepartment" label={t('fieldLabel.responsibleDepartment')}>
              <Input placeholder={t('problem.departmentPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="raisedOn" label={t('fieldLabel.raisedOn')} required>
              <DateInput aria-label={t('fieldLabel.raisedOn')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="escalation" label={t('fieldLabel.escalation')} required>
          <Radio.Group
            optionType="button"
            options={escalationLevels.map((level) => ({
              value: level,
              label: t(`escalation.${level}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('fieldLabel.status')} required>
          <Radio.Group
            optionType="button"
            options={problemStatuses.map((status) => ({
              value: status,
              label: t(`problemStatus.${status}`),
            }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="resolution" label={t('fieldLabel.resolution')}>
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 5 }}
                placeholder={t('problem.resolutionPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="resolvedOn" label={t('fieldLabel.resolvedOn')}>
              <DateInput aria-label={t('fieldLabel.resolvedOn')} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="end" gap={8}>
          <Button onClick={cancel}>{t('common.cancel')}</Button>
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
