import { expect, test } from '@playwright/test';
import { ProjectRecordsPage } from './pages/project-records.page';
import { answerDiscardQuestion } from './pages/dialogs';

// 建设工程规划许可证: 10 working days in the default catalog. Accepted on Monday 2026-03-02, it is
// due on 2026-03-16 (counting starts the working day after acceptance).
const item = '建设工程规划许可证';
const itemDue = '2026-03-16';

// Each test walks first start, a new project, its approval items and this tab.
test.slow();

async function projectWithAcceptedItem(app: ProjectRecordsPage) {
  await app.start();
  await app.createProject('智能装备产业园一期', ['工程建设许可']);
  await app.acceptItem(item);
  await app.openTab('容缺材料');
}

test('a promised date after the item’s deadline is refused in Chinese and nothing is saved', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await projectWithAcceptedItem(app);

  await page.getByRole('button', { name: '添加容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  await app.choose(dialog.getByLabel('审批事项'), `${item}（工程建设）`);
  await expect(dialog).toContainText(`该事项办理期限：${itemDue}`);
  await dialog.getByLabel('容缺材料').fill('人防面积测算表');
  await expect(dialog.getByLabel('补齐责任方')).toHaveValue('建设单位');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-20');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();

  await expect(dialog).toContainText(`承诺补齐日期不得晚于该事项的办理期限（${itemDue}）`);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await answerDiscardQuestion(page, '放弃修改并关闭');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('暂无容缺材料')).toBeVisible();
  await page.reload();
  await app.openTab('容缺材料');
  await expect(page.getByText('暂无容缺材料')).toBeVisible();
  await expect(page.getByText('待补齐 0 项')).toBeVisible();
});

test('missing items are listed under their item, marked 已补齐 today and then 已核验', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await projectWithAcceptedItem(app);

  await page.getByRole('button', { name: '添加容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  await app.choose(dialog.getByLabel('审批事项'), `${item}（工程建设）`);
  await dialog.getByLabel('容缺材料').fill('人防面积测算表');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-04');
  await dialog.getByRole('button', { name: '保存并继续添加' }).click();
  // The next material keeps the item, supplier and date; only the material is typed again.
  await expect(dialog.getByLabel('容缺材料')).toHaveValue('');
  await expect(dialog.getByLabel('承诺补齐日期')).toHaveValue('2026-03-04');
  await dialog.getByLabel('容缺材料').fill('宗地红线图');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-13');
  await dialog.getByLabel('容缺材料').press('Enter');
  await expect(dialog).toBeHidden();

  const first = app.tableRow('人防面积测算表');
  const second = app.tableRow('宗地红线图');
  await expect(first).toContainText(item);
  await expect(first).toContainText('待补齐');
  // Due in 2 working days with a 3-day warning window: 预警.
  await expect(first.locator('[data-tier="warning"]')).toContainText('2026-03-04 到期');
  await expect(second.locator('[data-tier="normal"]')).toContainText('2026-03-13 到期');
  await expect(page.getByText('待补齐 2 项')).toBeVisible();

  await first.getByRole('button', { name: '已补齐' }).click();
  await expect(first).toContainText('已补齐');
  await expect(first).toContainText('2026-03-02');
  await expect(first.locator('[data-tier]')).toHaveCount(0);
  await expect(page.getByText('待补齐 1 项')).toBeVisible();

  await first.getByRole('button', { name: '已核验' }).click();
  await expect(first).toContainText('已核验');

  await page.reload();
  await app.openTab('容缺材料');
  await expect(app.tableRow('人防面积测算表')).toContainText('已核验');
  await expect(app.tableRow('宗地红线图')).toContainText('待补齐');

  await app.tableRow('宗地红线图').getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(app.tableRow('宗地红线图')).toHaveCount(0);
  await expect(page.getByText('待补齐 0 项')).toBeVisible();
});

test('a pending item past its promised date shows 逾期未补 in red', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await projectWithAcceptedItem(app);

  await page.getByRole('button', { name: '添加容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  await app.choose(dialog.getByLabel('审批事项'), `${item}（工程建设）`);
  await dialog.getByLabel('容缺材料').fill('人防面积测算表');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-04');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();

  // A week later nothing has arrived.
  await app.setToday('2026-03-09');
  await page.reload();
  await app.openTab('容缺材料');
  const row = app.tableRow('人防面积测算表');
  const status = row.getByText('逾期未补', { exact: true });
  await expect(status).toBeVisible();
  await expect(status).toHaveClass(/ant-tag-red/);
  await expect(row.locator('[data-tier="overdue"]')).toBeVisible();
  await expect(page.getByText('其中逾期未补 1 项')).toBeVisible();
});

test('an edit is logged: the history shows who changed the promised date', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await projectWithAcceptedItem(app);

  await page.getByRole('button', { name: '添加容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  await app.choose(dialog.getByLabel('审批事项'), `${item}（工程建设）`);
  await dialog.getByLabel('容缺材料').fill('人防面积测算表');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-04');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();

  await app.tableRow('人防面积测算表').getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑容缺材料' });
  await app.fillDate(edit.getByLabel('承诺补齐日期'), '2026-03-17');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toContainText(`承诺补齐日期不得晚于该事项的办理期限（${itemDue}）`);
  await app.fillDate(edit.getByLabel('承诺补齐日期'), '2026-03-11');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();

  await app.tableRow('人防面积测算表').getByRole('button', { name: '修改记录' }).click();
  const history = page.getByRole('dialog', { name: /修改记录/ });
  await expect(history).toContainText('王小明（某某镇人民政府） 修改');
  await expect(history).toContainText('承诺补齐日期：2026-03-04 → 2026-03-11');
});

test('right after 容缺受理, the item’s missing materials are entered in a row from 审批事项', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('智能装备产业园一期', ['工程建设许可']);
  await app.acceptItem(item);
  await app.setHandlingMode(item, '容缺受理');

  await app.tableRow(item).getByRole('button', { name: '登记容缺材料' }).click();
  const dialog = page.getByRole('dialog', { name: '添加容缺材料' });
  // The item is chosen already and its deadline is shown before a date is typed.
  await expect(dialog).toContainText(`${item}（工程建设）`);
  await expect(dialog).toContainText(`该事项办理期限：${itemDue}`);
  await expect(dialog.getByLabel('容缺材料')).toBeFocused();
  await dialog.getByLabel('容缺材料').fill('审定设计方案文本');
  await app.fillDate(dialog.getByLabel('承诺补齐日期'), '2026-03-10');
  await dialog.getByRole('button', { name: '保存并继续添加' }).click();
  await expect(dialog.getByLabel('容缺材料')).toHaveValue('');
  await dialog.getByLabel('容缺材料').fill('土地权属证明');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();

  await app.openTab('容缺材料');
  for (const material of ['审定设计方案文本', '土地权属证明']) {
    await expect(app.tableRow(material)).toContainText('2026-03-10 到期');
  }
  await expect(app.tableRow('审定设计方案文本')).toContainText(item);
  await expect(page.getByText('待补齐 2 项')).toBeVisible();
});
