import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './select';

/** The day every records test runs on: a Monday, inside the built-in 2026 holiday data. */
export const testToday = '2026-03-02';

export type ProjectTab = '概况' | '审批事项' | '容缺材料' | '办理记录' | '问题协调';

/**
 * A project's page as a helper-agent uses it: first start, a new project with catalog items,
 * and its record tabs (审批事项, 容缺材料, 办理记录, 问题协调).
 */
export class ProjectRecordsPage {
  projectId = '';

  constructor(readonly page: Page) {}

  /** Sets the clock (deadlines depend on today), opens the app and passes the first-start form. */
  async start(options: { today?: string; name?: string; unit?: string } = {}) {
    // A clock that runs from a known morning: a frozen one would also freeze antd's toasts, which
    // then pile up over the page.
    await this.page.clock.install({ time: morningOf(options.today ?? testToday) });
    await this.page.clock.resume();
    await this.page.goto('./#/workbench');
    await this.page.getByLabel('姓名').fill(options.name ?? '王小明');
    await this.page.getByLabel('派出单位').fill(options.unit ?? '某某镇人民政府');
    await this.page.getByRole('button', { name: '开始使用' }).click();
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  /** Moves the app's today; a reload lets every derived deadline follow. */
  async setToday(date: string) {
    await this.page.clock.setSystemTime(morningOf(date));
  }

  /** Creates a project, taking every catalog item of the given stages, and lands on its page. */
  async createProject(name: string, stages: string[] = []) {
    await this.page.goto('./#/projects/new');
    await this.page.getByLabel('项目名称').fill(name);
    await this.page.getByLabel('建设单位').fill('某某智能科技有限公司');
    for (const stage of stages) {
      await this.page.getByRole('tree').getByText(stage, { exact: false }).first().click();
    }
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await expect(this.page).toHaveURL(/#\/projects\/[0-9a-f-]{36}/);
    this.projectId = /#\/projects\/([0-9a-f-]{36})/.exec(this.page.url())?.[1] ?? '';
    // The first render of a new project's page waits for IndexedDB: slow on a busy machine.
    await expect(this.page.getByRole('heading', { name })).toBeVisible({ timeout: 30_000 });
  }

  async openTab(tab: ProjectTab) {
    await this.page.getByRole('tab', { name: tab }).click();
    await expect(this.page.getByRole('tab', { name: tab })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }

  /** Reopens the project page (after navigating away or reloading) on a tab. */
  async reopen(tab: ProjectTab) {
    await this.page.goto(`./#/projects/${this.projectId}`);
    await this.openTab(tab);
  }

  /** Accepts an approval item today with the status select of the 审批事项 tab. */
  async acceptItem(itemName: string) {
    await this.openTab('审批事项');
    const row = this.page.getByRole('row').filter({ hasText: itemName });
    await chooseOption(this.page, row.getByLabel('状态'), '已受理');
    await expect(row).toContainText(testToday);
  }

  /** Sets an approval item's 办理方式 in its drawer (审批事项 tab). */
  async setHandlingMode(itemName: string, mode: '常规' | '容缺受理' | '告知承诺' | '并联') {
    await this.openTab('审批事项');
    await this.page
      .getByRole('row')
      .filter({ hasText: itemName })
      .getByRole('button', { name: itemName })
      .click();
    const drawer = this.page.getByRole('dialog').filter({ hasText: itemName });
    await this.choose(drawer.getByLabel('办理方式'), mode);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();
    await expect(drawer).toBeHidden();
  }

  /** Types a date into a DateInput and leaves the field with Tab (Enter would submit forms). */
  async fillDate(field: Locator, date: string) {
    await field.click();
    await field.fill(date);
    await field.press('Tab');
    await expect(field).toHaveValue(date);
  }

  /** Picks an option of an antd Select by its visible text. */
  async choose(select: Locator, option: string) {
    await chooseOption(this.page, select, option);
  }

  /** An option of the open Select or AutoComplete dropdown (not its hidden a11y copy). */
  option(text: string) {
    return this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option-content')
      .getByText(text, { exact: true });
  }

  tableRow(text: string) {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  step(summary: string) {
    return this.page.getByTestId('handling-step').filter({ hasText: summary });
  }
}

function morningOf(date: string): Date {
  return new Date(`${date}T09:00:00+08:00`);
}
