import { expect, test, type Browser } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultCatalog, formerDefaultNames } from '../shared/catalog/default-catalog';
import { emptyProjectInput } from '../shared/domain/project';
import { AppPage } from './pages/app.page';
import { expectOpened } from './pages/dialogs';
import { SettingsPage } from './pages/settings.page';
import { dataOf, SyncPage } from './pages/sync.page';

/** A second computer: a browser context of its own, with its own empty IndexedDB. */
async function computer(browser: Browser, user: { name: string; unit: string }) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  await app.open('/workbench', user);
  return { app, sync: new SyncPage(app.page), close: () => context.close() };
}

test('two computers edit offline, exchange files both ways and converge; a clash shows and is restored', async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // two computers, four files
  const office = new AppPage(page);
  const officeSync = new SyncPage(page);
  await office.open();
  await office.createProject({
    name: '冷链物流中心',
    ownerCompany: '某冷链物流有限公司',
    stages: ['施工许可'],
  });
  const first = await officeSync.exportTo('现场电脑', testInfo.outputPath('1.json'));
  expect(first.format).toBe('daiban-sync');

  const site = await computer(browser, { name: '李四', unit: '区审批局' });
  const preview = await site.sync.importFile(testInfo.outputPath('1.json'));
  expect(preview).toContain('王小明（某某镇人民政府）');
  await site.app.goTo('重点项目');
  await expect(site.app.projectRow('冷链物流中心')).toContainText('施工许可事项已办结 0/7');

  // Offline on both sides: each changes a different field, and both change the leader.
  await office.goTo('重点项目');
  await page.getByRole('link', { name: '冷链物流中心' }).click();
  await page.getByLabel('建设单位').fill('某冷链物流集团');
  await page.getByLabel('包抓领导').fill('张副区长');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('有尚未保存的修改')).toBeHidden();

  await site.app.page.getByRole('link', { name: '冷链物流中心' }).click();
  await site.app.page.getByLabel('建设地点').fill('经开区纬三路');
  await site.app.page.getByLabel('包抓领导').fill('李副区长');
  await site.app.page.getByRole('button', { name: '保存' }).click();
  await expect(site.app.page.getByText('有尚未保存的修改')).toBeHidden();

  await officeSync.exportTo('现场电脑', testInfo.outputPath('2.json'));
  await site.sync.exportTo('办公室电脑', testInfo.outputPath('3.json'));
  await site.sync.importFile(testInfo.outputPath('2.json'));
  await officeSync.importFile(testInfo.outputPath('3.json'));

  for (const app of [office, site.app]) {
    await app.goTo('重点项目');
    await app.page.getByRole('link', { name: '冷链物流中心' }).click();
    await expect(app.page.getByLabel('建设单位')).toHaveValue('某冷链物流集团');
    await expect(app.page.getByLabel('建设地点')).toHaveValue('经开区纬三路');
    // The later save wins the leader on both computers.
    await expect(app.page.getByLabel('包抓领导')).toHaveValue('李副区长');
  }

  // The office sees the clash, and puts its value back with one click.
  await officeSync.open();
  const clash = officeSync.conflicts().getByRole('row').filter({ hasText: '包抓领导' });
  await expect(clash).toContainText('李副区长');
  await expect(clash).toContainText('张副区长');
  await clash.getByRole('button', { name: '恢复此值' }).click();
  await expect(clash).toHaveCount(0);
  await officeSync.exportTo('现场电脑', testInfo.outputPath('4.json'));
  await site.sync.importFile(testInfo.outputPath('4.json'));
  await site.app.goTo('重点项目');
  await site.app.page.getByRole('link', { name: '冷链物流中心' }).click();
  await expect(site.app.page.getByLabel('包抓领导')).toHaveValue('张副区长');

  // Same data on both: a full export of each carries the same changes.
  const officeAll = await officeSync.exportTo('核对', testInfo.outputPath('a.json'), {
    everything: true,
  });
  const siteAll = await site.sync.exportTo('核对', testInfo.outputPath('b.json'), {
    everything: true,
  });
  expect(dataOf(siteAll)).toEqual(dataOf(officeAll));
  await site.close();
});

test('bad files are refused in Chinese, naming what is wrong, and change nothing', async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const office = new AppPage(page);
  const officeSync = new SyncPage(page);
  await office.open();
  await office.createProject({ name: '保留的项目', ownerCompany: '某公司' });
  const good = testInfo.outputPath('good.json');
  await officeSync.exportTo('现场电脑', good);
  const text = await readFile(good, 'utf8');

  const site = await computer(browser, { name: '李四', unit: '区审批局' });
  await site.app.createProject({ name: '现场的项目', ownerCompany: '某公司' });
  const before = dataOf(
    await site.sync.exportTo('核对', testInfo.outputPath('before.json'), { everything: true }),
  );

  const cases: [string, string | Buffer, string][] = [
    ['truncated.json', text.slice(0, Math.floor(text.length * 0.6)), '文件不完整'],
    ['altered.json', text.replace('保留的项目', '被改过的项目'), '文件内容与其校验值不符'],
    [
      'binary.json',
      Buffer.from([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x00, 0x7d]),
      '文件不是 UTF-8 或 UTF-16 文本',
    ],
    ['other.json', '{"hello": "world"}', '不是帮代通同步文件'],
  ];
  for (const [name, content, reason] of cases) {
    const path = testInfo.outputPath(name);
    await writeFile(path, content);
    const dialog = await site.sync.choose(path);
    await expect(dialog).toContainText(`无法导入“${name}”：${reason}`);
    await expect(dialog).toContainText('本机数据没有任何改动');
    await site.sync.dismiss(dialog);
  }
  // Its own file, and a wrong passphrase.
  const own = testInfo.outputPath('own.json');
  await site.sync.exportTo('自己', own, { everything: true });
  const dialog = await site.sync.choose(own);
  await expect(dialog).toContainText('这是本机导出的文件');
  await site.sync.dismiss(dialog);

  const locked = testInfo.outputPath('locked.json');
  await officeSync.exportTo('加密', locked, { everything: true, passphrase: '正确口令' });
  const ask = await site.sync.choose(locked);
  await ask.getByPlaceholder('请输入导出时设置的口令').fill('错误口令');
  await ask.getByRole('button', { name: '导入' }).click();
  const refusal = site.app.page.getByRole('dialog').filter({ hasText: '口令不正确' });
  await expect(refusal).toBeVisible();
  await site.sync.dismiss(refusal);

  const after = dataOf(
    await site.sync.exportTo('核对', testInfo.outputPath('after.json'), { everything: true }),
  );
  expect(after).toEqual(before);
  await site.close();
});

