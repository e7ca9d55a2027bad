import { expect, test as base, type Browser, type Page } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { ServerSyncPage } from './pages/server-sync.page';
import { SyncServer } from './support/sync-server';
import { TcpProxy } from './support/tcp-proxy';

/**
 * Two (and three) computers and the real sync server, with no sync button pressed: edits made
 * offline converge once the network is back; the server killed in the middle of a round comes
 * back and loses nothing it acknowledged; bad tokens get 401 and nothing else; a new computer
 * fills itself with a progress bar.
 */

const test = base.extend<{ server: SyncServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies first
  server: async ({}, use) => {
    const server = await SyncServer.start();
    await use(server);
    server.stop();
  },
});

type Computer = { app: AppPage; sync: ServerSyncPage; page: Page; close(): Promise<void> };

async function computer(browser: Browser, user: { name: string; unit: string }): Promise<Computer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open('/workbench', user);
  return { app, sync: new ServerSyncPage(page), page, close: () => context.close() };
}

function onPage(page: Page): Computer {
  return {
    app: new AppPage(page),
    sync: new ServerSyncPage(page),
    page,
    close: () => Promise.resolve(),
  };
}

async function openProject(app: AppPage, name: string) {
  await app.goTo('重点项目');
  await app.page.getByRole('link', { name }).click();
  await expect(app.page.getByRole('heading', { name, level: 3 })).toBeVisible();
}

async function saveField(app: AppPage, label: string, value: string) {
  await app.page.getByLabel(label).fill(value);
  await app.page.getByRole('button', { name: '保存' }).click();
  await expect(app.page.getByText('有尚未保存的修改')).toBeHidden();
}

/** This computer's token, as its database holds it (for asking the server as an outsider would). */
function tokenOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('daiban');
        open.onerror = () => reject(new Error('no database'));
        open.onsuccess = () => {
          const read = open.result.transaction('device').objectStore('device').get('server');
          read.onsuccess = () => resolve((read.result as { value: { token: string } }).value.token);
          read.onerror = () => reject(new Error('no server config'));
        };
      }),
  );
}

test('two computers edit offline and converge through the server with no user action', async ({
  page,
  browser,
  server,
}) => {
  test.slow();
  const office = onPage(page);
  await office.app.open();
  // Data of its own before joining: kept and shared, not wiped.
  await office.app.createProject({ name: '冷链物流中心', ownerCompany: '某冷链物流有限公司' });
  await expect(page.getByTestId('sync-status')).toHaveText(/未连接服务器/);

  const team = await server.createTeam('城区帮办代办团队');
  await office.sync.join(server.url, await server.joinCode(team, '办公室电脑'));
  await office.sync.expectSynced();

  const site = await computer(browser, { name: '李四', unit: '区审批局' });
  await site.sync.join(server.url, await server.joinCode(team, '现场电脑'));
  await site.sync.expectSynced();
  await site.app.goTo('重点项目');
  await expect(site.app.projectRow('冷链物流中心')).toBeVisible();

  // Both go offline and edit different fields of the same project.
  await page.context().setOffline(true);
  await site.page.context().setOffline(true);
  await openProject(office.app, '冷链物流中心');
  await saveField(office.app, '建设单位', '某冷链物流集团');
  await openProject(site.app, '冷链物流中心');
  await saveField(site.app, '建设地点', '经开区纬三路');
  await expect(office.sync.state()).toHaveText('离线', { timeout: 20_000 });
  await expect(office.sync.pending()).toHaveText('待上传 1 项');
  await expect(site.sync.state()).toHaveText('离线', { timeout: 20_000 });

  // The network returns: nobody presses anything.
  await page.context().setOffline(false);
  await office.sync.expectSynced();
  await site.page.context().setOffline(false);
  await site.sync.expectSynced();
  for (const { app } of [office, site]) {
    await openProject(app, '冷链物流中心');
    await expect(app.page.getByLabel('建设单位')).toHaveValue('某冷链物流集团', {
      timeout: 45_000,
    });
    await expect(app.page.getByLabel('建设地点')).toHaveValue('经开区纬三路', { timeout: 45_000 });
  }
  await site.close();
});

