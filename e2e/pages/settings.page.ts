import { expect, type Locator, type Page } from '@playwright/test';

export type SettingsTab = '常规' | '代办员' | '审批事项目录' | '节假日安排' | '备份与恢复';

/** The 设置 page as a user sees it: its tabs, the cards under 常规, and the modals it opens. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  /**
   * Opens 设置. A fresh browser profile first meets the first-start form (姓名, 派出单位): it is
   * filled in as the given user, as a new staff member would.
   */
  async open(user = { name: '张敏', unit: '区行政审批局' }) {
    await this.page.goto('./#/settings');
    const firstStart = this.page.getByRole('button', { name: '开始使用' });
    const menu = this.page.getByRole('menu');
    await expect(firstStart.or(menu)).toBeVisible();
    if (await firstStart.isVisible()) {
      await this.page.getByLabel('姓名').fill(user.name);
      await this.page.getByLabel('派出单位').fill(user.unit);
      await firstStart.click();
    }
    await expect(this.page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  }

  /** Reloads and waits for the page to be back, tab included (it lives in the URL). */
  async reload() {
    await this.page.reload();
    await expect(this.page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  }

  async goToTab(tab: SettingsTab) {
    await this.page.getByRole('tab', { name: tab }).click();
    await expect(this.page.getByRole('tab', { name: tab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  card(title: string): Locator {
    return this.page.locator('.ant-card').filter({
      has: this.page.locator('.ant-card-head-title', { hasText: title }),
    });
  }

  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** The banner about a year whose holiday schedule is missing. */
  missingYearAlert(year: number): Locator {
    return this.page.getByRole('alert').filter({ hasText: `${year} 年节假日安排尚未录入` });
  }

  async addHelperAgent(fields: { name: string; unit: string; phone: string }) {
    await this.goToTab('代办员');
    await this.page.getByRole('button', { name: '新增代办员' }).click();
    const dialog = this.dialog('新增代办员');
    await dialog.getByLabel('姓名').fill(fields.name);
    await dialog.getByLabel('派出单位').fill(fields.unit);
    await dialog.getByLabel('联系电话').fill(fields.phone);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the schedule editor and pastes the text; returns the dialog, not yet saved. */
  async pasteSchedule(text: string): Promise<Locator> {
    await this.goToTab('节假日安排');
    await this.page.getByRole('button', { name: '录入/导入某年安排' }).click();
    const dialog = this.dialog('录入/导入节假日安排');
    await dialog.getByRole('textbox').fill(text);
    return dialog;
  }
}
