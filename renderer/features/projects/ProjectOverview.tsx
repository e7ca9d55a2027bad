import { App, Alert, Button, Card, Flex, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  projectInputSchema,
  type KeyProject,
  type ProjectInput,
} from '../../../shared/domain/project';
import { repositories } from '../../db';
import { HistoryButton } from '../../ui/HistoryButton';
import { parseForm } from '../../ui/form-issues';
import { useFormDraft } from '../../ui/useFormDraft';
import { ProjectForm } from './ProjectForm';
import { writeErrorText } from '../../ui/write-error';

function inputOf(project: KeyProject): ProjectInput {
  const { id: _id, createdAt: _c, updatedAt: _u, deleted: _d, ...input } = project;
  return input;
}

/** 概况: every field of the project, editable; unsaved edits survive navigation as a draft. */
export function ProjectOverview({ project }: { project: KeyProject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectInput>();
  const draft = useFormDraft(form, `project:${project.id}`, inputOf(project));
  const [dirty, setDirty] = useState(draft.hasDraft());
  const [saving, setSaving] = useState(false);

  async function save() {
    const input = parseForm(form, projectInputSchema, form.getFieldsValue(true), t);
    if (!input) return;
    setSaving(true);
    try {
      await repositories.projects.update(project.id, input);
      draft.clear();
      setDirty(false);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    draft.clear();
    form.setFieldsValue(inputOf(project));
    setDirty(false);
  }

  return (
    <Card
      size="small"
      title={t('project.overview')}
      extra={
        <Flex gap={8} align="center">
          <HistoryButton recordId={project.id} title={project.name} />
          {dirty && (
            <Button size="small" onClick={discard}>
              {t('project.discard')}
            </Button>
          )}
          <Button size="small" type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {dirty && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('project.unsaved')} />
      )}
      <ProjectForm
        form={form}
        onValuesChange={() => {
          draft.onValuesChange();
          setDirty(true);
        }}
        onSubmit={() => void save()}
      />
    </Card>
  );
}
