import { expect, test } from '@playwright/test';
import { ProjectRecordsPage } from './pages/project-records.page';
import { RecordFormPage } from './pages/record-form.page';
import { answerDiscardQuestion, openNewProblem } from './pages/dialogs';

// What users typed and saw vanish without a word: each case ends in durable state after a reload.

test('总投资 written in words is kept with a message; 5亿元 and 5000万 are read', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('临港物流枢纽');
  const overview = RecordFormPage.overview(page);
  const investment = overview.field('总投资（万元）');

  await investment.fill('五亿元');
  await investment.press('Tab');
  await expect(investment).toHaveValue('五亿元');
  await expect(overview.root.getByTestId('unreadable-amount')).toHaveText(
    '无法识别“五亿元”：请用阿拉伯数字填写，单位万元，例如 50000、5亿元或 5000万',
  );
  await overview.save();
  await expect(overview.root).toContainText('请用阿拉伯数字填写金额（万元）');
  await page.reload();
  await expect(RecordFormPage.overview(page).field('总投资（万元）')).toHaveValue('五亿元');

  await investment.fill('5亿元');
  await investment.press('Tab');
  await expect(investment).toHaveValue('50000');
  await expect(overview.root.getByTestId('unreadable-amount')).toHaveCount(0);
  await overview.save();
  await expect(overview.root.getByText('有尚未保存的修改', { exact: false })).toHaveCount(0);
  await page.reload();
  await expect(RecordFormPage.overview(page).field('总投资（万元）')).toHaveValue('50000');

  await investment.fill('5000万');
  await investment.press('Tab');
  await expect(investment).toHaveValue('5000');
});

test('a date that does not exist is kept with a message, not cleared', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('智慧水务调度中心');
  const overview = RecordFormPage.overview(page);
  const landDeal = overview.field('土地成交日期');

  await landDeal.click();
  await landDeal.fill('2026-02-30');
  await landDeal.press('Tab');
  await expect(overview.root.getByTestId('unreadable-date')).toHaveText(
    '“2026-02-30”不是有效的日期，未采用：请改正，例如 2026-03-02',
  );
  await overview.save();
  await expect(overview.root).toContainText('日期无效：应为存在的日期，如 2026-03-02');
  await page.reload();
  // The draft keeps what was typed, and still says what is wrong with it.
  await expect(RecordFormPage.overview(page).root.getByTestId('unreadable-date')).toContainText(
    '2026-02-30',
  );

  await app.fillDate(landDeal, '2026-02-28');
  await expect(overview.root.getByTestId('unreadable-date')).toHaveCount(0);
  await overview.save();
  await page.reload();
  await expect(RecordFormPage.overview(page).field('土地成交日期')).toHaveValue('2026-02-28');
});

test('内容过长 says the limit', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await page.goto('./#/projects/new');
  await page.getByLabel('项目名称').fill('长'.repeat(201));
  await page.getByLabel('建设单位').fill('某某智能科技有限公司');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('内容过长：最多 200 字')).toBeVisible();
  await expect(page).toHaveURL(/#\/projects\/new/);
});

test('closing a drawer or a modal with unsaved changes asks first', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('高新区人才公寓', ['施工许可']);
  await app.openTab('审批事项');

  const drawer = await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  await drawer.field('证照编号').fill('SGT-2026-0031');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: '放弃未保存的修改？' });
  await expect(ask).toContainText('有 1 处修改尚未保存');
  await answerDiscardQuestion(page, '继续编辑');
  await expect(drawer.root).toBeVisible();
  await expect(drawer.field('证照编号')).toHaveValue('SGT-2026-0031');

  await drawer.root.getByRole('button', { name: '关闭' }).click();
  await answerDiscardQuestion(page, '放弃修改并关闭');
  await expect(drawer.root).toBeHidden();
  await page.reload();
  await app.openTab('审批事项');
  const reopened = await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  await expect(reopened.field('证照编号')).toHaveValue('');
  // Nothing changed: it closes without asking.
  await page.keyboard.press('Escape');
  await expect(reopened.root).toBeHidden();
  await expect(ask).toHaveCount(0);

  await app.openTab('问题协调');
  const problem = await openNewProblem(page);
  await problem.getByLabel('问题').fill('施工用电未接入');
  await problem.getByRole('button', { name: '取消' }).click();
  await expect(ask).toBeVisible();
  await answerDiscardQuestion(page, '继续编辑');
  await expect(problem.getByLabel('问题')).toHaveValue('施工用电未接入');
  await problem.getByRole('button', { name: '保存' }).click();
  await expect(problem).toBeHidden();
  await page.reload();
  await app.openTab('问题协调');
  await expect(app.tableRow('施工用电未接入')).toBeVisible();
});

test('a filter that matches nothing says so, and can be cleared', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('东部片区综合管廊');
  await page.goto('./#/projects');
  await page.getByRole('searchbox', { name: '搜索' }).fill('不存在的项目');
  await expect(page.getByTestId('filtered-empty')).toContainText('没有符合筛选条件的项目。');
  await expect(page.getByText('还没有项目')).toHaveCount(0);
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(app.tableRow('东部片区综合管廊')).toBeVisible();

  await page.goto('./#/settings?tab=catalog');
  await page.getByLabel('按事项、部门或材料筛选').fill('不存在的事项');
  await expect(page.getByTestId('filtered-empty')).toContainText('没有符合筛选条件的事项。');
});
