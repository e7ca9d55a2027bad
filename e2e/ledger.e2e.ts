import { expect, test, type Browser } from '@playwright/test';
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { AppPage } from './pages/app.page';
import { LedgerPage } from './pages/ledger.page';

/** Another install: a browser context of its own, with an empty IndexedDB. */
async function emptyProfile(browser: Browser) {
  const context = await browser.newContext();
  const app = new AppPage(await context.newPage());
  await app.open('/workbench', { name: '李四', unit: '区审批局' });
  return { app, ledger: new LedgerPage(app.page), close: () => context.close() };
}

test('an exported ledger re-imports into an empty profile to the same projects and items', async ({
  page,
  browser,
}, testInfo) => {
  test.slow();
  const app = new AppPage(page);
  await app.open();
  await app.createProject({
    name: '冷链物流中心',
    ownerCompany: '某冷链物流有限公司',
    level: '市重点',
    stages: ['施工许可'],
  });
  await page.getByLabel('总投资（万元）').fill('3500.5');
  await app.typeDate(page.getByLabel('土地成交日期'), '2026-03-05');
  await page.getByLabel('包抓领导').fill('张副区长');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('有尚未保存的修改')).toBeHidden();
  await app.createProject({ name: '数据中心二期', ownerCompany: '某科技公司' });

  const file = testInfo.outputPath('台账.xlsx');
  const name = await new LedgerPage(page).exportTo(file);
  expect(name).toMatch(/^重点项目台账-\d{8}\.xlsx$/);

  // The file itself: one sheet per kind, frozen headers, real date and number cells.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    '重点项目',
    '审批事项',
    '容缺材料',
    '办理记录',
  ]);
  const projects = workbook.getWorksheet('重点项目');
  expect(projects?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const headers = (projects?.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['项目名称', '项目代码', '建设单位']);
  const column = (header: string) => headers.indexOf(header) + 1;
  const row = projects?.getRow(2);
  expect(row?.getCell(column('项目名称')).value).toBe('冷链物流中心');
  expect(row?.getCell(column('总投资（万元）')).value).toBe(3500.5);
  expect(row?.getCell(column('土地成交日期')).value).toEqual(new Date(Date.UTC(2026, 2, 5)));
  expect(row?.getCell(column('项目级别')).value).toBe('市重点');
  const items = workbook.getWorksheet('审批事项');
  expect(items?.rowCount).toBe(1 + 7);
  expect(items?.getRow(2).getCell(1).value).toBe('冷链物流中心');

  const listText = async (target: AppPage) => {
    await target.goTo('重点项目');
    await expect(target.page.getByText('共 2 个项目')).toBeVisible();
    // Without the time each row was last written: the import writes the records anew, and the
    // minute may turn between the two lists.
    const text = await target.page.getByRole('table').locator('tbody').innerText();
    return text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, '');
  };
  const itemText = async (target: AppPage) => {
    await target.page.getByRole('link', { name: '冷链物流中心' }).click();
    await target.openTab('审批事项');
    return target.projectRow('建筑工程施工许可证').innerText();
  };
  const before = await listText(app);
  const itemBefore = await itemText(app);

  const other = await emptyProfile(browser);
  await other.ledger.choose(file);
  expect(await other.ledger.check()).toEqual([]);
  await expect(other.ledger.dialog.getByText('全部行检查通过')).toBeVisible();
  expect(await other.ledger.importRows('导入')).toContain('新建项目 2 个');
  await other.ledger.close();
  expect(await listText(other.app)).toBe(before);
  expect(await itemText(other.app)).toBe(itemBefore);
  await expect(other.app.page.getByLabel('总投资（万元）')).toHaveValue(/3,?500\.5/);
  await other.app.openTab('概况');
  await expect(other.app.page.getByLabel('包抓领导')).toHaveValue('张副区长');
  await other.close();
});

