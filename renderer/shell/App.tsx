import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { ProjectSheetPage } from '../features/printing/ProjectSheetPage';
import { SummarySheetPage } from '../features/printing/SummarySheetPage';
import { NewProjectPage } from '../features/projects/NewProjectPage';
import { ProjectListPage } from '../features/projects/ProjectListPage';
import { ProjectPage } from '../features/projects/ProjectPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import '../i18n';
import { ActorGate } from './ActorGate';
import { AppLayout } from './AppLayout';

// Hash routes work the same from app:// in Electron and from a static server in a browser.
const router = createHashRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: <WorkbenchPage /> },
      { path: 'projects', element: <ProjectListPage /> },
      { path: 'projects/new', element: <NewProjectPage /> },
      { path: 'projects/:projectId', element: <ProjectPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/workbench" replace /> },
    ],
  },
  // Print previews fill the window without the side menu: what shows is what prints.
  { path: 'print/project/:projectId', element: <ProjectSheetPage /> },
  { path: 'print/summary', element: <SummarySheetPage /> },
]);

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      componentSize="middle"
      button={{ autoInsertSpace: false }}
      theme={{ token: { borderRadius: 4, fontSize: 14 } }}
    >
      {/* A few at a time: a burst of saves must not stack toasts down the page. */}
      <AntApp style={{ height: '100%' }} message={{ maxCount: 3, duration: 2.5 }}>
        <ActorGate>
          <RouterProvider router={router} />
        </ActorGate>
      </AntApp>
    </ConfigProvider>
  );
}
