import { App, Button, Card, Col, Flex, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  emptyProjectInput,
  projectInputSchema,
  type ProjectInput,
} from '../../../shared/domain/project';
import { repositories } from '../../db';
import { useCatalog } from '../../db/useTeamData';
import { parseForm } from '../../ui/form-issues';
import { useFormDraft } from '../../ui/useFormDraft';
import { CatalogPicker } from './CatalogPicker';
import { ProjectForm } from './ProjectForm';
import { writeErrorText } from '../../ui/write-error';

const draftKey = 'project:new';

/** A new project and, in the same step, its approval items from the catalog's chosen stages. */
export function NewProjectPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectInput>();
  const draft = useFormDraft(form, draftKey, emptyProjectInput());
  const catalog = useCatalog();
  const [catalogIds, setCatalogIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  async function save() {
    const input = parseForm(form, projectInputSchema, form.getFieldsValue(true), t);
    if (!input) return;
    setSaving(true);
    try {
      const project = await repositories.createProject(input, catalogIds);
      draft.clear();
      void message.success(t('project.created', { name: project.name }));
      void navigate(`/projects/${project.id}`);
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.new')}
        </Typography.Title>
        <Flex gap={8}>
          <Button
            onClick={() => {
              draft.clear();
              void navigate('/projects');
            }}
          >
            {t('common.cancel')}
          </Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
      <Row gutter={12}>
        <Col span={16}>
          <Card size="small">
            <ProjectForm
              form={form}
              onValuesChange={draft.onValuesChange}
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
