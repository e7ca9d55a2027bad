import { expect, test } from '@playwright/test';
import { ProjectRecordsPage, testToday } from './pages/project-records.page';
import { openNewProblem } from './pages/dialogs';

// Each test walks first start, a new project and its tabs: many steps on a shared machine.
test.slow();

test('a step is recorded with Enter, and marking its next action done removes the warning', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('冷链物流中心', ['工程建设许可']);
  await app.openTab('办理记录');

  const form = page.getByRole('form', { name: '记录办理情况' });
  // The date is today and the user's own name is filled in: only what happened is typed.
  await expect(form.getByLabel('日期', { exact: true })).toHaveValue(testToday);
  await expect(form.getByLabel('经办人')).toHaveValue('王小明');
  await app.choose(form.getByLabel('类型'), '递件');
  await app.choose(form.getByLabel('关联事项'), '建设工程规划许可证（工程建设）');
  await form.getByLabel('办理情况').fill('到政务服务大厅递交规划许可申请，窗口已收件');
  await form.getByLabel('下一步', { exact: true }).fill('跟进受理通知书');
  const due = form.getByLabel('下一步期限');
  await due.click();
  await due.fill('2026-03-04');
  await due.press('Enter');

  const step = app.step('到政务服务大厅递交规划许可申请');
  await expect(step).toContainText(testToday);
  await expect(step).toContainText('递件');
  await expect(step).toContainText('王小明');
  await expect(step).toContainText('建设工程规划许可证');
  // Due in 2 working days, inside the 3-day warning window.
  await expect(step.locator('[data-tier="warning"]')).toContainText('2026-03-04 到期');
  await expect(page.getByTestId('project-tier')).toHaveText('预警');
  // The form is ready for the next step.
  await expect(form.getByLabel('办理情况')).toHaveValue('');

  // A click, not check(): the box turns checked once the change is saved.
  await step.getByRole('checkbox', { name: '下一步已完成' }).click();
  await expect(step.getByRole('checkbox', { name: '下一步已完成' })).toBeChecked();
  await expect(step.locator('[data-tier]')).toHaveCount(0);
  await expect(step).toContainText('已完成');
  await expect(page.getByTestId('project-tier')).toHaveCount(0);

  await page.reload();
  await app.openTab('办理记录');
  await expect(app.step('到政务服务大厅递交规划许可申请').getByRole('checkbox')).toBeChecked();
});

test('steps are newest first; a due date before the step is refused in Chinese', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('冷链物流中心');
  await app.openTab('办理记录');
  const form = page.getByRole('form', { name: '记录办理情况' });

  await app.fillDate(form.getByLabel('日期', { exact: true }), '2026-02-26');
  await form.getByLabel('办理情况').fill('与建设单位对接，梳理立项所需材料');
  await form.getByLabel('办理情况').press('Control+Enter');
  await expect(app.step('梳理立项所需材料')).toBeVisible();

  await form.getByLabel('办理情况').fill('陪同建设单位现场踏勘');
  await form.getByLabel('下一步', { exact: true }).fill('出具踏勘意见');
  await app.fillDate(form.getByLabel('下一步期限'), '2026-02-27');
  await form.getByRole('button', { name: '保存记录' }).click();
  await expect(form).toContainText('下一步期限早于办理日期');
  await expect(app.step('陪同建设单位现场踏勘')).toHaveCount(0);

  await app.fillDate(form.getByLabel('下一步期限'), '2026-03-03');
  await form.getByRole('button', { name: '保存记录' }).click();
  const steps = page.getByTestId('handling-step');
  await expect(steps).toHaveCount(2);
  await expect(steps.first()).toContainText('陪同建设单位现场踏勘');
  await expect(steps.last()).toContainText('2026-02-26');

  await app.step('梳理立项所需材料').getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(steps).toHaveCount(1);
});

test('a half-typed step survives leaving the page and a reload', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('冷链物流中心');
  await app.openTab('办理记录');
  const form = page.getByRole('form', { name: '记录办理情况' });
  await form.getByLabel('办理情况').fill('区领导召开协调会，明确征地时间表');
  await form.getByLabel('下一步', { exact: true }).fill('报送会议纪要');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await app.reopen('办理记录');
  await expect(form.getByLabel('办理情况')).toHaveValue('区领导召开协调会，明确征地时间表');
  await page.reload();
  await app.openTab('办理记录');
  await expect(form.getByLabel('下一步', { exact: true })).toHaveValue('报送会议纪要');

  await form.getByRole('button', { name: '清空' }).click();
  await expect(form.getByLabel('办理情况')).toHaveValue('');
  await page.reload();
  await app.openTab('办理记录');
  await expect(form.getByLabel('办理情况')).toHaveValue('');
});

test('a problem is raised from a suggestion, escalated, and marked resolved today', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('冷链物流中心');
  await app.openTab('问题协调');

  const dialog = await openNewProblem(page);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('必填');

  await dialog.getByLabel('问题').fill('权限');
  await app.option('审批权限未委托').click();
  await expect(dialog.getByLabel('问题')).toHaveValue('审批权限未委托');
  await dialog.getByLabel('责任部门').fill('市自然资源和规划局');
  await dialog.getByText('区领导', { exact: true }).click();
  await expect(dialog.getByLabel('提出日期')).toHaveValue(testToday);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const row = app.tableRow('审批权限未委托');
  await expect(row).toContainText('市自然资源和规划局');
  await expect(row).toContainText('区领导');
  await expect(row).toContainText('待协调');
  await expect(page.getByText('未解决 1 项，共 1 项')).toBeVisible();

  await row.getByRole('button', { name: '标记已解决' }).click();
  await expect(row).toContainText('已解决');
  await expect(row).toContainText(`${testToday} 解决`);
  await expect(row.getByRole('button', { name: '标记已解决' })).toHaveCount(0);

  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑问题' });
  await edit.getByLabel('解决情况').fill('市局同意委托区审批局办理');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await page.reload();
  await app.openTab('问题协调');
  await expect(app.tableRow('审批权限未委托')).toContainText('市局同意委托区审批局办理');
  await expect(page.getByText('未解决 0 项，共 1 项')).toBeVisible();
});
