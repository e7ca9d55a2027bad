import {
  BarChartOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  ProjectOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { followServerConfig } from '../db/server-sync-client';
import { BackupGuard } from '../features/backups/BackupGuard';
import { ReminderWatcher } from '../features/reminders/ReminderWatcher';
import { SearchBox } from '../features/search/SearchBox';
import { ServerSyncStatus } from './ServerSyncStatus';

const navigation = [
  { path: '/workbench', label: 'nav.workbench', icon: <DashboardOutlined /> },
  { path: '/projects', label: 'nav.projects', icon: <ProjectOutlined /> },
  { path: '/board', label: 'board.nav', icon: <BarChartOutlined /> },
  { path: '/sync', label: 'nav.sync', icon: <CloudSyncOutlined /> },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined /> },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = navigation.find((item) => location.pathname.startsWith(item.path))?.path;
  // The team server's sync runs from start-up, whichever screen is open.
  useEffect(() => followServerConfig(), []);

  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Sider
        width={168}
        theme="light"
        style={{ borderRight: '1px solid #f0f0f0', display: 'flex', flexDirection: 'column' }}
      >
        <Typography.Title level={4} style={{ margin: '16px 20px' }}>
          {t('app.name')}
        </Typography.Title>
        <Menu
          mode="inline"
          aria-label={t('app.fullName')}
          selectedKeys={selected ? [selected] : []}
          items={navigation.map((item) => ({
            key: item.path,
            icon: item.icon,
            label: t(item.label),
          }))}
          onClick={({ key }) => void navigate(key)}
        />
        <ServerSyncStatus />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            height: 48,
            lineHeight: '48px',
            padding: '0 16px',
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <SearchBox />
        </Layout.Header>
        <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
          <BackupGuard />
          <ReminderWatcher />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
