import { expect, type Locator, type Page } from '@playwright/test';

/** 同步 → 团队服务器, and the sync status in the app's frame, as a user sees them. */
export class ServerSyncPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('menuitem', { name: '同步' }).click();
    await expect(this.card()).toBeVisible();
  }

  card(): Locator {
    return this.page.getByTestId('server-sync');
  }

  /** Joins the team server with an address and a one-time code (and a team passphrase). */
  async join(address: string, code: string, passphrase?: string) {
    await this.open();
    await this.card().getByLabel('服务器地址').fill(address);
    await this.card().getByLabel('加入码').fill(code);
    if (passphrase) await this.card().getByLabel('团队口令（选填）').fill(passphrase);
    await this.card().getByRole('button', { name: '加入团队服务器' }).click();
    await expect(this.card().getByText('团队', { exact: true })).toBeVisible();
  }

  /** The state shown in the frame: 已同步, 同步中, 离线 or 出错. */
  state(): Locator {
    return this.page.getByTestId('sync-state');
  }

  /** The frame's second line: what waits to be sent, or when it last synced. */
  pending(): Locator {
    return this.page.getByTestId('sync-pending');
  }

  error(): Locator {
    return this.page.getByTestId('sync-error');
  }

  /** Synced, with nothing left to send. */
  async expectSynced(timeout = 30_000) {
    await expect(this.state()).toHaveText('已同步', { timeout });
    await expect(this.pending()).toContainText('上次同步', { timeout });
  }
}
