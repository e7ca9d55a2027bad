import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  projectInputSchema,
  projectLevels,
  type KeyProject,
  type ProjectInput,
} from '../../../shared/domain/project';

type Props = {
  open: boolean;
  /** The project being edited; undefined for a new one. */
  project?: KeyProject;
  onSave: (input: ProjectInput) => Promise<void>;
  onClose: () => void;
};

const emptyInput: ProjectInput = { name: '', ownerCompany: '', level: 'district', helperAgent: '' };

export function ProjectFormModal({ open, project, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProjectInput>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue(project ?? emptyInput);
  }, [open, project, form]);

  async function submit() {
    // The shared schema is the one rule; its messages are i18n keys shown beside each field.
    const parsed = projectInputSchema.safeParse(form.getFieldsValue(true));
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: issue.path[0] as keyof ProjectInput,
          errors: [t(issue.message)],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      await onSave(parsed.data);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={project ? t('project.editTitle') : t('project.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={() => void submit()} requiredMark>
        <Form.Item name="name" label={t('project.name')} required>
          <Input autoFocus placeholder={t('project.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="ownerCompany" label={t('project.ownerCompany')} required>
          <Input placeholder={t('project.ownerPlaceholder')} />
        </Form.Item>
        <Form.Item name="level" label={t('project.level')} required>
          <Select
            options={projectLevels.map((level) => ({ value: level, label: t(`level.${level}`) }))}
          />
        </Form.Item>
        <Form.Item name="helperAgent" label={t('project.helperAgent')}>
          <Input placeholder={t('project.helperPlaceholder')} onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
