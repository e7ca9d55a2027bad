import { app, BrowserWindow, dialog, ipcMain, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  bridgeMethods,
  maxJsonFileBytes,
  type AppInfo,
  type BridgeMethod,
  type DaibanBridge,
  type OpenJsonFileRequest,
  type OpenJsonFileResult,
  type RevealFileRequest,
  type SaveJsonFileRequest,
  type SavedJsonFile,
} from '../shared/ipc/contract';
import { isOwnFrame } from './security';

const jsonFilters = [{ name: 'JSON', extensions: ['json'] }];

/** Paths the user chose in our dialogs, plus the data folder: the only ones revealFile will show. */
const revealablePaths = new Set<string>();

type Handlers = {
  [K in BridgeMethod]: (
    window: BrowserWindow,
    request: Parameters<DaibanBridge[K]>[0],
  ) => ReturnType<DaibanBridge[K]>;
};

const handlers: Handlers = {
  appInfo(): Promise<AppInfo> {
    return Promise.resolve({
      name: app.getName(),
      version: app.getVersion(),
      platform: 'electron',
      dataFolder: app.getPath('userData'),
    });
  },

  async openJsonFile(window, { title }: OpenJsonFileRequest): Promise<OpenJsonFileResult> {
    const chosen = await dialog.showOpenDialog(window, {
      title,
      filters: jsonFilters,
      properties: ['openFile'],
    });
    const file = chosen.filePaths[0];
    if (chosen.canceled || !file) return { status: 'cancelled' };
    const name = path.basename(file);
    if ((await stat(file)).size > maxJsonFileBytes) return { status: 'too-large', name };
    revealablePaths.add(file);
    return { status: 'opened', name, path: file, text: await readFile(file, 'utf8') };
  },

  async saveJsonFile(window, request: SaveJsonFileRequest): Promise<SavedJsonFile | null> {
    const chosen = await dialog.showSaveDialog(window, {
      title: request.title,
      defaultPath: path.join(app.getPath('documents'), request.suggestedName),
      filters: jsonFilters,
    });
    if (chosen.canceled || !chosen.filePath) return null;
    const file = chosen.filePath.toLowerCase().endsWith('.json')
      ? chosen.filePath
      : `${chosen.filePath}.json`;
    // Write beside the target, then rename: a full USB stick never leaves half a file behind.
    const partial = `${file}.partial`;
    await writeFile(partial, request.text, 'utf8');
    await rename(partial, file);
    revealablePaths.add(file);
    return { name: path.basename(file), path: file };
  },

  revealFile(_window, { path: target }: RevealFileRequest): Promise<void> {
    if (revealablePaths.has(target) && existsSync(target)) shell.showItemInFolder(target);
    return Promise.resolve();
  },
};

/** Registers one handler per channel: sender checked, argument validated, then handled. */
export function registerIpcHandlers(): void {
  revealablePaths.add(app.getPath('userData'));
  for (const method of Object.keys(bridgeMethods) as BridgeMethod[]) {
    const { channel, request } = bridgeMethods[method];
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, argument: unknown) => {
      if (!isOwnFrame(event.senderFrame, event.sender)) {
        throw new Error(`${channel}: refused, the sender is not the app's own page`);
      }
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) throw new Error(`${channel}: no window`);
      const parsed = request.safeParse(argument);
      if (!parsed.success) throw new Error(`${channel}: invalid argument`);
      const handler = handlers[method] as (w: BrowserWindow, r: unknown) => Promise<unknown>;
      return handler(window, parsed.data);
    });
  }
}
