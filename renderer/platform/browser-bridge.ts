import { format } from 'date-fns';
import { z } from 'zod';
import {
  backupCountsSchema,
  backupNameSchema,
  backupReasonSchema,
  maxJsonFileBytes,
  maxXlsxFileBytes,
  setSyncServerRequestSchema,
  type AppInfo,
  type BackupEntry,
  type DaibanBridge,
  type FileRefusal,
  type OpenJsonFileResult,
  type OpenXlsxFileResult,
} from '../../shared/ipc/contract';
import { decodeTextFile, isTextFileEncodingError } from '../../shared/exchange/text-file';

/** Asks the user for a file with a hidden file input; null when they cancel. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function download(
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
  type = 'application/json',
): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Chromium reads the blob when the download starts; revoke once that has had time to happen.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A browser cannot list its downloads, so the backups made here are remembered in localStorage:
 * enough to show the list and to remind the user when the last one is old.
 */
const backupHistoryKey = 'daiban.backups';
const keptBackupEntries = 50;
const backupEntrySchema = z.object({
  name: backupNameSchema,
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().min(0),
  reason: backupReasonSchema,
  counts: backupCountsSchema.nullable(),
});

function backupHistory(): BackupEntry[] {
  try {
    const parsed = z
      .array(backupEntrySchema)
      .safeParse(JSON.parse(localStorage.getItem(backupHistoryKey) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/**
 * The bridge in plain Chromium: a file input to open, a download to save. Browsers never reveal
 * paths, so revealFile has nothing to do here and the UI does not offer it (platform 'browser').
 */
export const browserBridge: DaibanBridge = {
  appInfo(): Promise<AppInfo> {
    return Promise.resolve({
      name: __APP_NAME__,
      version: __APP_VERSION__,
      platform: 'browser',
      dataFolder: `${location.origin}（浏览器 IndexedDB）`,
    });
  },

  async openJsonFile(): Promise<OpenJsonFileResult> {
    const file = await pickFile('.json,application/json');
    if (!file) return { status: 'cancelled' };
    const refused = (reason: FileRefusal) => ({
      status: 'refused' as const,
      name: file.name,
      reason,
    });
    if (file.size > maxJsonFileBytes) return refused('too-large');
    try {
      // The same decoder as the desktop's: UTF-8 with or without BOM, UTF-16 with BOM.
      return {
        status: 'opened',
        name: file.name,
        text: decodeTextFile(new Uint8Array(await file.arrayBuffer())),
      };
    } catch (error) {
      if (isTextFileEncodingError(error)) return refused('not-text');
      throw error;
    }
  },

  saveJsonFile({ suggestedName, text }) {
    download(suggestedName, text);
    return Promise.resolve({ name: suggestedName });
  },

  async openXlsxFile(): Promise<OpenXlsxFileResult> {
    const file = await pickFile(
      '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    if (!file) return { status: 'cancelled' };
    if (file.size > maxXlsxFileBytes)
      return { status: 'refused', name: file.name, reason: 'too-large' };
    return { status: 'opened', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  },

  saveXlsxFile({ suggestedName, bytes }) {
    download(suggestedName, new Uint8Array(bytes), xlsxType);
    return Promise.resolve({ name: suggestedName });
  },

  revealFile() {
    return Promise.resolve();
  },

  listBackups() {
    return Promise.resolve({ folder: '', entries: backupHistory() });
  },

  saveBackup({ reason, text, counts }) {
    const now = new Date();
    const entry: BackupEntry = {
      name: `帮代通备份-${format(now, 'yyyyMMdd-HHmmss')}.json`,
      createdAt: now.toISOString(),
      sizeBytes: new Blob([text]).size,
      reason,
      counts,
    };
    download(entry.name, text);
    const history = [entry, ...backupHistory()].slice(0, keptBackupEntries);
    localStorage.setItem(backupHistoryKey, JSON.stringify(history));
    return Promise.resolve(entry);
  },

  /** Downloads cannot be read back: the browser restores from a file the user picks. */
  readBackup({ name }) {
    return Promise.resolve({ status: 'refused', name, reason: 'missing' });
  },

  revealBackups() {
    return Promise.resolve();
  },

  /**
   * A page cannot write a PDF: the browser's print dialog can (另存为 PDF), from the same print
   * CSS, and it suggests the page's title as the file name — the caller sets it to the sheet's.
   */
  printToPdf() {
    window.print();
    return Promise.resolve({ status: 'browserPrint' });
  },

  // A browser has no header to set: its page's CSP is the built meta tag, and the sync worker
  // reaches the server it was told (the desktop app enforces the server, see electron/). There is
  // no one above the page to ask, but what may be reached is the desktop's rule: an origin, plain
  // http only on loopback or a private network (shared/security/server-origin.ts).
  setSyncServer(request) {
    if (!setSyncServerRequestSchema.safeParse(request).success) {
      return Promise.reject(new Error('sync:set-server: not an origin the app may reach'));
    }
    return Promise.resolve({ status: 'allowed' });
  },

  /**
   * Web Notifications. Permission is asked the first time a reminder is due — the moment its
   * purpose is plain — and a refusal is respected: nothing is shown, nothing asked again.
   */
  async notify({ title, body, target }) {
    if (typeof Notification === 'undefined') return { status: 'denied' };
    if (Notification.permission === 'default') await Notification.requestPermission();
    if (Notification.permission !== 'granted') return { status: 'denied' };
    return new Promise((resolve) => {
      const notification = new Notification(title, { body, lang: 'zh-CN' });
      notification.onclick = () => {
        window.focus();
        notification.close();
        resolve({ status: 'clicked', target });
      };
      notification.onclose = () => resolve({ status: 'closed' });
      notification.onerror = () => resolve({ status: 'denied' });
    });
  },
};
