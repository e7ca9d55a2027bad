import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

test('the app opens in Chinese with the product navigation', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  for (const section of ['工作台', '重点项目', '同步', '设置']) {
    await expect(page.getByRole('menuitem', { name: section })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByText('在册重点项目')).toBeVisible();
});

test('a created project is still there after a reload, and can be edited and deleted', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({
    name: '智能装备产业园一期',
    ownerCompany: '某某智能科技有限公司',
    level: '市重点',
    helperAgent: '王小明',
  });
  await expect(app.projectRow('智能装备产业园一期')).toContainText('市重点');

  await page.reload();
  const row = app.projectRow('智能装备产业园一期');
  await expect(row).toContainText('某某智能科技有限公司');
  await expect(row).toContainText('王小明');

  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑项目' });
  await dialog.getByLabel('代办员').fill('李娜');
  await dialog.getByRole('button', { name: '保存' }).click();
  await page.reload();
  await expect(app.projectRow('智能装备产业园一期')).toContainText('李娜');

  await app.projectRow('智能装备产业园一期').getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(app.projectRow('智能装备产业园一期')).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('还没有项目')).toBeVisible();
});

test('the form shows Chinese errors beside empty fields and saves nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('/projects');
  await page.getByRole('button', { name: '新建项目' }).click();
  const dialog = page.getByRole('dialog', { name: '新建项目' });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('必填')).toHaveCount(2);
  await dialog.getByRole('button', { name: '取消' }).click();
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
  await expect(page.getByText('浏览器', { exact: true })).toBeVisible();
});
