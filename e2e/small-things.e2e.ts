import { expect, test, type Page } from '@playwright/test';
import { ProjectRecordsPage } from './pages/project-records.page';
import { RecordFormPage } from './pages/record-form.page';

/** Ids that more than one element of the page carries. */
function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) {
      seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    }
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  });
}

/** Accessible names of icons still in antd's English (“plus”, “calendar”, “close-circle”…). */
function englishIconNames(page: Page): Promise<string[]> {
  return page
    .locator('[role="img"][aria-label]')
    .evaluateAll((icons) =>
      icons
        .map((icon) => icon.getAttribute('aria-label') ?? '')
        .filter((label) => /^[a-z-]+$/.test(label)),
    );
}

test('overdue says by how much; progress, helper-agents and toasts read as meant', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await page.goto('./#/settings?tab=helperAgents');
  await page.getByRole('button', { name: '新增代办员' }).click();
  const agent = page.getByRole('dialog', { name: '新增代办员' });
  await agent.getByLabel('姓名').fill('李红');
  await agent.getByLabel('派出单位').fill('区住建局');
  await agent.getByRole('button', { name: '保存' }).click();
  await expect(agent).toBeHidden();

  await app.createProject('航空零部件产业园', ['施工许可']);
  const overview = RecordFormPage.overview(page);
  await app.choose(overview.field('代办员'), '李红（区住建局）');
  await overview.save();
  // A toast comes at the bottom of the window, clear of the page's title and its buttons.
  const toast = page.locator('.ant-message-notice').filter({ hasText: /^已保存$/ });
  await expect(toast).toBeVisible();
  const title = await page.getByRole('heading', { name: '航空零部件产业园' }).boundingBox();
  const toastBox = await toast.boundingBox();
  expect(toastBox && title && toastBox.y > title.y + title.height + 200).toBe(true);

  // 2026-02-02 + 5 working days = 02-09; by 03-02, 11 working days have passed (make-up
  // Saturdays 02-14 and 02-28 included, 春节 not).
  await app.openTab('审批事项');
  const drawer = await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  await app.choose(drawer.field('状态'), '已受理');
  await app.fillDate(drawer.field('受理日期'), '2026-02-02');
  await drawer.field('时限天数').fill('5');
  await drawer.save();
  await expect(drawer.root).toBeHidden();
  const row = app.tableRow('施工图联合审查');
  await expect(row).toContainText('2026-02-09 到期');
  await expect(row).toContainText('已逾期 11 个工作日');

  await page.goto('./#/projects');
  const projectRow = app.tableRow('航空零部件产业园');
  await expect(projectRow).toContainText('事项已办结 0/7');
  await expect(projectRow).toContainText('李红（区住建局）');
  await page.getByLabel('代办员').click();
  await expect(app.option('李红（区住建局）')).toBeVisible();
});

test('one id per element with a form and a drawer open; labels reach their own fields', async ({
  page,
}) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('滨江商务区地下空间', ['施工许可']);
  await app.openTab('审批事项');
  const drawer = await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  // The project's 概况 form (名称, 备注…) is on the page under the drawer.
  await expect(page.locator('#project_notes')).toHaveCount(1);
  expect(await duplicateIds(page)).toEqual([]);
  await drawer.root.getByText('备注', { exact: true }).click();
  await expect(drawer.root.getByLabel('备注', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer.root).toBeHidden();

  await app.openTab('办理记录');
  const form = page.getByRole('form', { name: '记录办理情况' });
  await form.getByLabel('办理情况').fill('与建设单位对接施工图审查');
  await form.getByRole('button', { name: '保存记录' }).click();
  await app.step('与建设单位对接施工图审查').getByRole('button', { name: '编辑' }).click();
  await expect(page.getByRole('dialog', { name: '编辑办理记录' })).toBeVisible();
  expect(await duplicateIds(page)).toEqual([]);
});

test('icons are named in Chinese; catalog names use full-width brackets', async ({ page }) => {
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('数据中心二期', ['施工许可']);
  await expect(page.getByRole('button', { name: '返回重点项目列表' })).toBeVisible();
  await app.openTab('审批事项');
  await expect(page.getByRole('img', { name: '修改记录' }).first()).toBeVisible();
  expect(await englishIconNames(page)).toEqual([]);
  await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  await expect(page.locator('.anticon-calendar').first()).toHaveAttribute('aria-label', '日历');
  expect(await englishIconNames(page)).toEqual([]);
  await page.keyboard.press('Escape');

  for (const path of ['#/workbench', '#/projects', '#/board', '#/sync', '#/settings?tab=catalog']) {
    await page.goto(`./${path}`);
    await expect(page.getByRole('menu')).toBeVisible();
    await expect(page.locator('[role="img"][aria-label]').first()).toBeAttached();
    expect(await englishIconNames(page), path).toEqual([]);
    // Named, not just called 图标 (the name of an icon nobody named yet).
    expect(await page.locator('[role="img"][aria-label="图标"]').count(), path).toBe(0);
  }
  await expect(app.tableRow('企业投资项目核准（目录内项目）')).toBeVisible();
  await expect(app.tableRow('建筑工程施工许可证（可分阶段）')).toBeVisible();
});

test('when the data on this computer cannot be opened, the window says so instead of spinning', async ({
  page,
}) => {
  // IndexedDB refusing to open (a full disk, a damaged profile): injected, as it cannot be made to
  // happen on demand.
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
  });
  await page.goto('/');
  await expect(page.getByText('本机数据没能打开')).toBeVisible();
  await expect(page.getByText('数据没有改动。请关闭本应用的其他窗口后重新加载')).toBeVisible();
  await expect(page.getByText(/QuotaExceededError/)).toBeVisible();
  await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
});
