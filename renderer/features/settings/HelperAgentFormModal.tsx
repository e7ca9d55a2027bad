import { App, Form, Input, Modal, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  helperAgentInputSchema,
  type HelperAgent,
  type HelperAgentInput,
} from '../../../shared/domain/helper-agent';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import { ChangedUnderneathAlert } from '../../ui/ChangedUnderneathAlert';
import { parseForm } from '../../ui/form-issues';
import { fieldsOf } from '../../ui/record-draft';
import { useRecordForm } from '../../ui/useRecordForm';
import { submitOnEnter } from './submit-on-enter';

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
  const live = useLiveRecord('helperAgents', agent?.id);
  // Until the live record has loaded, the row the form was opened from stands for it.
  const stored = useMemo(() => {
    const current = live === undefined ? agent : live;
    return current ? fieldsOf(helperAgentInputSchema.shape, current) : null;
  }, [live, agent]);
  const draftKey = `helperAgent.${agent?.id ?? 'new'}`;
  const editor = useRecordForm(
    agent ? { form, draftKey, stored } : { form, draftKey, initial: emptyAgent },
  );

  async function submit() {
    let name = '';
    const outcome = await editor.save({
      toRecord: (values) => values,
      validate: (values) => parseForm(form, helperAgentInputSchema, values, t),
      write: async (input, patch) => {
        name = input.name;
        await (agent
          ? repositories.helperAgents.update(agent.id, patch)
          : repositories.helperAgents.create(input));
      },
    });
    if (outcome === 'saved') void message.success(t('teamSettings.agents.saved', { name }));
    if (outcome === 'saved' || outcome === 'unchanged') onClose();
  }

  return (
    <Modal
      open
      title={agent ? t('teamSettings.agents.editTitle') : t('teamSettings.agents.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={editor.saving}
      okButtonProps={{ disabled: editor.status === 'gone' }}
      onOk={() => void submit()}
      onCancel={() => editor.close(onClose)}
      width={440}
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{
          name: t('teamSettings.agents.name'),
          unit: t('teamSettings.agents.unit'),
          phone: t('teamSettings.agents.phone'),
          active: t('teamSettings.agents.active'),
        }}
      />
      <Form
        onKeyDown={submitOnEnter(() => void submit())}
        form={form}
        name="helperAgent"
        layout="vertical"
        onValuesChange={editor.onValuesChange}
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
