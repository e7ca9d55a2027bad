import { expect, type Locator, type Page } from '@playwright/test';

/** 导出台账 / 导入台账 on the 重点项目 list, and the import wizard. */
export class LedgerPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: '导入台账' });
  }

  private async openList() {
    await this.page.getByRole('menuitem', { name: '重点项目' }).click();
    await expect(this.page.getByRole('heading', { name: '重点项目', level: 3 })).toBeVisible();
  }

  /** Exports the ledger and saves the download at `path`; returns its suggested name. */
  async exportTo(path: string): Promise<string> {
    await this.openList();
    const downloading = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出台账' }).click();
    const download = await downloading;
    await download.saveAs(path);
    return download.suggestedFilename();
  }

  /** Opens the wizard and chooses a file; the wizard then shows the mapping, or a refusal. */
  async choose(path: string) {
    await this.openList();
    await this.page.getByRole('button', { name: '导入台账' }).click();
    await expect(this.dialog).toBeVisible();
    const choosing = this.page.waitForEvent('filechooser');
    await this.dialog.getByRole('button', { name: '选择 .xlsx 文件' }).click();
    await (await choosing).setFiles(path);
  }

  /** From the mapping step, on to the check: returns the lines of problems listed (none: []). */
  async check(): Promise<string[]> {
    await this.dialog.getByRole('button', { name: '下一步' }).click();
    await expect(this.dialog.getByText(/^共 \d+ 个项目/)).toBeVisible();
    const list = this.dialog.getByRole('list', { name: '检查' });
    return (await list.count()) === 0 ? [] : list.getByRole('listitem').allInnerTexts();
  }

  /** Imports (all, or only the valid rows) and returns the result's summary. */
  async importRows(which: '导入' | '只导入有效的行'): Promise<string> {
    await this.dialog.getByRole('button', { name: which, exact: true }).click();
    const done = this.dialog.getByText('导入完成');
    await expect(done).toBeVisible({ timeout: 60_000 });
    return this.dialog.getByText(/^新建项目/).innerText();
  }

  async close() {
    await this.dialog.getByRole('button', { name: '关闭' }).first().click();
    await expect(this.dialog).toBeHidden();
  }
}
