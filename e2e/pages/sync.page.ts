import { expect, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expectOpened } from './dialogs';

export type SyncFileJson = {
  format: string;
  team: { id: string; name: string };
  producer: { node: string; name: string };
  messageCount: number;
  messages: [string, string, [string, Record<string, unknown>][]][];
};

/** 同步 as a user sees it: export a sync file to a destination, import one, conflicts, the log. */
export class SyncPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('menuitem', { name: '同步' }).click();
    await expect(this.page.getByRole('heading', { name: '同步', level: 3 })).toBeVisible();
  }

  /** Exports to `destination` and saves the file at `path`; returns its parsed JSON. */
  async exportTo(
    destination: string,
    path: string,
    options: { everything?: boolean; passphrase?: string } = {},
  ): Promise<SyncFileJson> {
    await this.open();
    await this.page.getByRole('combobox', { name: '导出到' }).fill(destination);
    if (options.everything) await this.page.getByLabel('全部数据').check();
    else await this.page.getByLabel('自上次导出到该处以来的更改').check();
    // 必填 when the team requires sealed files.
    await this.page.getByLabel(/^口令（(可选|必填)）$/).fill(options.passphrase ?? '');
    if (options.passphrase) await this.page.getByLabel('再次输入口令').fill(options.passphrase);
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出同步文件' }).click();
    await (await downloading).saveAs(path);
    return JSON.parse(await readFile(path, 'utf8')) as SyncFileJson;
  }

  /** Chooses a file to import; returns the dialog that follows (preview, passphrase or refusal). */
  async choose(path: string): Promise<Locator> {
    await this.open();
    const choosing = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入同步文件' }).click();
    await (await choosing).setFiles(path);
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Imports a file through its preview; returns what the preview said. */
  async importFile(path: string, passphrase?: string): Promise<string> {
    const dialog = await this.choose(path);
    if (passphrase) {
      await dialog.getByPlaceholder('请输入导出时设置的口令').fill(passphrase);
      await dialog.getByRole('button', { name: '导入' }).click();
    }
    const preview = this.page
      .getByRole('dialog')
      .filter({ has: this.page.getByTestId('import-preview') });
    await expect(preview).toBeVisible();
    const text = (await preview.textContent()) ?? '';
    await expectOpened(preview);
    await preview.getByRole('button', { name: '导入' }).click();
    await expect(preview).toBeHidden();
    await expect(this.page.getByTestId('exchanges').getByRole('row').nth(1)).toContainText('导入');
    return text;
  }

  /**
   * Closes a refusal, which names what is wrong. On a loaded machine a click can land while the
   * dialog is still zooming open and be lost (seen in CI: the dialog stayed); then it is clicked
   * again.
   */
  async dismiss(dialog: Locator) {
    await expect(async () => {
      if (await dialog.isVisible()) {
        await dialog.getByRole('button', { name: /知道了|OK/ }).click({ timeout: 2_000 });
      }
      await expect(dialog).toBeHidden({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
  }

  conflicts(): Locator {
    return this.page.getByTestId('conflicts');
  }
}

/**
 * What a full export carries, without what differs from one export to the next (its header):
 * every record's changes, in the same order whichever computer logged them first.
 */
export function dataOf(file: SyncFileJson) {
  return [...file.messages].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
}
