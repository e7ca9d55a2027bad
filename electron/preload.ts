import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels } from '../shared/ipc/channels';
import type { DaibanBridge } from '../shared/ipc/contract';

// Named methods only: the page never gets ipcRenderer itself.
const bridge = {
  appInfo: () => ipcRenderer.invoke(ipcChannels.appInfo),
  openJsonFile: (request) => ipcRenderer.invoke(ipcChannels.openJsonFile, request),
  saveJsonFile: (request) => ipcRenderer.invoke(ipcChannels.saveJsonFile, request),
  openXlsxFile: (request) => ipcRenderer.invoke(ipcChannels.openXlsxFile, request),
  saveXlsxFile: (request) => ipcRenderer.invoke(ipcChannels.saveXlsxFile, request),
  revealFile: (request) => ipcRenderer.invoke(ipcChannels.revealFile, request),
  listBackups: () => ipcRenderer.invoke(ipcChannels.listBackups),
  saveBackup: (request) => ipcRenderer.invoke(ipcChannels.saveBackup, request),
  readBackup: (request) => ipcRenderer.invoke(ipcChannels.readBackup, request),
  revealBackups: () => ipcRenderer.invoke(ipcChannels.revealBackups),
  printToPdf: (request) => ipcRenderer.invoke(ipcChannels.printToPdf, request),
  setSyncServer: (request) => ipcRenderer.invoke(ipcChannels.setSyncServer, request),
  notify: (request) => ipcRenderer.invoke(ipcChannels.notify, request),
} satisfies DaibanBridge;

contextBridge.exposeInMainWorld('daiban', bridge);