test('a bad ledger is refused with its problems by row and column; only the valid rows on request', async ({
  page,
}, testInfo) => {
  test.slow();
  // A team's own ledger: a title row, its own headers, one good row and two bad ones.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2026年重点项目');
  sheet.addRow(['某区2026年重点项目台账']);
  sheet.addRow(['序号', '工程名称', '业主单位', '投资额(万元)', '项目级别', '土地成交日期']);
  sheet.addRow([
    1,
    '智能制造产业园',
    '某智能装备公司',
    52000,
    '区重点',
    new Date(Date.UTC(2026, 0, 8)),
  ]);
  sheet.addRow([2, '城市更新片区', '某城投公司', '壹仟万元', '市重点', '2026-02-30']);
  sheet.addRow([3, '文旅综合体', '', 8000, '很重要', '2026/4/1']);
  const file = testInfo.outputPath('本单位台账.xlsx');
  await workbook.xlsx.writeFile(file);
  const notExcel = testInfo.outputPath('不是表格.xlsx');
  await writeFile(notExcel, '项目名称,建设单位\n物流园,某公司\n');

  const app = new AppPage(page);
  await app.open();
  const ledger = new LedgerPage(page);

  // 下载模板: the export's columns, and how to fill them in.
  await page.getByRole('menuitem', { name: '重点项目' }).click();
  await page.getByRole('button', { name: '导入台账' }).click();
  const downloading = page.waitForEvent('download');
  await ledger.dialog.getByRole('button', { name: '下载模板' }).click();
  const template = await downloading;
  expect(template.suggestedFilename()).toBe('重点项目台账模板.xlsx');
  await template.saveAs(testInfo.outputPath('模板.xlsx'));
  const blank = new ExcelJS.Workbook();
  await blank.xlsx.readFile(testInfo.outputPath('模板.xlsx'));
  expect(blank.worksheets.map((each) => each.name)).toEqual(['重点项目', '审批事项', '填写说明']);
  expect((blank.getWorksheet('审批事项')?.getRow(1).values as unknown[]).slice(1, 5)).toEqual([
    '项目名称',
    '项目代码',
    '阶段',
    '事项名称',
  ]);
  await ledger.close();

  await ledger.choose(notExcel);
  await expect(ledger.dialog.getByRole('alert')).toContainText(
    '不是 Excel 工作簿（.xlsx），未导入任何内容',
  );
  await ledger.close();

  await ledger.choose(file);
  // The mapping is guessed from the team's headers.
  await expect(
    ledger.dialog
      .getByRole('combobox', { name: '项目所在工作表 项目名称' })
      .locator('xpath=ancestor::*[contains(@class,"ant-select")][1]'),
  ).toContainText('工程名称');
  const problems = await ledger.check();
  expect(problems).toEqual([
    '2026年重点项目 第 4 行 · 投资额(万元) · 金额须为数字（万元），例如 1200 或 1200万元',
    '2026年重点项目 第 4 行 · 土地成交日期 · 没有这一天：2026-02-30',
    '2026年重点项目 第 5 行 · 业主单位 · 必填',
    '2026年重点项目 第 5 行 · 项目级别 · 无法识别“很重要”，可填：省重点、市重点、区重点',
  ]);
  await expect(ledger.dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled();
  await ledger.close();
  await app.goTo('重点项目');
  await expect(page.getByText('还没有项目')).toBeVisible();

  await ledger.choose(file);
  expect(await ledger.check()).toHaveLength(4);
  expect(await ledger.importRows('只导入有效的行')).toContain('新建项目 1 个');
  await ledger.close();
  await expect(page.getByText('共 1 个项目')).toBeVisible();
  await expect(app.projectRow('智能制造产业园')).toContainText('某智能装备公司');
  await expect(page.getByText('城市更新片区')).toHaveCount(0);

  // The same file again: the project kept already is reported, and skipped unless updated.
  await ledger.choose(file);
  await ledger.check();
  await expect(ledger.dialog).toContainText('1 个项目与已有项目同名或同代码：智能制造产业园');
  await expect(ledger.dialog.getByLabel('跳过这些项目（保留现有数据）')).toBeChecked();
  expect(await ledger.importRows('只导入有效的行')).toContain('跳过 1 个');
  await ledger.close();
  await expect(page.getByText('共 1 个项目')).toBeVisible();
});
