import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelperAgent } from '../../../shared/domain/helper-agent';
import { repositories } from '../../db';
import { useHelperAgents } from '../../db/useTeamData';
import { HistoryButton } from '../../ui/HistoryButton';
import { HelperAgentFormModal } from './HelperAgentFormModal';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';

/** undefined: closed; 'new': adding; a record: editing it. */
type Editing = undefined | 'new' | HelperAgent;

/** 代办员: the team's helper-agents, assigned to projects elsewhere in the app. */
export function HelperAgentsSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const agents = useHelperAgents();
  const [editing, setEditing] = useState<Editing>();

  async function run(write: () => Promise<unknown>, success?: string) {
    try {
      await write();
      if (success) void message.success(success);
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  const activeCount = agents?.filter((agent) => agent.active).length ?? 0;

  return (
    <Card
      size="small"
      title={t('teamSettings.agents.title')}
      extra={
        <Space>
          <Typography.Text type="secondary">
            {t('teamSettings.agents.count', { count: agents?.length ?? 0, active: activeCount })}
          </Typography.Text>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('teamSettings.agents.add')}
          </Button>
        </Space>
      }
    >
      <Table<HelperAgent>
        size="small"
        rowKey="id"
        loading={agents === undefined}
        dataSource={agents}
        // A town's team has a few dozen; pages keep a long list from rendering all at once.
        pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
        locale={{ emptyText: t('teamSettings.agents.empty') }}
        rowClassName={(agent) => (agent.active ? '' : 'row-inactive')}
        columns={[
          {
            title: t('teamSettings.agents.name'),
            dataIndex: 'name',
            width: 140,
            render: (name: string, agent) => (
              <Typography.Text type={agent.active ? undefined : 'secondary'}>
                {name}
              </Typography.Text>
            ),
          },
          { title: t('teamSettings.agents.unit'), dataIndex: 'unit' },
          { title: t('teamSettings.agents.phone'), dataIndex: 'phone', width: 150 },
          {
            title: t('teamSettings.agents.active'),
            dataIndex: 'active',
            width: 110,
            render: (active: boolean, agent) => (
              <Switch
                size="small"
                checked={active}
                checkedChildren={t('teamSettings.agents.activeOn')}
                unCheckedChildren={t('teamSettings.agents.activeOff')}
                aria-label={t('teamSettings.agents.activeLabel', { name: agent.name })}
                onChange={(checked) =>
                  void run(() => repositories.helperAgents.update(agent.id, { active: checked }))
                }
              />
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 230,
            render: (_, agent) => (
              <Space size={0}>
                <Button
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing(agent)}
                >
                  {t('common.edit')}
                </Button>
                <DeleteButton
                  title={t('teamSettings.agents.confirmDelete', { name: agent.name })}
                  description={
                    <div style={{ maxWidth: 280 }}>{t('teamSettings.agents.deleteHint')}</div>
                  }
                  onConfirm={() =>
                    void run(
                      () => repositories.helperAgents.remove(agent.id),
                      t('teamSettings.agents.deleted', { name: agent.name }),
                    )
                  }
                />
                <HistoryButton recordId={agent.id} title={agent.name} />
              </Space>
            ),
          },
        ]}
      />
      {editing !== undefined && (
        <HelperAgentFormModal
          agent={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
