import { expect, test, type Page } from '@playwright/test';
import { ProjectRecordsPage } from './pages/project-records.page';
import { RecordFormPage } from './pages/record-form.page';

type Shown = { title: string; body: string };

/**
 * The page's Notification API, observed: every notification constructed is recorded in
 * localStorage (so reloads keep the record), and the last one can be clicked. Permission is
 * granted, as a user would when the browser asks.
 */
function observeNotifications(page: Page) {
  return page.addInitScript(() => {
    const key = 'e2e.notifications';
    const shown: { onclick: (() => void) | null }[] = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission() {
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      onclose: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        const list = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown[];
        list.push({ title, body: options?.body ?? '' });
        localStorage.setItem(key, JSON.stringify(list));
        shown.push(this);
      }
      close() {}
    }
    Object.assign(window, {
      Notification: RecordedNotification,
      clickLastNotification: () => shown.at(-1)?.onclick?.(),
    });
  });
}

function shownNotifications(page: Page): Promise<Shown[]> {
  return page.evaluate(
    () => JSON.parse(localStorage.getItem('e2e.notifications') ?? '[]') as Shown[],
  );
}

/** useToday looks at the clock every 30 s: a minute on, every screen has the new day. */
async function moveTo(app: ProjectRecordsPage, date: string) {
  await app.setToday(date);
  await app.page.clock.runFor(31_000);
}

test('a reminder fires once per tier, not again after a reload, and not when turned off', async ({
  page,
}) => {
  test.slow(); // several days, reloads and settings
  await observeNotifications(page);
  const app = new ProjectRecordsPage(page);
  // Monday 2026-03-02; accepted today with 5 working days, 施工图联合审查 is due Monday 03-09.
  await app.start();
  await app.createProject('智能装备产业园一期', ['施工许可']);
  await app.openTab('审批事项');
  const drawer = await RecordFormPage.openItemDrawer(page, '施工图联合审查');
  await app.choose(drawer.field('状态'), '已受理');
  await app.fillDate(drawer.field('受理日期'), '2026-03-02');
  await drawer.field('时限天数').fill('5');
  await drawer.save();
  await expect(drawer.root).toBeHidden();
  const itemRow = app.tableRow('施工图联合审查');
  await expect(itemRow).toContainText('2026-03-09 到期');
  expect(await shownNotifications(page)).toEqual([]);

  // Thursday 03-05: 3 working days left, within 预警 (3 by default) — one reminder.
  await moveTo(app, '2026-03-05');
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'warning');
  await expect.poll(() => shownNotifications(page)).toHaveLength(1);
  const [warning] = await shownNotifications(page);
  expect(warning?.title).toBe('预警：施工图联合审查');
  expect(warning?.body).toContain(
    '智能装备产业园一期 · 审批事项 · 剩 2 个工作日（2026-03-09 到期）',
  );

  // Clicking it opens the record: its project, the 审批事项 tab, the item's drawer.
  await page.goto('./#/workbench');
  await page.evaluate(() =>
    (window as unknown as { clickLastNotification(): void }).clickLastNotification(),
  );
  await expect(page.getByRole('tab', { name: /审批事项/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(
    page.getByRole('dialog').filter({ hasText: '审批事项：施工图联合审查' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // Still 预警 the next day and after a reload: nothing new.
  await moveTo(app, '2026-03-06');
  await page.reload();
  await expect(page.getByRole('heading', { name: '智能装备产业园一期' })).toBeVisible();
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'warning');
  await page.clock.runFor(31_000);
  expect(await shownNotifications(page)).toHaveLength(1);

  // Tuesday 03-10: 逾期 — the second and last reminder of this item.
  await moveTo(app, '2026-03-10');
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'overdue');
  await expect.poll(() => shownNotifications(page)).toHaveLength(2);
  const overdue = (await shownNotifications(page))[1];
  expect(overdue?.title).toBe('逾期：施工图联合审查');
  expect(overdue?.body).toContain('已逾期 1 个工作日');
  await page.reload();
  await expect(itemRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'overdue');
  await moveTo(app, '2026-03-11');
  expect(await shownNotifications(page)).toHaveLength(2);

  // Turned off: another item goes 预警 and 逾期 without a word.
  await page.goto('./#/settings');
  const toggle = page.getByRole('switch', { name: /进入“预警”或“逾期”时弹出桌面通知/ });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await app.reopen('审批事项');
  const second = await RecordFormPage.openItemDrawer(page, '建筑工程施工许可证（可分阶段）');
  await app.choose(second.field('状态'), '已受理');
  await app.fillDate(second.field('受理日期'), '2026-03-11');
  await second.field('时限天数').fill('1');
  await second.save();
  await expect(second.root).toBeHidden();
  const secondRow = app.tableRow('建筑工程施工许可证（可分阶段）');
  await expect(secondRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'warning');
  await moveTo(app, '2026-03-16');
  await expect(secondRow.locator('[data-tier]')).toHaveAttribute('data-tier', 'overdue');
  await page.clock.runFor(31_000);
  expect(await shownNotifications(page)).toHaveLength(2);

  // Turned on again, what passed while off stays quiet: only what is new from now on — the next
  // reminder is a third item's, and nothing came before it.
  await page.goto('./#/settings');
  await toggle.click();
  await expect(toggle).toBeChecked();
  await page.clock.runFor(31_000);
  await app.reopen('审批事项');
  const third = await RecordFormPage.openItemDrawer(page, '雷电防护装置设计审核');
  await app.choose(third.field('状态'), '已受理');
  await app.fillDate(third.field('受理日期'), '2026-03-16');
  await third.field('时限天数').fill('1');
  await third.save();
  await expect(third.root).toBeHidden();
  await expect.poll(() => shownNotifications(page)).toHaveLength(3);
  expect((await shownNotifications(page)).map((shown) => shown.title)).toEqual([
    '预警：施工图联合审查',
    '逾期：施工图联合审查',
    '预警：雷电防护装置设计审核',
  ]);
});

test('what turned while the app was closed comes as one summary, which opens 工作台', async ({
  page,
}) => {
  await observeNotifications(page);
  const app = new ProjectRecordsPage(page);
  await app.start();
  await app.createProject('冷链物流中心', ['施工许可']);
  await app.openTab('审批事项');
  for (const name of ['施工图联合审查', '建筑工程施工许可证（可分阶段）']) {
    const drawer = await RecordFormPage.openItemDrawer(page, name);
    await app.choose(drawer.field('状态'), '已受理');
    await app.fillDate(drawer.field('受理日期'), '2026-03-02');
    await drawer.field('时限天数').fill('5');
    await drawer.save();
    await expect(drawer.root).toBeHidden();
  }
  await expect(app.tableRow('施工图联合审查')).toContainText('2026-03-09 到期');

  // "Closed" until 03-11: both went 预警 and 逾期 meanwhile. Opening shows one notification.
  await page.goto('about:blank');
  await app.setToday('2026-03-11');
  await page.goto('./#/workbench');
  await expect(page.getByRole('row').filter({ hasText: '施工图联合审查' })).toContainText('逾期');
  await expect.poll(() => shownNotifications(page)).toHaveLength(1);
  const [summary] = await shownNotifications(page);
  expect(summary?.title).toBe('帮代通：2 项逾期');
  expect(summary?.body).toContain('冷链物流中心');
  await page.clock.runFor(31_000);
  expect(await shownNotifications(page)).toHaveLength(1);

  await page.goto('./#/settings');
  await page.evaluate(() =>
    (window as unknown as { clickLastNotification(): void }).clickLastNotification(),
  );
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
});
