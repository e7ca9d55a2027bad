import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { format } from 'date-fns';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyProject, ProjectInput } from '../../../shared/domain/project';
import { projectRepository } from '../../db';
import { useProjects } from '../../db/useProjects';
import { ProjectFormModal } from './ProjectFormModal';
import { levelColors } from './level-colors';

type Editing = { project?: KeyProject } | null;

function matches(project: KeyProject, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return [project.name, project.ownerCompany, project.helperAgent].some((text) =>
    text.toLowerCase().includes(needle),
  );
}

export function ProjectListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const projects = useProjects();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const shown = useMemo(
    () => projects?.filter((project) => matches(project, query)),
    [projects, query],
  );

  async function save(input: ProjectInput) {
    try {
      if (editing?.project) {
        await projectRepository.update(editing.project.id, input);
        void message.success(t('common.saved'));
      } else {
        await projectRepository.create(input);
        void message.success(t('project.created', { name: input.name }));
      }
      setEditing(null);
    } catch (error) {
      void message.error(t('common.unknownError', { message: String(error) }));
    }
  }

  async function remove(project: KeyProject) {
    await projectRepository.remove(project.id);
    void message.success(t('common.deleted'));
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('project.list')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('project.new')}
        </Button>
      </Flex>
      <Input.Search
        allowClear
        placeholder={t('project.searchPlaceholder')}
        aria-label={t('common.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        style={{ maxWidth: 420 }}
      />
      <Table<KeyProject>
        rowKey="id"
        size="small"
        loading={shown === undefined}
        dataSource={shown}
        pagination={{ pageSize: 50, showTotal: (count) => t('project.count', { count }) }}
        locale={{ emptyText: t('project.empty') }}
        columns={[
          { title: t('project.name'), dataIndex: 'name' },
          { title: t('project.ownerCompany'), dataIndex: 'ownerCompany' },
          {
            title: t('project.level'),
            dataIndex: 'level',
            width: 96,
            render: (level: KeyProject['level']) => (
              <Tag color={levelColors[level]}>{t(`level.${level}`)}</Tag>
            ),
          },
          { title: t('project.helperAgent'), dataIndex: 'helperAgent', width: 110 },
          {
            title: t('project.updatedAt'),
            dataIndex: 'updatedAt',
            width: 150,
            render: (updatedAt: string) => format(new Date(updatedAt), 'yyyy-MM-dd HH:mm'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_, project) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ project })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove(project)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <ProjectFormModal
        open={editing !== null}
        project={editing?.project}
        onSave={save}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
