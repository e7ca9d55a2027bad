import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { RecordFormPage } from './pages/record-form.page';

// Two tabs of one browser context are two windows of one computer: one IndexedDB, one
// localStorage (so one slot per record's draft), each with its own form open on the record.

const project = '智能装备产业园一期';
const item = '建设工程规划许可证';

/** Tab A creates the project; tab B opens the same project page. */
async function twoTabsOnOneProject(page: Page, stages: string[] = []) {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({ name: project, ownerCompany: '某某智能科技有限公司', stages });
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByRole('heading', { name: project, level: 3 })).toBeVisible();
  return { a: page, b: other };
}

/** Reloads a tab on the project's 概况 and waits for the stored values to be in the form. */
async function reloadOverview(page: Page) {
  await page.reload();
  await expect(page.getByRole('heading', { name: project, level: 3 })).toBeVisible();
  await expect(page.getByLabel('项目名称')).toHaveValue(project);
}

test('two tabs saving different fields of one project keep both changes', async ({ page }) => {
  const { a, b } = await twoTabsOnOneProject(page);
  const formA = RecordFormPage.overview(a);
  const formB = RecordFormPage.overview(b);

  // B starts typing first and saves last, as in the reported loss.
  await formB.field('包抓领导').fill('李副区长');
  await formA.field('建设单位').fill('某某新材料有限公司');
  await formA.save();
  await expect(a.getByText('有尚未保存的修改')).toBeHidden();

  // B's untouched 建设单位 quietly takes A's value; its own change stays, with no clash.
  await expect(formB.field('建设单位')).toHaveValue('某某新材料有限公司');
  await expect(formB.field('包抓领导')).toHaveValue('李副区长');
  await expect(formB.clashes).toBeHidden();
  await formB.save();
  await expect(b.getByText('有尚未保存的修改')).toBeHidden();
  await expect(formA.field('包抓领导')).toHaveValue('李副区长');

  for (const tab of [a, b]) {
    await reloadOverview(tab);
    await expect(tab.getByLabel('建设单位')).toHaveValue('某某新材料有限公司');
    await expect(tab.getByLabel('包抓领导')).toHaveValue('李副区长');
    await expect(tab.getByText('有尚未保存的修改')).toBeHidden();
  }
});

test('a tab whose field was changed by another tab is told, and saves what the user chose', async ({
  page,
}) => {
  const { a, b } = await twoTabsOnOneProject(page);
  const formA = RecordFormPage.overview(a);
  const formB = RecordFormPage.overview(b);

  await formB.field('建设单位').fill('乙方新材料有限公司');
  await formB.field('包抓领导').fill('王副区长');
  await formA.field('建设单位').fill('甲方智能科技有限公司');
  await formA.field('包抓领导').fill('李副区长');
  await formA.save();
  await expect(a.getByText('有尚未保存的修改')).toBeHidden();

  // B is told, with the other value, before anything of A's is overwritten.
  await expect(formB.clashes).toBeVisible();
  await expect(formB.clash('建设单位')).toContainText('已保存为：甲方智能科技有限公司');
  await expect(formB.clash('建设单位')).toContainText('你填写的：乙方新材料有限公司');
  await expect(formB.clash('包抓领导')).toContainText('已保存为：李副区长');
  await expect(formB.field('建设单位')).toHaveValue('乙方新材料有限公司');

  // Saving before deciding writes nothing: the notice stays and A still shows its own values.
  await formB.save();
  await expect(formB.clashes).toBeVisible();
  await expect(formA.field('建设单位')).toHaveValue('甲方智能科技有限公司');

  await formB.keepMine('建设单位');
  await formB.takeTheirs('包抓领导');
  await expect(formB.field('包抓领导')).toHaveValue('李副区长');
  await expect(formB.clashes).toBeHidden();
  await formB.save();
  await expect(b.getByText('有尚未保存的修改')).toBeHidden();

  for (const tab of [a, b]) {
    await reloadOverview(tab);
    await expect(tab.getByLabel('建设单位')).toHaveValue('乙方新材料有限公司');
    await expect(tab.getByLabel('包抓领导')).toHaveValue('李副区长');
  }
});

test('an approval item drawer follows another tab’s save and says when the item is deleted', async ({
  page,
}) => {
  test.slow();
  const { a, b } = await twoTabsOnOneProject(page, ['工程建设许可']);
  for (const tab of [a, b]) {
    await tab.getByRole('tab', { name: /审批事项/ }).click();
    await expect(tab.getByRole('row').filter({ hasText: item })).toBeVisible();
  }

  const drawerA = await RecordFormPage.openItemDrawer(a, item);
  await drawerA.field('备注').fill('已电话联系规划科');
  const drawerB = await RecordFormPage.openItemDrawer(b, item);
  await drawerB.field('证照编号').fill('建字第2026001号');
  await drawerB.save();
  await expect(drawerB.root).toBeHidden();

  await expect(drawerA.field('证照编号')).toHaveValue('建字第2026001号');
  await expect(drawerA.field('备注')).toHaveValue('已电话联系规划科');
  await drawerA.save();
  await expect(drawerA.root).toBeHidden();

  await a.reload();
  await a.getByRole('tab', { name: /审批事项/ }).click();
  const reopened = await RecordFormPage.openItemDrawer(a, item);
  await expect(reopened.field('证照编号')).toHaveValue('建字第2026001号');
  await expect(reopened.field('备注')).toHaveValue('已电话联系规划科');

  // B deletes the item while A's drawer is open: A is told and cannot save.
  await reopened.field('备注').fill('改为下周提交');
  await b.getByRole('row').filter({ hasText: item }).getByRole('button', { name: '删除' }).click();
  await b.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(b.getByRole('row').filter({ hasText: item })).toHaveCount(0);
  await expect(reopened.gone).toBeVisible();
  await expect(reopened.root.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
});
