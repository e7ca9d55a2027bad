import { expect, type Page } from '@playwright/test';

/** 搜索 (Ctrl+K): the palette over every record. */
export class SearchPage {
  constructor(readonly page: Page) {}

  get dialog() {
    return this.page.getByRole('dialog', { name: '搜索' });
  }

  get box() {
    return this.dialog.getByRole('textbox', { name: '搜索' });
  }

  /** Opens search with the keyboard shortcut, from wherever the app is. */
  async openWithShortcut() {
    await this.page.keyboard.press('Control+k');
    await expect(this.box).toBeFocused();
  }

  async openFromHeader() {
    await this.page.getByRole('button', { name: /^搜索/ }).click();
    await expect(this.box).toBeFocused();
  }

  /** The group of results of one kind (重点项目, 审批事项…). */
  group(kind: '重点项目' | '审批事项' | '容缺材料' | '办理记录' | '问题协调') {
    return this.dialog.getByRole('group', { name: kind });
  }

  option(text: string) {
    return this.dialog.getByRole('option').filter({ hasText: text });
  }

  async type(query: string) {
    await this.box.fill(query);
  }
}