test('the server killed during a round comes back with everything it acknowledged; the computers recover by themselves', async ({
  page,
  browser,
  server,
}) => {
  test.slow();
  // The app reaches the server through a relay that can keep the server's answers back.
  const relay = await TcpProxy.start(() => server.port);
  const office = onPage(page);
  await office.app.open();
  const team = await server.createTeam('城区帮办代办团队');
  await office.sync.join(relay.url, await server.joinCode(team, '办公室电脑'));
  await office.app.createProject({ name: '智能装备产业园', ownerCompany: '某科技有限公司' });
  await office.sync.expectSynced();

  // The next round's request is handled (its write committed), and the server dies before
  // the answer reaches the computer.
  relay.holdAnswers();
  await office.app.createProject({ name: '物流中心二期', ownerCompany: '某物流有限公司' });
  await expect.poll(() => relay.heldBytes(), { timeout: 20_000 }).toBeGreaterThan(0);
  server.kill();
  relay.release();
  await expect(office.sync.state()).toHaveText('出错', { timeout: 20_000 });
  await expect(office.sync.error()).toContainText('无法连接同步服务器');
  await expect(office.sync.pending()).toHaveText('待上传 1 项');
  await server.restart();
  await office.sync.expectSynced(60_000);

  // A computer joining now gets both: what was acknowledged before the kill, and what was
  // committed but unanswered (sent again, stored once).
  const third = await computer(browser, { name: '赵六', unit: '某街道' });
  await third.sync.join(server.url, await server.joinCode(team, '新电脑'));
  await third.sync.expectSynced();
  await third.app.goTo('重点项目');
  await expect(third.app.projectRow('智能装备产业园')).toBeVisible();
  await expect(third.app.projectRow('物流中心二期')).toBeVisible();
  await expect(third.app.page.getByRole('row').filter({ hasText: '物流中心二期' })).toHaveCount(1);
  await third.close();
  await relay.stop();
});

test('a missing, wrong or revoked token gets 401 and nothing else; the revoked computer says so', async ({
  page,
  server,
  request,
}) => {
  const office = onPage(page);
  await office.app.open();
  const team = await server.createTeam('城区帮办代办团队');
  await office.sync.join(server.url, await server.joinCode(team, '办公室电脑'));
  await office.app.createProject({ name: '保密项目', ownerCompany: '某公司' });
  await office.sync.expectSynced();
  const token = await tokenOf(page);

  const ask = (authorization?: string) =>
    request.post(`${server.url}/sync`, {
      headers: authorization ? { Authorization: authorization } : {},
      data: { protocol: 2, node: 'e2e0000000000001', since: '1970-01-01T00:00:00.000Z' },
    });
  const allowed = await ask(`Bearer ${token}`);
  expect(allowed.status()).toBe(200);
  expect(await allowed.text()).toContain('writes');
  for (const authorization of [undefined, 'Bearer dbd_wrong', `Bearer ${token}x`, token]) {
    const refused = await ask(authorization);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ error: 'unauthorized' });
  }

  await server.admin('revoke-device', team, '办公室电脑');
  const revoked = await ask(`Bearer ${token}`);
  expect(revoked.status()).toBe(401);
  const body = await revoked.text();
  expect(JSON.parse(body)).toEqual({ error: 'revoked' });
  expect(body).not.toContain('保密');

  // The computer's next round (after an edit) is refused, and it says why, in Chinese.
  await office.app.createProject({ name: '又一个项目', ownerCompany: '某公司' });
  await expect(office.sync.state()).toHaveText('出错', { timeout: 20_000 });
  await expect(office.sync.error()).toHaveText(
    '本机已被管理员停用，不再同步。如有疑问请联系管理员',
  );
});

