import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app.page';
import { expectOpened } from './pages/dialogs';
import { ServerSyncPage } from './pages/server-sync.page';
import { SyncServer } from './support/sync-server';

/**
 * Which servers the app reaches in the clear: plain http:// only on this computer or a private
 * network, refused in Chinese elsewhere, and 设置 says so for as long as the team server is
 * reached over it.
 */

test('plain http:// to a public address is refused, in Chinese, before anything is sent', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sync = new ServerSyncPage(page);
  await app.open();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('sync.example.gov.cn')) requests.push(request.url());
  });
  await sync.open();
  await sync.card().getByLabel('服务器地址').fill('http://sync.example.gov.cn:8787');
  await sync.card().getByLabel('加入码').fill('ABCD-EFGH-JKMN-PQRS');
  await sync.card().getByRole('button', { name: '加入团队服务器' }).click();
  await expect(page.getByTestId('server-sync-problem')).toHaveText(
    '不能用未加密的 http:// 连接该地址：http:// 只限本机或内网地址（10.x、172.16–172.31.x、192.168.x、fc00::/7、localhost），其他服务器请用 https://',
  );
  await expect(page.getByTestId('sync-status')).toHaveText(/未连接服务器/);
  expect(requests).toEqual([]);

  await app.goTo('设置');
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  await expect(page.getByTestId('plain-http-warning')).toHaveCount(0);
});

test('设置 warns while the team server is reached over plain http://, and stops once it is left', async ({
  page,
}) => {
  test.slow();
  const server = await SyncServer.start();
  try {
    const app = new AppPage(page);
    const sync = new ServerSyncPage(page);
    await app.open();
    const team = await server.createTeam('城区帮办代办团队');
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await sync.join(server.url, await server.joinCode(team, '办公室电脑'));
    await sync.expectSynced();

    await app.goTo('设置');
    const warning = page.getByTestId('plain-http-warning');
    await expect(warning).toContainText(`团队服务器 ${server.url} 经未加密的 http:// 连接`);
    await expect(warning).toContainText('请管理员为服务器启用 https://');

    await sync.open();
    await sync.card().getByRole('button', { name: '退出服务器' }).click();
    const confirm = page.getByRole('dialog', { name: '退出服务器' });
    await expectOpened(confirm);
    await confirm.getByRole('button', { name: '退出服务器' }).click();
    await expect(page.getByTestId('sync-status')).toHaveText(/未连接服务器/);
    await app.goTo('设置');
    await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
    await expect(warning).toHaveCount(0);
  } finally {
    server.stop();
  }
});
