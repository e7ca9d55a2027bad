import { App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  helperAgentInputSchema,
  type HelperAgent,
  type HelperAgentInput,
} from '../../../shared/domain/helper-agent';
import { repositories } from '../../db';
import { parseForm } from '../../ui/form-issues';
import { useFormDraft } from '../../ui/useFormDraft';
import { submitOnEnter } from './submit-on-enter';
import { writeErrorText } from '../../ui/write-error';

type Props = {
  /** The helper-agent being edited; undefined for a new one. */
  agent?: HelperAgent;
  onClose: () => void;
};

const emptyAgent: HelperAgentInput = { name: '', unit: '', phone: '', active: true };

/** Rendered only while open, so each opening starts from the record (or its unsaved draft). */
export function HelperAgentFormModal({ agent, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HelperAgentInput>();
  const [saving, setSaving] = useState(false);
  const initial = agent
    ? { name: agent.name, unit: agent.unit, phone: agent.phone, active: agent.active }
    : emptyAgent;
  const draft = useFormDraft(form, `helperAgent.${agent?.id ?? 'new'}`, initial);

  async function submit() {
    const input = parseForm(form, helperAgentInputSchema, form.getFieldsValue(true), t);
    if (!input) return;
    setSaving(true);
    try {
      if (agent) await repositories.helperAgents.update(agent.id, input);
      else await repositories.helperAgents.create(input);
      draft.clear();
      void message.success(t('teamSettings.agents.saved', { name: input.name }));
      onClose();
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={agent ? t('teamSettings.agents.editTitle') : t('teamSettings.agents.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={() => {
        draft.clear();
        onClose();
      }}
      width={440}
    >
      <Form
        onKeyDown={submitOnEnter(() => void submit())}
        form={form}
        name="helperAgent"
        layout="vertical"
        onValuesChange={draft.onValuesChange}
      >
        <Form.Item name="name" label={t('teamSettings.agents.name')} required>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="unit" label={t('teamSettings.agents.unit')}>
          <Input placeholder={t('teamSettings.agents.unitPlaceholder')} />
        </Form.Item>
        <Form.Item name="phone" label={t('teamSettings.agents.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="active" label={t('teamSettings.agents.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
