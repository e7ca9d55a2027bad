import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import type { SyncFileEntry } from '../shared/sync/sync-entries';
import { createSyncFileFromEntries } from '../shared/sync/sync-file';
import { formatTimestamp } from '../shared/sync/timestamp';
import { AppPage } from './pages/app.page';
import { dataOf, SyncPage, type SyncFileJson } from './pages/sync.page';

/**
 * Sync files made by hand or by an attacker, imported in Chromium: each is parked or refused in
 * Chinese, never a hang or a page error, and a refusal changes nothing.
 */

const producer = 'f00dfeedc0ffee01';
const now = Date.now();
const stamp = (counter: number) =>
  formatTimestamp({ millis: now + 10 * 60_000, counter, node: producer });

/** A file of the team `of` belongs to, from a device of its own, holding `entries`. */
function craft(of: SyncFileJson, entries: SyncFileEntry[]) {
  return createSyncFileFromEntries(
    {
      team: of.team,
      producer: { node: producer, name: '手工制作' },
      createdAt: new Date(now).toISOString(),
      appVersion: '0.3.0',
      minAppVersion: '0.2.0',
    },
    entries,
  );
}

test('names like toString, valueOf, hasOwnProperty, constructor and __proto__ are parked or refused in Chinese', async ({
  page,
}, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const app = new AppPage(page);
  const sync = new SyncPage(page);
  await app.open();
  await app.createProject({ name: '智能装备产业园', ownerCompany: '某某科技有限公司' });
  const own = await sync.exportTo('核对', testInfo.outputPath('own.json'), { everything: true });
  const projectId = own.messages.find(([table]) => table === 'projects')![1];

  // Refused: a known table's record under an id no record has, and the names no object may take.
  const refusals: [string, SyncFileEntry, string][] = [
    [
      'id-tostring.json',
      ['approvalItems', 'toString', [[stamp(1), { name: 'x' }]]],
      '第 2 条记录（审批事项）的记录编号不是有效的编号',
    ],
    [
      'id-constructor.json',
      ['projects', 'constructor', [[stamp(1), { name: 'x' }]]],
      '不允许的名称',
    ],
    // JSON.parse keeps `__proto__` as an own key (an object literal would set the prototype).
    [
      'field-proto.json',
      [
        'projects',
        '3f2c1b6e-8d4a-4c1e-9b2f-7a6d5e4c3b2a',
        [[stamp(1), JSON.parse('{"__proto__": 1}') as Record<string, 1>]],
      ],
      '不允许的名称',
    ],
  ];
  for (const [name, bad, reason] of refusals) {
    const entries: SyncFileEntry[] = [
      ['projects', projectId, [[stamp(0), { leaderInCharge: '李副区长' }]]],
      bad,
    ];
    const text = await craft(own, entries);
    const path = testInfo.outputPath(name);
    await writeFile(path, text);
    const dialog = await sync.choose(path);
    await expect(dialog).toContainText(`无法导入“${name}”：`);
    await expect(dialog).toContainText(reason);
    await expect(dialog).toContainText('本机数据没有任何改动');
    await sync.dismiss(dialog);
  }
  const unchanged = await sync.exportTo('核对', testInfo.outputPath('after.json'), {
    everything: true,
  });
  expect(dataOf(unchanged)).toEqual(dataOf(own));

  // Parked: tables and fields this version does not know, whatever they are called.
  const parked: SyncFileEntry[] = [
    ['projects', projectId, [[stamp(0), { leaderInCharge: '李副区长', toString: 'x' }]]],
    ['toString', 'valueOf', [[stamp(1), { hasOwnProperty: 1 }]]],
    ['valueOf', 'toString', [[stamp(2), { valueOf: 2 }]]],
    ['hasOwnProperty', 'hasOwnProperty', [[stamp(3), { toString: 3 }]]],
  ];
  const path = testInfo.outputPath('parked.json');
  await writeFile(path, await craft(own, parked));
  const preview = await sync.importFile(path);
  expect(preview).toContain('本版本不认识的更改 4 项：保留，升级后生效');
  await app.goTo('重点项目');
  await page.getByRole('link', { name: '智能装备产业园' }).click();
  await expect(page.getByLabel('包抓领导')).toHaveValue('李副区长');
  expect(errors).toEqual([]);
});
