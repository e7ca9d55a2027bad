import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { SettingsPage } from './pages/settings.page';
import { SyncPage } from './pages/sync.page';

test('once the team requires sealed files, an unencrypted file is refused and changes nothing; a sealed one imports', async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // two computers, PBKDF2 on both
  const office = new AppPage(page);
  const officeSync = new SyncPage(page);
  await office.open();
  await office.createProject({ name: '冷链物流中心', ownerCompany: '某冷链物流有限公司' });

  const context = await browser.newContext();
  const site = new AppPage(await context.newPage());
  const siteSync = new SyncPage(site.page);
  await site.open('/workbench', { name: '李四', unit: '区审批局' });
  await siteSync.importFile(await exported(officeSync, '1.json'));

  // A file written before the requirement, carried later.
  await office.createProject({ name: '未加密带来的项目', ownerCompany: '某公司' });
  const unsealed = await exported(officeSync, '2.json');

  const settings = new SettingsPage(page);
  await office.goTo('设置');
  const card = settings.card('同步文件');
  await expect(card).toContainText('任何人都能改动文件并重算校验值');
  await card.getByRole('switch', { name: '同步文件必须加密' }).click();
  await expect(page.getByText('已开启：同步文件必须加密')).toBeVisible();

  // The export form now asks for a passphrase and says why.
  await officeSync.open();
  await expect(page.getByTestId('sealing-required')).toContainText('团队要求同步文件加密');
  await page.getByRole('combobox', { name: '导出到' }).fill('现场电脑');
  await page.getByRole('button', { name: '导出同步文件' }).click();
  await expect(page.getByText('请填写口令：团队要求同步文件加密')).toBeVisible();
  const sealedPath = testInfo.outputPath('3.json');
  const sealed = await officeSync.exportTo('现场电脑', sealedPath, { passphrase: '团队口令2026' });
  expect(sealed).toMatchObject({ formatVersion: 2, encryption: { check: expect.any(String) } });

  // The sealed file brings the requirement (and the project) to the site.
  await siteSync.importFile(sealedPath, '团队口令2026');
  await site.goTo('设置');
  await expect(site.page.getByRole('switch', { name: '同步文件必须加密' })).toBeChecked();

  await site.goTo('重点项目');
  await expect(site.projectRow('冷链物流中心')).toHaveCount(1);
  const projectsBefore = await site.page.getByRole('row').allTextContents();
  const dialog = await siteSync.choose(unsealed);
  await expect(dialog).toContainText('无法导入“2.json”：团队要求同步文件加密，而此文件没有加密');
  await expect(dialog).toContainText('本机数据没有任何改动');
  await siteSync.dismiss(dialog);
  await site.goTo('重点项目');
  await expect(site.projectRow('冷链物流中心')).toHaveCount(1);
  await expect(site.projectRow('未加密带来的项目')).toHaveCount(0);
  expect(await site.page.getByRole('row').allTextContents()).toEqual(projectsBefore);
  await context.close();

  async function exported(sync: SyncPage, name: string) {
    const path = testInfo.outputPath(name);
    await sync.exportTo('现场电脑', path);
    return path;
  }
});
