import { App, Alert, Button, Card, Flex, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  emptyProjectInput,
  projectInputSchema,
  type KeyProject,
  type ProjectInput,
} from '../../../shared/domain/project';
import { repositories } from '../../db';
import { useHelperAgents } from '../../db/useTeamData';
import { ChangedUnderneathAlert } from '../../ui/ChangedUnderneathAlert';
import { HistoryButton } from '../../ui/HistoryButton';
import { parseForm } from '../../ui/form-issues';
import { pickFields } from '../../ui/record-draft';
import { useRecordForm } from '../../ui/useRecordForm';
import { ProjectForm } from './ProjectForm';
import { projectDescribers } from './project-describers';

/** Helper-agents and stages are sets: two windows' additions both stay. */
export const projectSetFields = ['helperAgentIds', 'attorneyStages'] as const;

function inputOf(project: KeyProject): ProjectInput {
  return pickFields(emptyProjectInput(), project);
}

/** 概况: every field of the project, editable; unsaved edits survive navigation as a draft. */
export function ProjectOverview({ project }: { project: KeyProject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProjectInput>();
  const stored = useMemo(() => inputOf(project), [project]);
  const editor = useRecordForm({
    form,
    draftKey: `project:${project.id}`,
    stored,
    setFields: projectSetFields,
  });
  const describe = projectDescribers(t, useHelperAgents());

  async function save() {
    const outcome = await editor.save({
      toRecord: (values) => values,
      validate: (values) => parseForm(form, projectInputSchema, values, t),
      write: (_input, patch) => repositories.projects.update(project.id, patch),
    });
    if (outcome === 'saved') void message.success(t('common.saved'));
    if (outcome === 'unchanged') void message.info(t('recordForm.nothingChanged'));
  }

  const dirty = editor.changed.length > 0;
  return (
    <Card
      size="small"
      title={t('project.overview')}
      extra={
        <Flex gap={8} align="center">
          <HistoryButton recordId={project.id} title={project.name} />
          {dirty && (
            <Button size="small" onClick={editor.discard}>
              {t('project.discard')}
            </Button>
          )}
          <Button
            size="small"
            type="primary"
            loading={editor.saving}
            disabled={editor.status === 'gone'}
            onClick={() => void save()}
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ name: t('project.name') }}
        describe={describe}
      />
      {dirty && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('project.unsaved')} />
      )}
      <ProjectForm
        form={form}
        onValuesChange={editor.onValuesChange}
        onSubmit={() => void save()}
      />
    </Card>
  );
}
