import { expect, test, type Locator, type Page } from '@playwright/test';
import { openNewProblem } from './pages/dialogs';
import { ProjectRecordsPage } from './pages/project-records.page';

// 2026-03-02 (a Monday) + 20 working days is 2026-03-30. A pause over the week 03-09..03-13,
// counting resumed on Monday 03-16, takes five working days out: 清明 04-04..04-06 is off, so the
// due date is 04-07.

async function openItemDrawer(page: Page, name: string): Promise<Locator> {
  await page.getByRole('row').filter({ hasText: name }).getByRole('button', { name }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: `审批事项：${name}` });
  await expect(drawer).toBeVisible();
  return drawer;
}

test('a pause entered as its first and last paused day moves the due date by those days', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('新能源电池材料项目', ['施工许可']);
  await app.openTab('审批事项');

  const drawer = await openItemDrawer(page, '施工图联合审查');
  await app.choose(drawer.getByLabel('状态', { exact: true }), '已受理');
  await app.fillDate(drawer.getByLabel('受理日期'), '2026-03-02');
  await drawer.getByLabel('时限天数').fill('20');
  await expect(drawer.getByTestId('computed-due')).toContainText('2026-03-30');

  // Both ends are named as what they are, and the rule is said beside them.
  await expect(drawer).toContainText('恢复计时的那天不要填');
  await drawer.getByRole('button', { name: '添加暂停计时' }).click();
  await app.fillDate(drawer.getByLabel('暂停自（含）'), '2026-03-09');
  await app.fillDate(drawer.getByLabel('暂停至（含）'), '2026-03-13');
  await drawer.getByLabel('原因').fill('消防设计专家评审');
  await expect(drawer.getByTestId('computed-due')).toContainText('2026-04-07');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toBeHidden();
  await expect(app.tableRow('施工图联合审查')).toContainText('2026-04-07 到期');

  // After a reload the filled fields still carry their labels, visibly.
  await page.reload();
  await app.openTab('审批事项');
  await expect(app.tableRow('施工图联合审查')).toContainText('2026-04-07 到期');
  const reopened = await openItemDrawer(page, '施工图联合审查');
  const pause = reopened.getByTestId('paused-interval');
  await expect(pause.getByText('暂停自（含）', { exact: true })).toBeVisible();
  await expect(pause.getByText('暂停至（含）', { exact: true })).toBeVisible();
  await expect(pause.getByLabel('暂停自（含）')).toHaveValue('2026-03-09');
  await expect(pause.getByLabel('暂停至（含）')).toHaveValue('2026-03-13');
  // Clicking a label reaches its own field.
  await pause.getByText('原因', { exact: true }).click();
  await expect(pause.getByLabel('原因')).toBeFocused();
});

test('修改记录 shows labels, names and 是/否, not codes and ids', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await page.goto('./#/settings?tab=helperAgents');
  await page.getByRole('button', { name: '新增代办员' }).click();
  const agentDialog = page.getByRole('dialog', { name: '新增代办员' });
  await agentDialog.getByLabel('姓名').fill('李红');
  await agentDialog.getByLabel('派出单位').fill('区住建局');
  await agentDialog.getByRole('button', { name: '保存' }).click();
  await expect(agentDialog).toBeHidden();

  await app.createProject('城西污水处理厂提标改造', ['施工许可']);
  const overview = page.locator('.ant-card').filter({ hasText: '项目概况' });
  await overview.getByText('拿地即开工').click();
  await app.choose(overview.getByLabel('代办员'), '李红（区住建局）');
  await overview.getByRole('button', { name: '保存', exact: true }).click();
  await expect(overview.getByText('有尚未保存的修改')).toHaveCount(0);

  await app.openTab('审批事项');
  const drawer = await openItemDrawer(page, '施工图联合审查');
  await app.choose(drawer.getByLabel('办理方式'), '容缺受理');
  await app.choose(drawer.getByLabel('部门层级'), '市级');
  await app.choose(drawer.getByLabel('状态', { exact: true }), '已受理');
  await app.fillDate(drawer.getByLabel('受理日期'), '2026-03-02');
  await drawer.getByRole('button', { name: '添加暂停计时' }).click();
  await app.fillDate(drawer.getByLabel('暂停自（含）'), '2026-03-09');
  await app.fillDate(drawer.getByLabel('暂停至（含）'), '2026-03-13');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toBeHidden();

  await app.tableRow('施工图联合审查').getByRole('button', { name: '修改记录' }).click();
  const itemHistory = page.getByRole('dialog', { name: '修改记录：施工图联合审查' });
  const changes = itemHistory.getByTestId('history-change');
  await expect(changes.filter({ hasText: '办理方式' })).toHaveText('办理方式：常规 → 容缺受理');
  await expect(changes.filter({ hasText: '状态' })).toHaveText('状态：未启动 → 已受理');
  await expect(changes.filter({ hasText: '部门层级' })).toHaveText('部门层级：区级 → 市级');
  await expect(changes.filter({ hasText: '暂停计时' })).toHaveText(
    '暂停计时：（空） → 2026-03-09 至 2026-03-13（含）',
  );
  await expect(itemHistory).not.toContainText('missingAccepted');
  await page.keyboard.press('Escape');
  await expect(itemHistory).toBeHidden();

  await app.openTab('概况');
  await overview.getByRole('button', { name: '修改记录' }).click();
  const projectHistory = page.getByRole('dialog', { name: /^修改记录：城西污水处理厂/ });
  const projectChanges = projectHistory.getByTestId('history-change');
  await expect(projectChanges.filter({ hasText: '拿地即开工' })).toHaveText('拿地即开工：否 → 是');
  await expect(projectChanges.filter({ hasText: '代办员' })).toHaveText('代办员：（空） → 李红');
  await page.keyboard.press('Escape');

  // A problem escalated from 区领导 to 市级.
  await app.openTab('问题协调');
  const problem = await openNewProblem(page);
  await problem.getByLabel('问题').fill('污泥处置场地未落实');
  await problem.getByText('区领导', { exact: true }).click();
  await problem.getByRole('button', { name: '保存' }).click();
  await expect(problem).toBeHidden();
  await app.tableRow('污泥处置场地未落实').getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑问题' });
  await edit.getByText('市级', { exact: true }).click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await app.tableRow('污泥处置场地未落实').getByRole('button', { name: '修改记录' }).click();
  await expect(
    page
      .getByRole('dialog', { name: '修改记录：污泥处置场地未落实' })
      .getByTestId('history-change'),
  ).toHaveText(['协调层级：区领导 → 市级']);
});
