import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import '../i18n';
import { ActorGate } from './ActorGate';
import { AppLayout } from './AppLayout';
import { page, PageLoading } from './lazy-page';

// Hash routes work the same from app:// in Electron and from a static server in a browser.
// Every screen but the first is its own chunk, loaded when it is opened: the first screen
// carries no charting, printing or Excel code.
const router = createHashRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: <WorkbenchPage /> },
      {
        path: 'projects',
        lazy: () => import('../features/projects/ProjectListPage').then(page('ProjectListPage')),
      },
      {
        path: 'projects/new',
        lazy: () => import('../features/projects/NewProjectPage').then(page('NewProjectPage')),
      },
      {
        path: 'projects/:projectId',
        lazy: () => import('../features/projects/ProjectPage').then(page('ProjectPage')),
      },
      { path: 'sync', lazy: () => import('../features/sync/SyncPage').then(page('SyncPage')) },
      {
        path: 'settings',
        lazy: () => import('../features/settings/SettingsPage').then(page('SettingsPage')),
      },
      { path: '*', element: <Navigate to="/workbench" replace /> },
    ],
  },
  // Print previews fill the window without the side menu: what shows is what prints.
  {
    path: 'print/project/:projectId',
    hydrateFallbackElement: <PageLoading />,
    lazy: () => import('../features/printing/ProjectSheetPage').then(page('ProjectSheetPage')),
  },
  {
    path: 'print/summary',
    hydrateFallbackElement: <PageLoading />,
    lazy: () => import('../features/printing/SummarySheetPage').then(page('SummarySheetPage')),
  },
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
