import {
  maxJsonFileBytes,
  type AppInfo,
  type DaibanBridge,
  type OpenJsonFileResult,
} from '../../shared/ipc/contract';

/** Asks the user for a .json file with a hidden file input; null when they cancel. */
function pickJsonFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
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
    const file = await pickJsonFile();
    if (!file) return { status: 'cancelled' };
    if (file.size > maxJsonFileBytes) return { status: 'too-large', name: file.name };
    return { status: 'opened', name: file.name, text: await file.text() };
  },

  saveJsonFile({ suggestedName, text }) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    document.body.append(link);
    link.click();
    link.remove();
    // Chromium reads the blob when the download starts; revoke once that has had time to happen.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ name: suggestedName });
  },

  revealFile() {
    return Promise.resolve();
  },
};
