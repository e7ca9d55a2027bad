import { z } from 'zod';
import { ipcChannels, type IpcChannel } from './channels';

/**
 * The one typed contract between the renderer and the desktop (the `daiban` global of the page).
 * Electron's preload implements it over IPC; renderer/platform/browser-bridge.ts implements it
 * with a file input and a download so the same UI runs in plain Chromium.
 * Channel names are `domain:verb`; main validates every argument with the schemas below.
 */

export { ipcChannels, type IpcChannel };

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' on the desktop; 'browser' when the UI runs in plain Chromium. */
  platform: z.enum(['electron', 'browser']),
  /** Where the app keeps its data: a folder on the desktop, the page's origin in a browser. */
  dataFolder: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A file name offered in a dialog: no folders, no control characters, ends in .json. */
export const jsonFileNameSchema = z
  .string()
  .min(6)
  .max(200)
  .regex(/^[^\\/:*?"<>|]+\.json$/i, 'file name must be a plain *.json name')
  .refine((name) => ![...name].some((char) => char < ' '), 'no control characters');

export const openJsonFileRequestSchema = z.object({
  title: z.string().max(200),
});
export type OpenJsonFileRequest = z.infer<typeof openJsonFileRequestSchema>;

/** 20 MiB: larger files are refused before they are read into memory. */
export const maxJsonFileBytes = 20 * 1024 * 1024;

/** The outcome of an open dialog; a file over maxJsonFileBytes is refused unread. */
export type OpenJsonFileResult =
  | {
      status: 'opened';
      name: string;
      /** Full path on the desktop; absent in a browser, which never reveals paths. */
      path?: string;
      text: string;
    }
  | { status: 'cancelled' }
  | { status: 'too-large'; name: string };

export const saveJsonFileRequestSchema = z.object({
  title: z.string().max(200),
  suggestedName: jsonFileNameSchema,
  text: z.string().max(maxJsonFileBytes),
});
export type SaveJsonFileRequest = z.infer<typeof saveJsonFileRequestSchema>;

export type SavedJsonFile = {
  name: string;
  path?: string;
};

export const revealFileRequestSchema = z.object({
  path: z.string().min(1).max(4096),
});
export type RevealFileRequest = z.infer<typeof revealFileRequestSchema>;

/** What the renderer may ask of the desktop. A `null` save means the user cancelled the dialog. */
export type DaibanBridge = {
  appInfo(): Promise<AppInfo>;
  openJsonFile(request: OpenJsonFileRequest): Promise<OpenJsonFileResult>;
  saveJsonFile(request: SaveJsonFileRequest): Promise<SavedJsonFile | null>;
  revealFile(request: RevealFileRequest): Promise<void>;
};

/** Each bridge method, its channel, and how main validates its argument. */
export const bridgeMethods = {
  appInfo: { channel: ipcChannels.appInfo, request: z.undefined() },
  openJsonFile: { channel: ipcChannels.openJsonFile, request: openJsonFileRequestSchema },
  saveJsonFile: { channel: ipcChannels.saveJsonFile, request: saveJsonFileRequestSchema },
  revealFile: { channel: ipcChannels.revealFile, request: revealFileRequestSchema },
} as const satisfies Record<keyof DaibanBridge, { channel: IpcChannel; request: z.ZodType }>;

export type BridgeMethod = keyof DaibanBridge;
