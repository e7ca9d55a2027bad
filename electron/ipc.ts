import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Notification,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  bridgeMethods,
  maxJsonFileBytes,
  maxXlsxFileBytes,
  type BridgeMethod,
  type DaibanBridge,
} from '../shared/ipc/contract';
import { senderOf } from './app-url';
import { backupsFolder, createBackupStore } from './backups';
import { readBinaryFile, readTextFile, writeFileAtomic } from './files';
import { authorizeIpcCall } from './ipc-authorize';
import { clickResult, notificationOptions, windowActionsOnClick } from './notifications';
import { exportPdf, pdfDialogFilters, pdfPrintOptions } from './pdf-export';

const jsonFilters = [{ name: 'JSON', extensions: ['json'] }];
const xlsxFilters = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/** Paths the user chose in our dialogs, plus the data folder: the only ones revealFile will show. */
const revealablePaths = new Set<string>();

/** The save dialog for the next PDF opens where the last one went: sheets are saved in batches. */
let lastPdfFolder: string | null = null;

/** Notifications still on screen: held so they are not garbage-collected before a click. */
const shownNotifications = new Set<Notification>();

type Handlers = {
  [K in BridgeMethod]: (
    window: BrowserWindow,
    request: Parameters<DaibanBridge[K]>[0],
  ) => ReturnType<DaibanBridge[K]>;
};

/** What the handlers need from main beyond Electron's modules. */
export type IpcContext = {
  /** Asks the user (a dialog on `window`) before a new origin is allowed; see sync-server.ts. */
  setSyncServer(
    origin: string | null,
    window: BrowserWindow,
  ): ReturnType<DaibanBridge['setSyncServer']>;
};

function createHandlers(context: IpcContext): Handlers {
  const backups = createBackupStore(backupsFolder(app.getPath('userData')));
  return {
    appInfo: () =>
      Promise.resolve({
        name: app.getName(),
        version: app.getVersion(),
        platform: 'electron',
        dataFolder: app.getPath('userData'),
      }),

    async openJsonFile(window, { title }) {
      const chosen = await dialog.showOpenDialog(window, {
        title,
        filters: jsonFilters,
        properties: ['openFile'],
      });
      const file = chosen.filePaths[0];
      if (chosen.canceled || !file) return { status: 'cancelled' };
      const name = path.basename(file);
      const read = await readTextFile(file, maxJsonFileBytes);
      if (read.status !== 'read') return { status: 'refused', name, reason: read.status };
      revealablePaths.add(file);
      return { status: 'opened', name, path: file, text: read.text };
    },

    async saveJsonFile(window, request) {
      const chosen = await dialog.showSaveDialog(window, {
        title: request.title,
        defaultPath: path.join(app.getPath('documents'), request.suggestedName),
        filters: jsonFilters,
      });
      if (chosen.canceled || !chosen.filePath) return null;
      const file = chosen.filePath.toLowerCase().endsWith('.json')
        ? chosen.filePath
        : `${chosen.filePath}.json`;
      await writeFileAtomic(file, request.text);
      revealablePaths.add(file);
      return { name: path.basename(file), path: file };
    },

    async openXlsxFile(window, { title }) {
      const chosen = await dialog.showOpenDialog(window, {
        title,
        filters: xlsxFilters,
        properties: ['openFile'],
      });
      const file = chosen.filePaths[0];
      if (chosen.canceled || !file) return { status: 'cancelled' };
      const name = path.basename(file);
      const read = await readBinaryFile(file, maxXlsxFileBytes);
      if (read.status !== 'read') return { status: 'refused', name, reason: read.status };
      revealablePaths.add(file);
      return { status: 'opened', name, path: file, bytes: read.bytes };
    },

    async saveXlsxFile(window, request) {
      const chosen = await dialog.showSaveDialog(window, {
        title: request.title,
        defaultPath: path.join(app.getPath('documents'), request.suggestedName),
        filters: xlsxFilters,
      });
      if (chosen.canceled || !chosen.filePath) return null;
      const file = chosen.filePath.toLowerCase().endsWith('.xlsx')
        ? chosen.filePath
        : `${chosen.filePath}.xlsx`;
      await writeFileAtomic(file, request.bytes);
      revealablePaths.add(file);
      return { name: path.basename(file), path: file };
    },

    revealFile(_window, { path: target }) {
      if (revealablePaths.has(target) && existsSync(target)) shell.showItemInFolder(target);
      return Promise.resolve();
    },

    listBackups: () => backups.list(),
    saveBackup: (_window, request) => backups.save(request),
    readBackup: (_window, request) => backups.read(request),
    async revealBackups() {
      await mkdir(backups.folder, { recursive: true });
      const failure = await shell.openPath(backups.folder);
      if (failure) throw new Error(`无法打开备份文件夹：${failure}`);
    },

    async printToPdf(window, request) {
      const result = await exportPdf(request, lastPdfFolder ?? app.getPath('documents'), {
        async chooseTarget(defaultPath) {
          const chosen = await dialog.showSaveDialog(window, {
            title: request.title,
            defaultPath,
            filters: pdfDialogFilters,
          });
          return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
        },
        // The window shows the sheet's preview; its print CSS hides everything but the sheet.
        print: () => window.webContents.printToPDF(pdfPrintOptions),
        write: writeFileAtomic,
      });
      if (result.status === 'saved') {
        lastPdfFolder = path.dirname(result.path);
        revealablePaths.add(result.path);
      }
      return result;
    },

    setSyncServer: (window, { origin }) => context.setSyncServer(origin, window),

    notify(window, request) {
      if (!Notification.isSupported()) return Promise.resolve({ status: 'denied' });
      return new Promise((resolve) => {
        const notification = new Notification(notificationOptions(request, app.getName()));
        shownNotifications.add(notification);
        const done = (result: Awaited<ReturnType<DaibanBridge['notify']>>) => {
          shownNotifications.delete(notification);
          resolve(result);
        };
        notification.on('click', () => {
          if (!window.isDestroyed()) {
            const state = { minimized: window.isMinimized(), visible: window.isVisible() };
            for (const action of windowActionsOnClick(state)) window[action]();
          }
          done(clickResult(request));
        });
        notification.on('close', () => done({ status: 'closed' }));
        notification.on('failed', () => done({ status: 'denied' }));
        notification.show();
      });
    },
  };
}

/** Registers one handler per channel: authorizeIpcCall decides, the handler only acts. */
export function registerIpcHandlers(context: IpcContext): void {
  const handlers = createHandlers(context);
  revealablePaths.add(app.getPath('userData'));
  for (const method of Object.keys(bridgeMethods) as BridgeMethod[]) {
    ipcMain.handle(
      bridgeMethods[method].channel,
      (event: IpcMainInvokeEvent, argument: unknown) => {
        const call = authorizeIpcCall(
          method,
          senderOf(event.senderFrame, event.sender.mainFrame),
          argument,
        );
        if (!call.ok) throw new Error(call.message);
        const window = BrowserWindow.fromWebContents(event.sender);
        if (!window) throw new Error(`${bridgeMethods[method].channel}: no window`);
        const handler = handlers[method] as (w: BrowserWindow, r: unknown) => Promise<unknown>;
        return handler(window, call.argument);
      },
    );
  }
}
