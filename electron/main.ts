import { app, BrowserWindow, dialog, screen, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { appEntryUrl } from './app-url';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { guardWebContents, restrictNetwork, restrictPermissions } from './security';
import {
  createSyncServerGate,
  loadSyncServer,
  saveSyncServer,
  syncServerFile,
} from './sync-server';
import { rememberWindowState } from './window-events';
import { initialBounds, loadWindowState, windowStateFile } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Vite replaces import.meta.env.DEV when it bundles this file: true only under the dev server
 * (DAIBAN_ELECTRON_DEV), false in `vite build`, which is what `npm start` and every user runs.
 * `!app.isPackaged` would not do: `npm start` runs the unpackaged app, so users would get it too.
 */
const developmentBuild = import.meta.env.DEV;

app.setName('帮代通');
// Tests point the app at a fresh data folder; users keep the default per-user folder.
if (process.env.DAIBAN_USER_DATA) app.setPath('userData', process.env.DAIBAN_USER_DATA);

registerAppScheme();

let mainWindow: BrowserWindow | null = null;
let windowStateSaved: () => Promise<void> = () => Promise.resolve();

async function createMainWindow(): Promise<BrowserWindow> {
  const stateFile = windowStateFile(app.getPath('userData'));
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const saved = await loadWindowState(stateFile, workAreas);
  const window = new BrowserWindow({
    ...initialBounds(saved),
    minWidth: 960,
    minHeight: 600,
    title: '帮代通',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  windowStateSaved = rememberWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  // The window's last position is written on close, asynchronously: however the app is quit
  // (closing the window or 退出), wait for that write once, then quit.
  let stateFlushed = false;
  app.on('will-quit', (event) => {
    if (stateFlushed) return;
    event.preventDefault();
    stateFlushed = true;
    void windowStateSaved().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    const serverFile = syncServerFile(app.getPath('userData'));
    const syncServer = createSyncServerGate({
      initial: await loadSyncServer(serverFile),
      save: (origin) => saveSyncServer(serverFile, origin),
    });
    serveRenderer(path.join(here, '..', 'dist', 'renderer'), syncServer.current);
    restrictPermissions(session.defaultSession);
    restrictNetwork(session.defaultSession, syncServer.current);
    registerIpcHandlers({
      setSyncServer: (origin, window) =>
        syncServer.request(origin, async (options) => {
          const answer = await dialog.showMessageBox(window, options);
          return answer.response;
        }),
    });
    installApplicationMenu(developmentBuild);
    mainWindow = await createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
