import { z } from 'zod';
import { serverOrigin } from '../security/server-origin';
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

/** A file name offered in a dialog: no folders, no control characters, ends in `.extension`. */
const plainFileNameSchema = (extension: string) =>
  z
    .string()
    .min(extension.length + 2)
    .max(200)
    .regex(
      new RegExp(`^[^\\\\/:*?"<>|]+\\.${extension}$`, 'i'),
      `file name must be a plain *.${extension} name`,
    )
    .refine((name) => ![...name].some((char) => char < ' '), 'no control characters');

export const jsonFileNameSchema = plainFileNameSchema('json');
export const pdfFileNameSchema = plainFileNameSchema('pdf');
export const xlsxFileNameSchema = plainFileNameSchema('xlsx');

export const openJsonFileRequestSchema = z.object({
  title: z.string().max(200),
});
export type OpenJsonFileRequest = z.infer<typeof openJsonFileRequestSchema>;

/**
 * 256 MiB: far above a city-scale team's full data (~80 MB), and safely below the longest string
 * a JavaScript engine holds. Larger files are refused before they are read into memory.
 */
export const maxJsonFileBytes = 256 * 1024 * 1024;

/**
 * Why a chosen file was not read: gone, a folder or device, not UTF-8/UTF-16 text (see
 * shared/exchange/text-file.ts), or over maxJsonFileBytes (refused unread). The renderer words it.
 */
export type FileRefusal = 'missing' | 'not-a-file' | 'not-text' | 'too-large';
export type RefusedFile = { status: 'refused'; name: string; reason: FileRefusal };

/** The outcome of an open dialog. */
export type OpenJsonFileResult =
  | {
      status: 'opened';
      name: string;
      /** Full path on the desktop; absent in a browser, which never reveals paths. */
      path?: string;
      text: string;
    }
  | { status: 'cancelled' }
  | RefusedFile;

export const saveJsonFileRequestSchema = z.object({
  title: z.string().max(200),
  suggestedName: jsonFileNameSchema,
  text: z.string().max(maxJsonFileBytes),
});
export type SaveJsonFileRequest = z.infer<typeof saveJsonFileRequestSchema>;

/**
 * 台账 (.xlsx) in and out (renderer/features/ledger/). 64 MiB holds a city's whole ledger several
 * times over (the 2,000-project export is a few MB); larger files are refused unread.
 */
export const maxXlsxFileBytes = 64 * 1024 * 1024;

export const openXlsxFileRequestSchema = z.object({ title: z.string().max(200) });
export type OpenXlsxFileRequest = z.infer<typeof openXlsxFileRequestSchema>;

export type OpenXlsxFileResult =
  | { status: 'opened'; name: string; path?: string; bytes: Uint8Array }
  | { status: 'cancelled' }
  | RefusedFile;

export const saveXlsxFileRequestSchema = z.object({
  title: z.string().max(200),
  suggestedName: xlsxFileNameSchema,
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.length <= maxXlsxFileBytes, 'too large'),
});
export type SaveXlsxFileRequest = z.infer<typeof saveXlsxFileRequestSchema>;

export type SavedJsonFile = {
  name: string;
  path?: string;
};

export const revealFileRequestSchema = z.object({
  path: z.string().min(1).max(4096),
});
export type RevealFileRequest = z.infer<typeof revealFileRequestSchema>;

/**
 * Automatic backups (自动备份). A backup is a full data file (the same export 同步 writes).
 * On the desktop main keeps them in `<data folder>/backups/`, names them, and applies the retention
 * rule (shared/backup/retention.ts); in a browser a backup is a download, and the list is the
 * history of the downloads made from this browser.
 */
export const backupReasons = ['daily', 'manual', 'beforeImport', 'beforeRestore'] as const;
export const backupReasonSchema = z.enum(backupReasons);
export type BackupReason = z.infer<typeof backupReasonSchema>;

/** Backup files are named by main: 帮代通备份-yyyyMMdd-HHmmss[-n].json, nothing else is read. */
export const backupNameSchema = z.string().regex(/^帮代通备份-\d{8}-\d{6}(-\d{1,3})?\.json$/);

/** Live records per table (项目, 审批事项…) at the time of the backup. */
export const backupCountsSchema = z.record(z.string().max(40), z.number().int().min(0));
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export type BackupEntry = {
  name: string;
  /** ISO date-time the backup was made. */
  createdAt: string;
  sizeBytes: number;
  reason: BackupReason;
  /** null when the backup file was found without its record (copied in by hand, say). */
  counts: BackupCounts | null;
};

export type BackupList = {
  /** The backups folder on the desktop; '' in a browser, whose backups are downloads. */
  folder: string;
  /** Newest first. */
  entries: BackupEntry[];
};

export const saveBackupRequestSchema = z.object({
  reason: backupReasonSchema,
  text: z.string().max(maxJsonFileBytes),
  counts: backupCountsSchema,
});
export type SaveBackupRequest = z.infer<typeof saveBackupRequestSchema>;

export const readBackupRequestSchema = z.object({ name: backupNameSchema });
export type ReadBackupRequest = z.infer<typeof readBackupRequestSchema>;

export type ReadBackupResult = { status: 'opened'; name: string; text: string } | RefusedFile;

/**
 * 导出 PDF of the sheet the window shows (renderer/features/printing/): on the desktop main prints
 * the window with the page's own print CSS (A4 from @page) and saves it where the user chooses.
 */
