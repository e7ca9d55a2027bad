import { expect, test } from '@playwright/test';
import { ProjectRecordsPage } from './pages/project-records.page';

// 建设工程规划许可证: 10 working days in the default catalog. Accepted on Monday 2026-03-02, it is
// due on 2026-03-16; by 2026-04-01 it is overdue.
const item = '建设工程规划许可证';

// Each test walks first start, new projects and their approval items.
test.slow();

test('a deleted project’s overdue item leaves 工作台 and its counts', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('保留的项目', ['工程建设许可']);
  await app.acceptItem(item);
  await app.createProject('要删除的项目', ['工程建设许可']);
  await app.acceptItem(item);
  const deleted = app.projectId;

  await app.setToday('2026-04-01');
  await page.goto('./#/workbench');
  const attention = page.getByRole('row').filter({ hasText: item });
  await expect(attention.filter({ hasText: '要删除的项目' })).toContainText('逾期');
  await expect(attention.filter({ hasText: '保留的项目' })).toContainText('逾期');
  const overdueCount = page.locator('.ant-statistic').filter({ hasText: '逾期事项' });
  await expect(overdueCount).toContainText('2');

  await page.goto(`./#/projects/${deleted}`);
  await expect(page.getByRole('heading', { name: '要删除的项目' })).toBeVisible();
  await page.getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(page).toHaveURL(/#\/projects$/);
  await expect(page.getByRole('link', { name: '要删除的项目' })).toHaveCount(0);

  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(attention.filter({ hasText: '保留的项目' })).toContainText('逾期');
  await expect(attention.filter({ hasText: '要删除的项目' })).toHaveCount(0);
  await expect(overdueCount).toContainText('1');
  await expect(page.locator('.ant-statistic').filter({ hasText: '在册重点项目' })).toContainText(
    '1',
  );

  // Still so after a reload, and the deleted project's page says it is gone.
  await page.reload();
  await expect(attention.filter({ hasText: '保留的项目' })).toBeVisible();
  await expect(attention.filter({ hasText: '要删除的项目' })).toHaveCount(0);
  await page.goto(`./#/projects/${deleted}`);
  await expect(page.getByText('项目不存在或已删除')).toBeVisible();
});

test('a missing item left past its item’s shortened deadline shows 需核对 until it is fixed', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('智能装备产业园一期', ['工程建设许可']);
  await app.acceptItem(item);

  await app.openTab('容缺材料');
  await page.getByRole('button', { name: '添加容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  await app.choose(dialog.getByLabel('审批事项'), `${item}（工程建设）`);
  await dialog.getByLabel('容缺材料').fill('人防面积测算表');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-13');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  const row = app.tableRow('人防面积测算表');
  await expect(row.getByTestId('needs-review')).toHaveCount(0);

  // The item's limit is cut to 5 working days (due 2026-03-09): the saved commitment now runs past
  // it. The item saves — the commitment was made in good faith — and the commitment shows 需核对.
  await app.openTab('审批事项');
  await app.tableRow(item).getByRole('button', { name: item }).click();
  const drawer = page.getByRole('dialog').filter({ hasText: item });
  await drawer.getByLabel('时限天数').fill('5');
  await drawer.getByRole('button', { name: '保存', exact: true }).click();
  await expect(drawer).toBeHidden();
  await expect(app.tableRow(item)).toContainText('2026-03-09 到期');

  await app.openTab('容缺材料');
  const tag = row.getByTestId('needs-review');
  await expect(tag).toHaveText('需核对');
  await tag.hover();
  await expect(page.getByRole('tooltip')).toContainText(
    '承诺补齐日期不得晚于该事项的办理期限（2026-03-09）',
  );
  await expect(page.getByTestId('needs-review-count')).toHaveText('需核对 1 条');

  await page.getByRole('menuitem', { name: '工作台' }).click();
  const review = page.getByTestId('workbench-review');
  await expect(review).toContainText('需核对 1 条');
  await expect(review.getByRole('row').filter({ hasText: '人防面积测算表' })).toContainText(
    '智能装备产业园一期',
  );
  await page.getByRole('menuitem', { name: '重点项目' }).click();
  await expect(page.getByRole('row').filter({ hasText: '智能装备产业园一期' })).toContainText(
    '需核对 1 条',
  );

  // Fixed: an earlier promised date; the tag and the counts go.
  await app.reopen('容缺材料');
  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑容缺材料' });
  await app.fillDate(edit.getByLabel('承诺补齐日期'), '2026-03-06');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(row.getByTestId('needs-review')).toHaveCount(0);
  await expect(page.getByTestId('needs-review-count')).toHaveCount(0);
  await page.getByRole('menuitem', { name: '工作台' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(review).toHaveCount(0);
});