test('a new computer joins and fills itself from the server, with a progress bar', async ({
  page,
  server,
  request,
}) => {
  test.slow();
  await server.restart({ pageWrites: 10 }); // small pages, so the fill takes a couple of hundred
  const team = await server.createTeam('城区帮办代办团队');
  // Another computer's 2,000 helper-agents, sent straight to the server.
  const joined = await request.post(`${server.url}/join`, {
    data: {
      protocol: 2,
      node: '1000000000000001',
      code: await server.joinCode(team, '录入电脑'),
      deviceName: '录入电脑',
    },
  });
  const { token } = (await joined.json()) as { token: string };
  const base = Date.parse('2026-11-20T01:00:00Z');
  for (let start = 0; start < 2_000; start += 200) {
    const writes = Array.from({ length: 200 }, (_, offset) => {
      const index = start + offset;
      const ts = `${new Date(base + index * 1_000).toISOString()}-0000-1000000000000001`;
      const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      return [
        ts,
        [
          [
            'helperAgents',
            id,
            {
              name: `代办员${index}`,
              unit: '某镇',
              phone: '',
              active: true,
              createdAt: ts.slice(0, 24),
              deleted: false,
            },
          ],
        ],
      ];
    });
    const sent = await request.post(`${server.url}/sync`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { protocol: 2, node: '1000000000000001', writes },
    });
    expect(sent.status()).toBe(200);
  }

  const fresh = onPage(page);
  await fresh.app.open('/workbench', { name: '赵六', unit: '某街道' });
  // The fill may be over before a poll would see it: every text the progress bar shows is noted.
  await fresh.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="server-sync-progress"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await fresh.sync.join(server.url, await server.joinCode(team, '新电脑'));
  await fresh.sync.expectSynced(60_000);
  const seen = await fresh.page.evaluate(
    () => (window as unknown as { progressSeen: string[] }).progressSeen,
  );
  // The bar showed during the fill, counted against the 2,000 writes to fetch.
  expect(
    seen.some((text) => /正在从服务器接收数据：\d+ \/ 2000/.test(text)),
    seen.join(' | '),
  ).toBe(true);
  await fresh.app.goTo('设置');
  await fresh.page.getByRole('tab', { name: '代办员' }).click();
  // Every one of the 2,000 arrived (the list itself shows them a page at a time).
  await expect(fresh.page.getByText('共 2000 人，在岗 2000 人')).toBeVisible();
  await expect(fresh.page.getByText('代办员0', { exact: true })).toBeVisible();
});

test('with two windows open, one syncs for both; when it closes, the other takes over', async ({
  page,
  server,
}) => {
  test.slow();
  const first = onPage(page);
  await first.app.open();
  const team = await server.createTeam('城区帮办代办团队');
  await first.sync.join(server.url, await server.joinCode(team, '办公室电脑'));
  await first.sync.expectSynced();

  const second = onPage(await page.context().newPage());
  await second.app.open();
  const rounds = new Map<Page, number>([
    [first.page, 0],
    [second.page, 0],
  ]);
  for (const tab of rounds.keys()) {
    tab.on('request', (request) => {
      if (request.url() === `${server.url}/sync`) rounds.set(tab, rounds.get(tab)! + 1);
    });
  }
  // A change in the second window is sent by the first, which leads.
  await second.app.createProject({ name: '第二个窗口的项目', ownerCompany: '某公司' });
  await expect.poll(() => rounds.get(first.page), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(second.sync.pending()).toContainText('上次同步', { timeout: 20_000 });
  expect(rounds.get(second.page)).toBe(0);

  await first.page.close();
  await second.app.createProject({ name: '只剩一个窗口时的项目', ownerCompany: '某公司' });
  await expect.poll(() => rounds.get(second.page), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(second.sync.pending()).toContainText('上次同步', { timeout: 20_000 });
});