export const printToPdfRequestSchema = z.object({
  /** The save dialog's title. */
  title: z.string().max(200),
  suggestedName: pdfFileNameSchema,
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequestSchema>;

export type PrintToPdfResult =
  | { status: 'saved'; name: string; path: string }
  | { status: 'cancelled' }
  /**
   * A browser cannot write a PDF itself: its own print dialog was opened instead, where
   * 另存为 PDF (Save as PDF) is one of the destinations.
   */
  | { status: 'browserPrint' };

/**
 * The team sync server the app may reach: an origin exactly as `serverOrigin` gives it, or null
 * for none. Main puts it in the CSP of app:// responses and lets the window's network requests
 * go there and nowhere else (electron/sync-server.ts).
 */
export const setSyncServerRequestSchema = z.object({
  origin: z
    .string()
    .nullable()
    .refine((origin) => origin === null || serverOrigin(origin) === origin, 'not an origin'),
});
export type SetSyncServerRequest = z.infer<typeof setSyncServerRequestSchema>;

/**
 * `allowed`: the origin is the one the app may reach from now on (or none, for null).
 * `declined`: the desktop asked the user, naming the address, and the user did not allow it
 * (or had already declined it since the app started): the origin allowed before stays.
 */
export type SetSyncServerResult = { status: 'allowed' } | { status: 'declined' };

/**
 * 提醒: a desktop notification (Electron's Notification; Web Notifications in a browser) for a
 * record that entered 预警 or 逾期 (shared/reminders). `target` is the record a click opens, or
 * null for 工作台 (a summary of several).
 */
export const notifyTargetSchema = z.object({
  kind: z.enum(['approvalItem', 'missingItem', 'handlingStep']),
  id: z.uuid(),
  projectId: z.uuid(),
});
export const notifyRequestSchema = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(1000),
  target: notifyTargetSchema.nullable(),
});
export type NotifyRequest = z.infer<typeof notifyRequestSchema>;

/**
 * How a notification ended: clicked (the window has been brought to the front; the renderer
 * opens `target`), closed or gone unclicked, or not shown because notifications are not allowed.
 */
export type NotifyResult =
  | { status: 'clicked'; target: NotifyRequest['target'] }
  | { status: 'closed' }
  | { status: 'denied' };

/** What the renderer may ask of the desktop. A `null` save means the user cancelled the dialog. */
export type DaibanBridge = {
  appInfo(): Promise<AppInfo>;
  openJsonFile(request: OpenJsonFileRequest): Promise<OpenJsonFileResult>;
  saveJsonFile(request: SaveJsonFileRequest): Promise<SavedJsonFile | null>;
  /** A spreadsheet's bytes; text files and the like are for the caller to refuse. */
  openXlsxFile(request: OpenXlsxFileRequest): Promise<OpenXlsxFileResult>;
  saveXlsxFile(request: SaveXlsxFileRequest): Promise<SavedJsonFile | null>;
  revealFile(request: RevealFileRequest): Promise<void>;
  /** Backups newest first. */
  listBackups(): Promise<BackupList>;
  /** Writes a backup (then prunes old ones by the retention rule); throws when it cannot. */
  saveBackup(request: SaveBackupRequest): Promise<BackupEntry>;
  /** Reads one listed backup (desktop only: a browser answers 'missing'). */
  readBackup(request: ReadBackupRequest): Promise<ReadBackupResult>;
  /** Opens the backups folder in the file manager (desktop only). */
  revealBackups(): Promise<void>;
  /** Saves the window's sheet as a PDF (desktop), or opens the browser's print dialog. */
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfResult>;
  /**
   * Allows the team sync server (and no other) from now on. The desktop asks the user first
   * when the origin is new; a browser, where the page is its own authority, only checks it.
   */
  setSyncServer(request: SetSyncServerRequest): Promise<SetSyncServerResult>;
  /** Shows a notification; resolves when it is clicked (window in front), closed, or refused. */
  notify(request: NotifyRequest): Promise<NotifyResult>;
};

/** Each bridge method, its channel, and how main validates its argument. */
export const bridgeMethods = {
  appInfo: { channel: ipcChannels.appInfo, request: z.undefined() },
  openJsonFile: { channel: ipcChannels.openJsonFile, request: openJsonFileRequestSchema },
  saveJsonFile: { channel: ipcChannels.saveJsonFile, request: saveJsonFileRequestSchema },
  openXlsxFile: { channel: ipcChannels.openXlsxFile, request: openXlsxFileRequestSchema },
  saveXlsxFile: { channel: ipcChannels.saveXlsxFile, request: saveXlsxFileRequestSchema },
  revealFile: { channel: ipcChannels.revealFile, request: revealFileRequestSchema },
  listBackups: { channel: ipcChannels.listBackups, request: z.undefined() },
  saveBackup: { channel: ipcChannels.saveBackup, request: saveBackupRequestSchema },
  readBackup: { channel: ipcChannels.readBackup, request: readBackupRequestSchema },
  revealBackups: { channel: ipcChannels.revealBackups, request: z.undefined() },
  printToPdf: { channel: ipcChannels.printToPdf, request: printToPdfRequestSchema },
  setSyncServer: { channel: ipcChannels.setSyncServer, request: setSyncServerRequestSchema },
  notify: { channel: ipcChannels.notify, request: notifyRequestSchema },
} as const satisfies Record<keyof DaibanBridge, { channel: IpcChannel; request: z.ZodType }>;

export type BridgeMethod = keyof DaibanBridge;
