import { app, BrowserWindow, session } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appEntryUrl, registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { denyAllPermissions, guardWebContents } from './security';
import { initialBounds, loadWindowState, rememberWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));

app.setName('帮代通');
// Tests point the app at a fresh data folder; users keep the default per-user folder.
if (process.env.DAIBAN_USER_DATA) app.setPath('userData', process.env.DAIBAN_USER_DATA);

registerAppScheme();

let mainWindow: BrowserWindow | null = null;

function createMainWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const saved = loadWindowState(userData);
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
  rememberWindowState(window, userData);
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

  void app.whenReady().then(() => {
    serveRenderer(path.join(here, '..', 'dist', 'renderer'));
    denyAllPermissions(session.defaultSession);
    registerIpcHandlers();
    installApplicationMenu();
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
