import { readFile } from 'node:fs/promises';
import { expect, test as base } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { ServerSyncPage } from './pages/server-sync.page';
import { SyncServer } from './support/sync-server';

/**
 * Writes planted in the server's storage that this computer cannot trust: set aside in a
 * visible quarantine on 同步 (how many, from which computer, when, why, a file for the admin),
 * while the rest keeps syncing.
 */

const test = base.extend<{ server: SyncServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  server: async ({}, use) => {
    const server = await SyncServer.start();
    await use(server);
    server.stop();
  },
});

/** A timestamp of the current minute with a node no computer of the team has. */
const stamp = (offset: number) =>
  `${new Date(Date.now() - 60_000 + offset).toISOString()}-0000-7e57ab1e7e57ab1e`;

test('poisoned writes on the server are set aside, shown with their count in 同步, and saved for the admin', async ({
  page,
  server,
}) => {
  test.slow();
  const app = new AppPage(page);
  const sync = new ServerSyncPage(page);
  await app.open();
  const team = await server.createTeam('城区帮办代办团队');
  await sync.join(server.url, await server.joinCode(team, '办公室电脑'));
  await app.createProject({ name: '冷链物流中心', ownerCompany: '某冷链物流有限公司' });
  await sync.expectSynced();

  const poisoned = [stamp(1), stamp(2)];
  server.plant(team, poisoned[0]!, [1]);
  server.plant(team, poisoned[1]!, 'c2VhbGVkIGJ5IG5vYm9keSBoZXJlIGF0IGFsbCEhIQ==');
  await sync.open();
  await sync.card().getByRole('button', { name: '立即同步' }).click();

  const quarantine = page.getByTestId('quarantine');
  await expect(page.getByTestId('quarantine-count')).toHaveText(
    '服务器发来的 2 项修改无法解密、解读或校验，已隔离，没有应用；其余修改照常同步。',
    { timeout: 30_000 },
  );
  await expect(
    quarantine.getByRole('cell', { name: '未知电脑（节点 7e57ab1e7e57ab1e）' }),
  ).toHaveCount(2);
  await expect(quarantine.getByRole('cell', { name: '格式有误' })).toBeVisible();
  await expect(
    quarantine.getByRole('cell', { name: '团队未启用加密，这项修改却是密文' }),
  ).toBeVisible();
  // The rest still syncs: a later edit goes up, and the state is 已同步, not 出错.
  await app.createProject({ name: '智能装备产业园', ownerCompany: '某科技有限公司' });
  await sync.expectSynced();

  await sync.open();
  const download = page.waitForEvent('download');
  await quarantine.getByRole('button', { name: '保存给管理员的文件' }).click();
  const file = JSON.parse(await readFile(await (await download).path(), 'utf8')) as {
    kind: string;
    writes: { ts: string; reason: string; payload: unknown }[];
  };
  expect(file.kind).toBe('daiban-quarantine');
  expect(file.writes.map(({ ts, reason, payload }) => [ts, reason, payload]).sort()).toEqual([
    [poisoned[0], 'malformed', [1]],
    [poisoned[1], 'sealedInPlainTeam', 'c2VhbGVkIGJ5IG5vYm9keSBoZXJlIGF0IGFsbCEhIQ=='],
  ]);
});
