import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';

// The whole path: a new user, a project with a stage's items, one accepted under 容缺 with
// two missing items, a handling step with a next action, due dates, then the clock moving on.
// 2026-02-13 is the Friday before 春节; 15 working days from it, counting the make-up Saturdays
// 02-14 and 02-28 and skipping 02-15..02-23, end on 2026-03-12.

const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

test('a key project is tracked from acceptance under 容缺 to 预警 and 逾期', async ({ page }) => {
  test.slow(); // the whole path, many screens
  // A clock that runs from a known morning (a paused one would also stop antd's animations).
  await page.clock.install({ time: at('2026-02-13') });
  await page.clock.resume();
  const app = new AppPage(page);
  await app.open();
  await app.createProject({
    name: '智能装备产业园一期',
    ownerCompany: '某某智能科技有限公司',
    level: '市重点',
    stages: ['施工许可'],
  });

  await app.openTab('审批事项');
  const stage = page.getByTestId('stage-constructionPermit');
  await expect(stage).toContainText('已办结 0 / 7');
  await stage.getByRole('button', { name: '施工图联合审查' }).click();
  const drawer = page.getByRole('dialog');
  await app.choose(drawer.getByLabel('办理方式'), '容缺受理');
  await app.choose(drawer.getByLabel('状态'), '已受理');
  await app.typeDate(drawer.getByLabel('受理日期'), '2026-02-13');
  await expect(drawer.getByTestId('computed-due')).toContainText('2026-03-12');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();

  const itemRow = app.projectRow('施工图联合审查');
  await expect(itemRow).toContainText('容缺受理');
  await expect(itemRow).toContainText('2026-03-12 到期');
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'normal');

  // Two missing items; a promised date after the item's deadline is refused.
  await itemRow.getByRole('button', { name: '登记容缺材料' }).click();
  const missing = page.getByRole('dialog', { name: '添加容缺材料' });
  await missing.getByLabel('容缺材料').fill('人防面积测算表');
  await app.typeDate(missing.getByLabel('承诺补齐日期'), '2026-03-20');
  await missing.getByRole('button', { name: '保存并继续添加' }).click();
  await expect(missing).toContainText('承诺补齐日期不得晚于该事项的办理期限（2026-03-12）');
  await app.typeDate(missing.getByLabel('承诺补齐日期'), '2026-03-05');
  await missing.getByRole('button', { name: '保存并继续添加' }).click();
  await expect(missing.getByLabel('容缺材料')).toHaveValue('');
  await missing.getByLabel('容缺材料').fill('消防设计专篇');
  await app.typeDate(missing.getByLabel('承诺补齐日期'), '2026-03-10');
  await missing.getByRole('button', { name: '保存', exact: true }).click();
  await expect(missing).toBeHidden();

  await app.openTab('容缺材料');
  await expect(page.getByRole('row').filter({ hasText: '人防面积测算表' })).toContainText(
    '2026-03-05',
  );
  await expect(page.getByRole('row').filter({ hasText: '消防设计专篇' })).toContainText(
    '2026-03-10',
  );

  await app.openTab('办理记录');
  await page.getByRole('textbox', { name: '办理情况' }).fill('递交施工图审查申请，审批局容缺受理');
  await page.getByRole('textbox', { name: '下一步', exact: true }).fill('催建设单位补交人防测算表');
  await app.typeDate(page.getByLabel('下一步期限'), '2026-03-03');
  await page.getByRole('button', { name: '记录' }).click();
  await expect(page.getByText('催建设单位补交人防测算表')).toBeVisible();

  // Three working days before the item's deadline it turns 预警 — without a reload.
  await page.clock.setSystemTime(at('2026-03-09'));
  await page.clock.runFor(31_000);
  await app.openTab('审批事项');
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'warning');
  await expect(itemRow).toContainText('剩 3 个工作日');

  // The day after it, 逾期; the workbench and the project list say so too.
  await page.clock.setSystemTime(at('2026-03-13'));
  await page.clock.runFor(31_000);
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'overdue');
  await app.goTo('工作台');
  const attention = page.getByRole('row').filter({ hasText: '施工图联合审查' });
  await expect(attention).toContainText('逾期');
  await expect(page.getByRole('row').filter({ hasText: '人防面积测算表' })).toContainText('逾期');
  await app.goTo('重点项目');
  await page.getByText('只看有逾期的').click();
  await expect(app.projectRow('智能装备产业园一期')).toContainText('逾期');

  // Everything is still there after a reload.
  await page.reload();
  await page.getByRole('link', { name: '智能装备产业园一期' }).click();
  await app.openTab('审批事项');
  await expect(app.projectRow('施工图联合审查')).toContainText('2026-03-12 到期');
  await app.openTab('容缺材料');
  await expect(page.getByRole('row').filter({ hasText: '人防面积测算表' })).toContainText(
    '逾期未补',
  );
  await app.openTab('办理记录');
  await expect(page.getByText('递交施工图审查申请，审批局容缺受理')).toBeVisible();
});
