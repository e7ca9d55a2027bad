import { expect, test } from '@playwright/test';
import { openNewProblem } from './pages/dialogs';
import { ProjectRecordsPage } from './pages/project-records.page';
import { SearchPage } from './pages/search.page';

test('search finds by pinyin initials and by words, and Enter opens the record', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('滨江智能制造产业园', ['施工许可']);
  const binjiang = app.projectId;
  await app.createProject('重庆银行数据中心', ['施工许可']);
  await app.openTab('问题协调');
  const problem = await openNewProblem(page);
  await problem.getByLabel('问题').fill('征地');
  await app.option('征地未完成').click();
  await problem.getByRole('button', { name: '保存', exact: true }).click();
  await expect(problem).toBeHidden();

  const search = new SearchPage(page);
  await page.goto('./#/workbench');
  await search.openWithShortcut();
  // Pinyin initials: sgxk is 施工许可 — items of both projects.
  await search.type('sgxk');
  await expect(search.group('审批事项').getByRole('option').first()).toContainText('施工许可');
  await expect(search.group('审批事项')).toContainText('滨江智能制造产业园');
  await expect(search.group('审批事项')).toContainText('重庆银行数据中心');

  // Words: every one must match, each in any field — here the project's name and the item's.
  await search.type('滨江 施工许可证');
  const items = search.group('审批事项').getByRole('option');
  await expect(items).toHaveCount(1);
  await expect(items).toContainText('建筑工程施工许可证（可分阶段）');
  await expect(items).toContainText('滨江智能制造产业园');
  await expect(search.group('重点项目')).toBeHidden();

  // Enter opens it: the project's page, its 审批事项 tab, the item's drawer.
  await search.box.press('Enter');
  await expect(search.dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/projects/${binjiang}\\?tab=items`));
  await expect(page.getByRole('tab', { name: /审批事项/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.getByRole('dialog').filter({ hasText: '建筑工程施工许可证（可分阶段）' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // A project by its full pinyin (重庆 read chongqing in context), chosen with the arrow keys.
  await search.openFromHeader();
  await search.type('chongqing');
  await expect(search.group('重点项目').getByRole('option')).toHaveCount(1);
  await expect(search.option('重庆银行数据中心').first()).toBeVisible();
  await search.box.press('ArrowDown');
  // The next one is an item of that project, found by the project's name.
  await expect(search.dialog.getByRole('option', { selected: true })).toContainText(
    '重庆银行数据中心 · ',
  );
  await expect(search.group('审批事项').getByRole('option').first()).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await search.box.press('ArrowUp');
  await expect(search.dialog.getByRole('option', { selected: true })).toContainText(
    '重庆银行数据中心',
  );
  await search.box.press('Enter');
  await expect(page.getByRole('heading', { name: '重庆银行数据中心' })).toBeVisible();

  // A record added now is found at once (the index follows live data); a problem by its initials.
  await search.openWithShortcut();
  await search.type('zdwwc');
  await expect(search.group('问题协调').getByRole('option')).toContainText('征地未完成');
  await search.box.press('Enter');
  await expect(page.getByRole('tab', { name: /问题协调/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const edit = page.getByRole('dialog', { name: '编辑问题' });
  await expect(edit.getByLabel('问题')).toHaveValue('征地未完成');
  await expect(search.dialog).toBeHidden();

  // Nothing matching says so.
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await search.openWithShortcut();
  await search.type('不存在的记录');
  await expect(search.dialog).toContainText('没有找到符合的记录');

  // The index follows changes made while it runs: a problem registered now is found at once.
  await page.keyboard.press('Escape');
  await expect(search.dialog).toBeHidden();
  const another = await openNewProblem(page);
  await another.getByLabel('问题').fill('资金');
  await app.option('资金未落实').click();
  await another.getByRole('button', { name: '保存', exact: true }).click();
  await expect(another).toBeHidden();
  await search.openWithShortcut();
  await search.type('zjwls');
  await expect(search.group('问题协调').getByRole('option')).toContainText('资金未落实');
});