test('an encrypted file opens with its passphrase; a UTF-16 copy and an old data file import too', async ({
  page,
  browser,
}, testInfo) => {
  const office = new AppPage(page);
  const officeSync = new SyncPage(page);
  await office.open();
  await office.createProject({ name: '供热管网改造', ownerCompany: '某热力公司' });
  const locked = testInfo.outputPath('locked.json');
  const file = await officeSync.exportTo('内网电脑', locked, {
    everything: true,
    passphrase: '口令2026',
  });
  expect(JSON.stringify(file)).not.toContain('供热管网改造');

  const site = await computer(browser, { name: '李四', unit: '区审批局' });
  await site.sync.importFile(locked, '口令2026');
  await site.app.goTo('重点项目');
  await expect(site.app.projectRow('供热管网改造')).toHaveCount(1);

  // A file saved again as UTF-16 (Windows Notepad's “Unicode”) reads the same.
  const plain = testInfo.outputPath('plain.json');
  await officeSync.exportTo('另一台', plain, { everything: true });
  const utf16 = testInfo.outputPath('utf16.json');
  const text = await readFile(plain, 'utf8');
  await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const third = await computer(browser, { name: '赵六', unit: '区住建局' });
  await third.sync.importFile(utf16);
  await third.app.goTo('重点项目');
  await expect(third.app.projectRow('供热管网改造')).toHaveCount(1);

  // A data file of version 0.1, as people still have on their USB sticks.
  const legacy = testInfo.outputPath('legacy.json');
  await writeFile(
    legacy,
    JSON.stringify({
      format: 'daiban-data',
      formatVersion: 2,
      exportedAt: '2026-11-20T00:00:00.000Z',
      appVersion: '0.1.0',
      tables: {
        projects: [
          {
            ...emptyProjectInput(),
            id: '5b0c7a3e-9d2f-4c1b-8e6a-1f2d3c4b5a69',
            name: '旧文件里的项目',
            ownerCompany: '某公司',
            createdAt: '2026-11-19T00:00:00.000Z',
            updatedAt: '2026-11-19T00:00:00.000Z',
            deleted: false,
          },
        ],
      },
    }),
  );
  const preview = await third.sync.importFile(legacy);
  expect(preview).toContain('旧版帮代通的数据文件');
  await third.app.goTo('重点项目');
  await expect(third.app.projectRow('旧文件里的项目')).toHaveCount(1);
  await site.close();
  await third.close();
});

test('a real v0.1 data file changes only what its user edited', async ({ page }) => {
  const app = new AppPage(page);
  const sync = new SyncPage(page);
  await app.open('/workbench', { name: '李四', unit: '区审批局' });
  // Written by 0.1.0 itself: one catalog entry edited, two projects (fixtures/v0.1-data-file.md).
  const v01 = fileURLToPath(
    new URL('../shared/sync/fixtures/v0.1-data-file.json', import.meta.url),
  );
  await sync.choose(v01);
  const preview = page.getByRole('dialog').filter({ has: page.getByTestId('import-preview') });
  await expect(preview).toContainText('旧版帮代通的数据文件');
  await expect(
    preview.getByRole('row').filter({ hasText: '审批事项目录' }).getByRole('cell'),
  ).toHaveText(['审批事项目录', '0', '1', '0']);
  await expectOpened(preview);
  await preview.getByRole('button', { name: '导入' }).click();
  await expect(preview).toBeHidden();
  await app.goTo('重点项目');
  await expect(app.projectRow('智能装备产业园')).toHaveCount(1);
  await expect(app.projectRow('冷链物流中心')).toHaveCount(1);

  const settings = new SettingsPage(page);
  await settings.open();
  await settings.goToTab('审批事项目录');
  const filter = page.getByLabel('按事项、部门或材料筛选');
  // The default names keep their full-width brackets: the file's half-width ones were 0.1's defaults.
  for (const [id, former] of Object.entries(formerDefaultNames)) {
    const name = defaultCatalog.find((entry) => entry.id === id)!.name;
    await filter.fill(name);
    await expect(settings.row(name)).toHaveCount(1);
    await filter.fill(former);
    await expect(settings.row(former)).toHaveCount(0);
  }
  await filter.fill('企业投资项目核准');
  const edited = settings.row('企业投资项目核准（目录内项目）');
  await expect(edited.getByTestId('catalog-time-limit')).toHaveText('15 个工作日');
  await expect(edited).toContainText('本区承诺 15 个工作日');
  await filter.fill('不动产权证（土地）');
  await expect(settings.row('不动产权证（土地）').getByTestId('catalog-time-limit')).toHaveText(
    '5 个工作日',
  );
});
