/** IPC channel names, `domain:verb`. Kept apart from the schemas so the preload bundle stays tiny. */
export const ipcChannels = {
  appInfo: 'app:info',
  openJsonFile: 'file:open-json',
  saveJsonFile: 'file:save-json',
  revealFile: 'file:reveal',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];
