/** IPC channel names, `domain:verb`. Kept apart from the schemas so the preload bundle stays tiny. */
export const ipcChannels = {
  appInfo: 'app:info',
  openJsonFile: 'file:open-json',
  saveJsonFile: 'file:save-json',
  openXlsxFile: 'file:open-xlsx',
  saveXlsxFile: 'file:save-xlsx',
  revealFile: 'file:reveal',
  listBackups: 'backup:list',
  saveBackup: 'backup:save',
  readBackup: 'backup:read',
  revealBackups: 'backup:reveal-folder',
  printToPdf: 'print:save-pdf',
  setSyncServer: 'sync:set-server',
  notify: 'notify:show',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];
