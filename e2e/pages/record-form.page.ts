import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A form open on a stored record (概况, a drawer, a modal) and its notice of what changed
 * underneath it: another tab's save, an import, a deletion.
 */
export class RecordFormPage {
  constructor(
    readonly page: Page,
    readonly root: Locator,
  ) {}

  /** The project's 概况 card of a project page. */
  static overview(page: Page): RecordFormPage {
    return new RecordFormPage(
      page,
      page.locator('.ant-card').filter({
        has: page.locator('.ant-card-head-title', { hasText: '项目概况' }),
      }),
    );
  }

  /** The drawer of an approval item, opened from its row of the 审批事项 tab. */
  static async openItemDrawer(page: Page, itemName: string): Promise<RecordFormPage> {
    await page
      .getByRole('row')
      .filter({ hasText: itemName })
      .getByRole('button', { name: itemName })
      .click();
    const drawer = page.getByRole('dialog').filter({ hasText: `审批事项：${itemName}` });
    await expect(drawer).toBeVisible();
    return new RecordFormPage(page, drawer);
  }

  field(label: string): Locator {
    return this.root.getByLabel(label, { exact: true });
  }

  async save() {
    await this.root.getByRole('button', { name: '保存', exact: true }).click();
  }

  /** The notice listing fields changed underneath to other values than the user's. */
  get clashes(): Locator {
    return this.root.getByTestId('record-clashes');
  }

  clash(label: string): Locator {
    return this.root.getByTestId('record-clash').filter({ hasText: label });
  }

  async keepMine(label: string) {
    await this.clash(label).getByRole('button', { name: '保留我的' }).click();
    await expect(this.clash(label)).toHaveCount(0);
  }

  async takeTheirs(label: string) {
    await this.clash(label).getByRole('button', { name: '采用已保存的' }).click();
    await expect(this.clash(label)).toHaveCount(0);
  }

  /** The notice that the record was deleted while the form was open. */
  get gone(): Locator {
    return this.root.getByTestId('record-gone');
  }
}
