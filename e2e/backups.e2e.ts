import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { AppPage } from './pages/app.page';
import { SettingsPage } from './pages/settings.page';
import { dataOf, SyncPage, type SyncFileJson } from './pages/sync.page';

/** The whole database as a full export of 同步 carries it: what restores are compared with. */
async function fullDump(app: AppPage, path: string) {
  return dataOf(await new SyncPage(app.page).exportTo('核对', path, { everything: true }));
}

async function chooseFile(page: Page, button: string, file: string) {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await choosing).setFiles(file);
}

test('a manual backup is listed, and restoring it into a changed database returns exactly its data', async ({
  page,
}, testInfo) => {
  test.slow(); // several screens and four files
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open();
  await app.createProject({ name: '冷链物流中心', ownerCompany: '某冷链物流有限公司' });

  await settings.open();
  await settings.goToTab('备份与恢复');
  const list = page.getByTestId('backup-list');
  await expect(list).toContainText('还没有备份');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^帮代通备份-\d{8}-\d{6}\.json$/);
  const backupFile = testInfo.outputPath('backup.json');
  await download.saveAs(backupFile);
  const backedUp = dataOf(JSON.parse(await readFile(backupFile, 'utf8')) as SyncFileJson);
  await expect(list.getByRole('row').nth(1)).toContainText('手动');
  await expect(list.getByRole('row').nth(1)).toContainText('项目 1');

  // The database moves on: the project renamed, and a second project.
  await app.goTo('重点项目');
  await page.getByRole('link', { name: '冷链物流中心' }).click();
  await page.getByLabel('项目名称').fill('冷链物流中心（改名）');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('有尚未保存的修改')).toBeHidden();
  await app.createProject({ name: '备份后新建的项目', ownerCompany: '某公司' });

  await settings.open();
  await settings.goToTab('备份与恢复');
  await chooseFile(page, '从备份文件恢复…', backupFile);
  const preview = page.getByRole('dialog', { name: /从备份恢复/ });
  const projects = preview.getByTestId('restore-plan').getByRole('row').filter({ hasText: '项目' });
  // 现有 2, 备份中 1, 将恢复 0, 将改回 1, 将移除 1
  await expect(projects.first()).toHaveText(/项目\s*2\s*1\s*0\s*1\s*1/);
  const safetyBackup = page.waitForEvent('download');
  await preview.getByRole('button', { name: '备份当前数据并恢复' }).click();
  expect((await safetyBackup).suggestedFilename()).toMatch(/^帮代通备份-/);
  await expect(preview).toBeHidden();
  await expect(list.getByRole('row').nth(1)).toContainText('恢复前自动');

  const restored = await fullDump(app, testInfo.outputPath('after.json'));
  // The restore gives this computer a new node, with its device record (the author of its later
  // changes); everything else is exactly the backup.
  const backedUpDevices = new Set(
    backedUp.filter(([table]) => table === 'devices').map(([, row]) => row),
  );
  const newRecord = restored.filter(
    ([table, row]) => table === 'devices' && !backedUpDevices.has(row),
  );
  expect(new Set(newRecord.map(([, row]) => row)).size).toBe(1);
  expect(restored.filter((message) => !newRecord.includes(message))).toEqual(backedUp);
  await app.goTo('重点项目');
  await expect(app.projectRow('冷链物流中心')).toHaveCount(1);
  await expect(app.projectRow('备份后新建的项目')).toHaveCount(0);
  await page.getByRole('link', { name: '冷链物流中心' }).click();
  await page.getByRole('button', { name: '修改记录' }).first().click();
  // The history is the backup's: the rename made after it is gone with it.
  await expect(page.getByRole('dialog')).toContainText(
    '王小明（某某镇人民政府） 创建（从备份恢复）',
  );
  await expect(page.getByRole('dialog')).not.toContainText('改名');
});

test('a broken backup file is refused in Chinese and changes nothing', async ({
  page,
}, testInfo) => {
  const app = new AppPage(page);
  const settings = new SettingsPage(page);
  await app.open();
  await app.createProject({ name: '保留的项目', ownerCompany: '某公司' });
  const before = await fullDump(app, testInfo.outputPath('before.json'));

  const broken = testInfo.outputPath('broken.json');
  const text = await readFile(testInfo.outputPath('before.json'), 'utf8');
  // Cut short, as a copy interrupted.
  await writeFile(broken, text.slice(0, Math.floor(text.length / 2)));
  await settings.open();
  await settings.goToTab('备份与恢复');
  await chooseFile(page, '从备份文件恢复…', broken);
  await expect(page.getByRole('dialog')).toContainText(
    '无法从“broken.json”恢复：文件不完整（可能复制时中断或 U 盘被提前拔出），请重新导出。本机数据没有任何改动。',
  );
  await new SyncPage(page).dismiss(page.getByRole('dialog'));

  expect(await fullDump(app, testInfo.outputPath('after.json'))).toEqual(before);
});

test('a browser reminds the user to back up once the last backup is 7 days old', async ({
  page,
}) => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, 2 + n, 1));
  // A clock that runs (a paused one would stall IndexedDB and antd's animations).
  await page.clock.install({ time: day(0) });
  await page.clock.resume();
  const app = new AppPage(page);
  await app.open();
  await app.createProject({ name: '新材料产业园', ownerCompany: '某新材料公司' });
  const reminder = page.getByRole('alert').filter({ hasText: '已超过 7 天没有备份' });
  await expect(reminder).toHaveCount(0);

  // Eight days on, never backed up: reminded on the next start.
  await page.clock.setSystemTime(day(8));
  await page.reload();
  await expect(reminder).toContainText('本浏览器还没有做过备份');
  const downloading = page.waitForEvent('download');
  await reminder.getByRole('button', { name: '立即备份' }).click();
  await downloading;
  await expect(reminder).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(reminder).toHaveCount(0);

  // Another eight days: the reminder names the last backup.
  await page.clock.setSystemTime(day(16));
  await page.reload();
  await expect(reminder).toContainText('上次备份是在 2026年11月10日');
});
