import { expect, type Page } from '@playwright/test';

export type ProjectFields = {
  name: string;
  ownerCompany: string;
  level: '省重点' | '市重点' | '区重点';
  helperAgent: string;
};

/** The app as a user sees it: navigation, the project list and its form. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(path = '/workbench') {
    await this.page.goto(`./#${path}`);
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  async goTo(section: '工作台' | '重点项目' | '同步' | '设置') {
    await this.page.getByRole('menuitem', { name: section }).click();
  }

  async createProject(fields: ProjectFields) {
    await this.goTo('重点项目');
    await this.page.getByRole('button', { name: '新建项目' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建项目' });
    await this.fillProjectForm(dialog, fields);
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  }

  async fillProjectForm(dialog: ReturnType<Page['getByRole']>, fields: ProjectFields) {
    await dialog.getByLabel('项目名称').fill(fields.name);
    await dialog.getByLabel('建设单位').fill(fields.ownerCompany);
    await dialog.getByLabel('项目级别').click();
    await this.page.locator('.ant-select-dropdown').getByTitle(fields.level).click();
    await dialog.getByLabel('代办员').fill(fields.helperAgent);
  }

  projectRow(name: string) {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
