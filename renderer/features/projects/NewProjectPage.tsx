import { App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  emptyProjectInput,
  projectInputSchema,
  type KeyProject,
  type ProjectInput,
} from '../../../shared/domain/project';
import { repositories } from '../../db';
import { useCatalog } from '../../db/useTeamData';
import { parseForm } from '../../ui/form-issues';
import { useRecordForm } from '../../ui/useRecordForm';
import { CatalogPicker } from './CatalogPicker';
import { ProjectForm } from './ProjectForm';

const draftKey = 'project:new';

/** A new project and, in the same step, its approval items from the catalog's chosen stages. */
export function NewProjectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectInput>();
  const editor = useRecordForm({ form, draftKey, initial: emptyProjectInput() });
  const catalog = useCatalog();
  const [catalogIds, setCatalogIds] = useState<string[]>([]);

  async function save() {
    let created: KeyProject | undefined;
    const outcome = await editor.save({
      toRecord: (values) => values,
      validate: (values) => parseForm(form, projectInputSchema, values, t),
      write: async (input) => {
        created = await repositories.createProject(input, catalogIds);
      },
    });
    if (outcome !== 'saved' || !created) return;
    void message.success(t('project.created', { name: created.name }));
    void navigate(`/projects/${created.id}`);
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.new')}
        </Typography.Title>
        <Flex gap={8}>
          <Button onClick={() => editor.close(() => void navigate('/projects'))}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={editor.saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small">
            <ProjectForm
              form={form}
              onValuesChange={editor.onValuesChange}
              onSubmit={() => void save()}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title={t('project.itemsFromCatalog')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('project.itemsFromCatalogHint')}
            </Typography.Paragraph>
            <CatalogPicker catalog={catalog ?? []} checked={catalogIds} onChange={setCatalogIds} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
