import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

test('the first start asks who the user is, then shows the Chinese app', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('必填')).toHaveCount(2);

  const app = new AppPage(page);
  await app.open();
  for (const section of ['工作台', '重点项目', '同步', '设置']) {
    await expect(page.getByRole('menuitem', { name: section })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('button', { name: '开始使用' })).toHaveCount(0);
});

test('a created project is still there after a reload, and its edits are logged', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({
    name: '智能装备产业园一期',
    ownerCompany: '某某智能科技有限公司',
    level: '市重点',
  });
  await page.reload();
  await expect(page.getByLabel('项目名称')).toHaveValue('智能装备产业园一期');

  await page.getByLabel('包抓领导').fill('李副区长');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('有尚未保存的修改')).toBeHidden();
  await page.getByRole('button', { name: '修改记录' }).click();
  const history = page.getByRole('dialog');
  await expect(history).toContainText('王小明（某某镇人民政府） 修改');
  await expect(history).toContainText('包抓领导：（空） → 李副区长');
  await page.keyboard.press('Escape');
  await expect(history).toBeHidden();

  await app.goTo('重点项目');
  await expect(app.projectRow('智能装备产业园一期')).toContainText('市重点');
});

test('typed but unsaved project fields survive leaving the page', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({ name: '冷链物流中心', ownerCompany: '某冷链物流有限公司' });
  await page.getByLabel('建设地点').fill('经开区纬三路');
  await app.goTo('工作台');
  await app.goTo('重点项目');
  await page.getByRole('link', { name: '冷链物流中心' }).click();
  await expect(page.getByLabel('建设地点')).toHaveValue('经开区纬三路');
  await expect(page.getByText('有尚未保存的修改')).toBeVisible();
});

test('the project list filters by level, helper-agent and overdue', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({ name: '甲项目', ownerCompany: '甲公司', level: '省重点' });
  await app.createProject({ name: '乙项目', ownerCompany: '乙公司', level: '区重点' });
  await app.goTo('重点项目');
  await app.choose(page.getByLabel('项目级别'), '省重点');
  await expect(app.projectRow('甲项目')).toHaveCount(1);
  await expect(app.projectRow('乙项目')).toHaveCount(0);
  await page.getByText('只看有逾期的').click();
  await expect(app.projectRow('甲项目')).toHaveCount(0);
});

test('the new-project form shows Chinese errors beside empty fields and saves nothing', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open('/projects/new');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('必填')).toHaveCount(2);
  await app.goTo('重点项目');
  await expect(page.getByText('还没有项目')).toBeVisible();
});

test('the language can be switched to English and back', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/settings');
  await page.getByLabel('English').check();
  await expect(page.getByRole('menuitem', { name: 'Key projects' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'Key projects' })).toBeVisible();
  await page.getByLabel('简体中文').check();
  await expect(page.getByRole('menuitem', { name: '重点项目' })).toBeVisible();
});

test('settings shows the persistent-storage answer and where the data lives', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/settings');
  await expect(page.getByTestId('storage-status')).toHaveText(/持久保存/);
  await expect(page.getByTestId('data-folder')).toContainText('127.0.0.1');
});
