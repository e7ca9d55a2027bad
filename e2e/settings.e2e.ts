import { expect, test } from '@playwright/test';
import { SettingsPage } from './pages/settings.page';
import { answerDiscardQuestion } from './pages/dialogs';

// Late November 2026, when the built-in data ends with 2026 and 2027 is the year to enter. Only
// Date moves: Playwright's fake clock also takes over the timers, and IndexedDB writes then stall.
test.beforeEach(async ({ page }) => {
  await page.addInitScript((target: number) => {
    const RealDate = Date;
    const offset = target - RealDate.now();
    class ShiftedDate extends RealDate {
      constructor(...args: ConstructorParameters<DateConstructor> | []) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...args);
      }
      static override now() {
        return RealDate.now() + offset;
      }
    }
    globalThis.Date = ShiftedDate as DateConstructor;
  }, new Date('2026-11-29T10:00:00+08:00').getTime());
});

const schedule2027 = [
  '# 2027 年部分节假日安排',
  '休 2027-01-01~2027-01-03',
  '休 2027-02-06~2027-02-12 # 春节',
  '班 2027-02-14',
  '班 2027-02-20',
].join('\n');

test('a pasted 2027 schedule is listed and the 2027 warning goes away', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const warning = settings.missingYearAlert(2027);
  await expect(warning).toContainText(
    '2027 年的期限暂按法定节假日推算（含补假，调休上班日未知），仅供参考',
  );
  await expect(settings.missingYearAlert(2026)).toHaveCount(0);

  // The banner's own button leads to the editor.
  await warning.getByRole('button', { name: '录入 2027 年安排' }).click();
  const dialog = settings.dialog('录入/导入节假日安排');
  await dialog.getByRole('textbox').fill(schedule2027);
  await expect(dialog.getByTestId('schedule-preview')).toContainText(
    '将保存：2027 年，放假 10 天，调休上班 2 天',
  );
  await expect(dialog).toContainText('2027-01-01~2027-01-03、2027-02-06~2027-02-12');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  await expect(settings.row('手工录入')).toContainText('2027');
  await expect(settings.row('手工录入')).toContainText('10 天');
  await expect(settings.row('手工录入')).toContainText('2 天');
  await expect(settings.row('内置（国务院公布）')).toContainText('2004–2026');
  await expect(settings.missingYearAlert(2027)).toHaveCount(0);

  await settings.reload();
  await expect(settings.page.getByRole('tab', { name: '节假日安排' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(settings.row('手工录入')).toContainText('2027');
  await expect(settings.missingYearAlert(2027)).toHaveCount(0);

  // Opening the year again shows the same schedule as text, ready to correct.
  await settings.row('手工录入').getByRole('button', { name: '查看/修改' }).click();
  const editor = settings.dialog('2027 年节假日安排');
  await expect(editor.getByRole('textbox')).toHaveValue(
    '休 2027-01-01~2027-01-03\n休 2027-02-06~2027-02-12\n班 2027-02-14\n班 2027-02-20',
  );
  await editor.getByRole('button', { name: '取消' }).click();
});

test('a bad line gets a Chinese error naming the line, and nothing is saved', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const dialog = await settings.pasteSchedule('休 2027-01-01~2027-01-03\n放 2027-02-06');
  await expect(dialog.getByTestId('schedule-error')).toContainText('第 2 行无法识别');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByTestId('schedule-error')).toContainText('内容有误，未保存');
  await expect(dialog).toBeVisible();

  // A day in another year is refused on its own line too.
  await dialog.getByRole('textbox').fill('休 2027-01-01\n\n班 2026-12-26');
  await expect(dialog.getByTestId('schedule-error')).toContainText(
    '第 3 行的日期与前面的不在同一年',
  );
  // Typed text is not dropped without asking.
  await dialog.getByRole('button', { name: '取消' }).click();
  await answerDiscardQuestion(page, '放弃修改并关闭');
  await expect(dialog).toBeHidden();

  await expect(settings.row('手工录入')).toHaveCount(0);
  await expect(settings.missingYearAlert(2027)).toBeVisible();
  await settings.reload();
  await expect(settings.row('手工录入')).toHaveCount(0);
  await expect(settings.missingYearAlert(2027)).toBeVisible();
});

test('a helper-agent added in 设置 survives a reload', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();

  await settings.goToTab('代办员');
  await page.getByRole('button', { name: '新增代办员' }).click();
  const empty = settings.dialog('新增代办员');
  await empty.getByRole('button', { name: '保存' }).click();
  await expect(empty.getByText('必填')).toBeVisible();
  await empty.getByRole('button', { name: '取消' }).click();

  await settings.addHelperAgent({ name: '王小明', unit: '某某镇人民政府', phone: '13800000000' });
  await expect(settings.row('王小明')).toContainText('某某镇人民政府');

  await settings.reload();
  const row = settings.row('王小明');
  await expect(row).toContainText('某某镇人民政府');
  await expect(row).toContainText('13800000000');

  await row.getByRole('switch', { name: '王小明 在岗' }).click();
  await expect(row.getByRole('switch', { name: '王小明 在岗' })).not.toBeChecked();
  await settings.reload();
  await expect(
    settings.row('王小明').getByRole('switch', { name: '王小明 在岗' }),
  ).not.toBeChecked();
});

test("a catalog item's new time limit survives a reload", async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.goToTab('审批事项目录');
  const row = settings.row('建设工程规划许可证');
  await expect(row.getByTestId('catalog-time-limit')).toHaveText('10 个工作日');

  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = settings.dialog('编辑审批事项');
  await dialog.getByLabel('办理时限').fill('7');
  // antd's button-style radios hide the input itself: click the visible button.
  await dialog.getByText('日（自然日）', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: '日（自然日）' })).toBeChecked();
  await dialog.getByLabel('时限说明').fill('本地承诺 7 日');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId('catalog-time-limit')).toHaveText('7 日（自然日）');

  await settings.reload();
  const reloaded = settings.row('建设工程规划许可证');
  await expect(reloaded.getByTestId('catalog-time-limit')).toHaveText('7 日（自然日）');
  await expect(reloaded).toContainText('本地承诺 7 日');
});

test('the catalog filters by stage and text, and shows — where there is no limit', async ({
  page,
}) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.goToTab('审批事项目录');
  await page.getByText('竣工验收 8', { exact: true }).click();
  await expect(settings.row('不动产首次登记')).toBeVisible();
  await expect(settings.row('建设工程规划许可证')).toHaveCount(0);

  await page.getByText('全部 30', { exact: true }).click();
  await page.getByLabel('按事项、部门或材料筛选').fill('出让成交');
  await expect(page.getByTestId('catalog-time-limit')).toHaveText(['—']);
  await expect(page.getByText('共 1 项')).toBeVisible();
});

test('the warning days and my own details can be changed', async ({ page }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const warning = settings.card('预警设置');
  await expect(warning.getByLabel('提前预警')).toHaveValue('3');
  await warning.getByLabel('提前预警').fill('5');
  await expect(warning).toContainText('不超过 5 个工作日');
  await warning.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存预警设置')).toBeVisible();

  const me = settings.card('我的信息');
  await expect(me.getByLabel('姓名')).toHaveValue('张敏');
  await me.getByLabel('派出单位').fill('某某镇人民政府');
  await me.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存我的信息')).toBeVisible();

  await settings.reload();
  await expect(settings.card('预警设置').getByLabel('提前预警')).toHaveValue('5');
  await expect(settings.card('我的信息').getByLabel('派出单位')).toHaveValue('某某镇人民政府');
});
