import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
import '../i18n';
import { ActorGate } from './ActorGate';
import { AppLayout } from './AppLayout';
import { preloadAll } from '../ui/preload';
import { PageLoading, screen, ScreenError } from './lazy-page';

// Hash routes work the same from app:// in Electron and from a static server in a browser.
// Every screen but the first is its own chunk, loaded when it is opened: the first screen
// carries no charting, printing or Excel code.
const router = createHashRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <PageLoading />,
    errorElement: <ScreenError />,
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      { path: 'workbench', element: <WorkbenchPage /> },
      {
        path: 'projects',
        lazy: screen(() => import('../features/projects/ProjectListPage'), 'ProjectListPage'),
      },
      {
        path: 'projects/new',
        lazy: screen(() => import('../features/projects/NewProjectPage'), 'NewProjectPage'),
      },
      {
        path: 'projects/:projectId',
        lazy: screen(() => import('../features/projects/ProjectPage'), 'ProjectPage'),
      },
      { path: 'board', lazy: screen(() => import('../features/board/BoardPage'), 'BoardPage') },
      { path: 'sync', lazy: screen(() => import('../features/sync/SyncPage'), 'SyncPage') },
      {
        path: 'settings',
        lazy: screen(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
      },
      { path: '*', element: <Navigate to="/workbench" replace /> },
    ],
  },
  // Print previews fill the window without the side menu: what shows is what prints.
  {
    path: 'print/project/:projectId',
    hydrateFallbackElement: <PageLoading />,
    errorElement: <ScreenError />,
    lazy: screen(() => import('../features/printing/ProjectSheetPage'), 'ProjectSheetPage'),
  },
  {
    path: 'print/summary',
    hydrateFallbackElement: <PageLoading />,
    errorElement: <ScreenError />,
    lazy: screen(() => import('../features/printing/SummarySheetPage'), 'SummarySheetPage'),
  },
]);

export function App() {
  const { i18n } = useTranslation();
  useEffect(() => {
    // When the window has nothing else to do, not while the user starts working.
    const idle = window.requestIdleCallback(preloadAll, { timeout: 10_000 });
    return () => window.cancelIdleCallback(idle);
  }, []);
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
