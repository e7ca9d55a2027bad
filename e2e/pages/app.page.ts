import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './select';

export type ProjectFields = {
  name: string;
  ownerCompany: string;
  level?: '省重点' | '市重点' | '区重点';
  /** Catalog stages to take all items of, by their tree label prefix (e.g. '施工许可'). */
  stages?: string[];
};

/** The app as a user sees it: first start, navigation, projects. */
export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app; on a fresh profile answers the first-start question of who the user is. */
  async open(path = '/workbench', user = { name: '王小明', unit: '某某镇人民政府' }) {
    await this.page.goto(`./#${path}`);
    const firstStart = this.page.getByRole('button', { name: '开始使用' });
    const menu = this.page.getByRole('menu');
    await expect(firstStart.or(menu)).toBeVisible();
    if (await firstStart.isVisible()) {
      await this.page.getByLabel('姓名').fill(user.name);
      await this.page.getByLabel('派出单位').fill(user.unit);
      await firstStart.click();
    }
    await expect(menu).toBeVisible();
  }

  async goTo(section: '工作台' | '重点项目' | '看板' | '同步' | '设置') {
    await this.page.getByRole('menuitem', { name: section }).click();
  }

  /** Creates a project on the new-project page and lands on its page. */
  async createProject(fields: ProjectFields) {
    await this.goTo('重点项目');
    await this.page.getByRole('button', { name: '新建项目' }).click();
    await this.page.getByLabel('项目名称').fill(fields.name);
    await this.page.getByLabel('建设单位').fill(fields.ownerCompany);
    if (fields.level) await this.choose(this.page.getByLabel('项目级别'), fields.level);
    for (const stage of fields.stages ?? []) {
      await this.page
        .getByRole('tree')
        .getByText(new RegExp(`^${stage}（`))
        .click();
    }
    await this.page.getByRole('button', { name: '保存' }).click();
    await expect(this.page.getByRole('heading', { name: fields.name, level: 3 })).toBeVisible();
  }

  /** Picks an option of an antd Select. */
  async choose(select: Locator, option: string) {
    await chooseOption(this.page, select, option);
  }

  /** Types a date into a date field and moves on, which keeps it (Enter would also submit a modal). */
  async typeDate(field: Locator, date: string) {
    await field.click();
    await field.fill(date);
    await field.press('Tab');
  }

  async openTab(name: '概况' | '审批事项' | '容缺材料' | '办理记录' | '问题协调') {
    await this.page.getByRole('tab', { name: new RegExp(name) }).click();
  }

  projectRow(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
