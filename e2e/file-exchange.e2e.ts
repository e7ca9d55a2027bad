import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { AppPage } from './pages/app.page';

test('a data file saved by the browser bridge re-opens on another computer', async ({
  page,
  browser,
}, testInfo) => {
  const office = new AppPage(page);
  await office.open();
  await office.createProject({
    name: '冷链物流中心',
    ownerCompany: '某冷链物流有限公司',
    level: '区重点',
    stages: ['施工许可'],
  });
  await office.goTo('同步');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出数据文件' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^帮代通数据-\d{8}-\d{4}\.json$/);
  const file = testInfo.outputPath('exchange.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8')) as {
    format: string;
    tables: { projects: unknown[]; approvalItems: unknown[] };
  };
  expect(saved.format).toBe('daiban-data');
  expect(saved.tables.projects).toHaveLength(1);
  expect(saved.tables.approvalItems).toHaveLength(7);

  // A second browser context is a second computer with its own empty IndexedDB.
  const siteContext = await browser.newContext();
  const site = new AppPage(await siteContext.newPage());
  await site.open('/sync');
  const choosing = site.page.waitForEvent('filechooser');
  await site.page.getByRole('button', { name: '导入数据文件' }).click();
  await (await choosing).setFiles(file);
  const preview = site.page.getByRole('dialog');
  // The site computer seeded the same catalog (fixed ids), so only the project and its items are new.
  await expect(preview).toContainText('新增记录：8 条');
  await preview.getByRole('button', { name: '导入' }).click();
  await site.goTo('重点项目');
  await expect(site.projectRow('冷链物流中心')).toContainText('施工许可 0/7');
  await siteContext.close();
});

test('a broken data file gets a Chinese message and changes nothing', async ({
  page,
}, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.createProject({ name: '保留的项目', ownerCompany: '某公司', level: '省重点' });

  const broken = testInfo.outputPath('broken.json');
  await writeFile(
    broken,
    JSON.stringify({
      format: 'daiban-data',
      formatVersion: 2,
      exportedAt: '2026-11-29T00:00:00.000Z',
      appVersion: '0.1.0',
      tables: {
        projects: [{ id: 'not-a-uuid', name: '坏数据' }],
      },
    }),
  );
  await app.goTo('同步');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入数据文件' }).click();
  await (await choosing).setFiles(broken);
  await expect(page.getByRole('dialog')).toContainText(
    '无法导入“broken.json”：“项目”中第 1 条记录的数据不完整或有误（项目代码）。本机数据没有任何改动。',
  );
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /知道了|OK/ })
    .click();

  await app.goTo('重点项目');
  await expect(app.projectRow('保留的项目')).toHaveCount(1);
  await expect(page.getByRole('row').filter({ hasText: '坏数据' })).toHaveCount(0);
});

test('a data file saved as UTF-16 by Notepad opens; bytes that are not text are refused in Chinese', async ({
  page,
  browser,
}, testInfo) => {
  const office = new AppPage(page);
  await office.open();
  await office.createProject({ name: '供热管网改造', ownerCompany: '某热力公司' });
  await office.goTo('同步');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出数据文件' }).click();
  const text = await readFile(await (await downloading).path(), 'utf8');
  const utf16 = testInfo.outputPath('utf16.json');
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const binary = testInfo.outputPath('binary.json');
  await writeFile(binary, Buffer.from([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x00, 0x7d]));

  const siteContext = await browser.newContext();
  const site = new AppPage(await siteContext.newPage());
  await site.open('/sync');
  const chooseFile = async (file: string) => {
    const choosing = site.page.waitForEvent('filechooser');
    await site.page.getByRole('button', { name: '导入数据文件' }).click();
    await (await choosing).setFiles(file);
  };
  await chooseFile(binary);
  await expect(site.page.getByRole('dialog')).toContainText(
    '无法导入“binary.json”：文件不是 UTF-8 或 UTF-16 文本',
  );
  await site.page
    .getByRole('dialog')
    .getByRole('button', { name: /知道了|OK/ })
    .click();
  await chooseFile(utf16);
  await expect(site.page.getByRole('dialog')).toContainText('新增记录：1 条');
  await site.page.getByRole('dialog').getByRole('button', { name: '导入' }).click();
  await site.goTo('重点项目');
  await expect(site.projectRow('供热管网改造')).toHaveCount(1);
  await siteContext.close();
});
