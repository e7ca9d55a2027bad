import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor } from '../shared/security/content-security-policy';
import { withAppHeaders } from './app-request';
import {
  allowButton,
  answerPermits,
  createSyncServerGate,
  decideSyncServerChange,
  isNetworkRequestAllowed,
  loadSyncServer,
  saveSyncServer,
  syncServerDialog,
  syncServerFile,
  type SyncServerDialog,
} from './sync-server';

const server = 'https://sync.example.gov.cn';

describe('the desktop reaches exactly the configured sync server', () => {
  it('allows requests to its origin only', () => {
    expect(isNetworkRequestAllowed(`${server}/sync`, server)).toBe(true);
    expect(isNetworkRequestAllowed(`${server}:443/health`, server)).toBe(true);
    for (const url of [
      'https://sync.example.gov.cn:8443/sync',
      'http://sync.example.gov.cn/sync',
      'https://evil.example/sync',
      'https://sync.example.gov.cn.evil.example/sync',
      'https://evil.example/?https://sync.example.gov.cn',
      'https://user:pw@sync.example.gov.cn/sync',
      'wss://sync.example.gov.cn/',
      'not a url',
    ]) {
      expect(isNetworkRequestAllowed(url, server), url).toBe(false);
    }
  });

  it('allows no network request at all while no server is configured', () => {
    expect(isNetworkRequestAllowed(`${server}/sync`, null)).toBe(false);
    expect(isNetworkRequestAllowed('http://127.0.0.1:8787/sync', null)).toBe(false);
  });

  it('sends the CSP with the server in every app:// response', () => {
    const headers = withAppHeaders(new Headers(), server);
    expect(headers.get('Content-Security-Policy')).toBe(contentSecurityPolicyFor(server));
    expect(withAppHeaders(new Headers()).get('Content-Security-Policy')).toBe(
      contentSecurityPolicyFor(null),
    );
  });
});

describe('the saved server', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const made = mkdtempSync(path.join(os.tmpdir(), 'daiban-sync-server-'));
    folders.push(made);
    return made;
  };

  it('survives a restart, and is forgotten when set to none', async () => {
    const file = syncServerFile(folder());
    expect(await loadSyncServer(file)).toBeNull();
    await saveSyncServer(file, server);
    expect(await loadSyncServer(file)).toBe(server);
    await saveSyncServer(file, null);
    expect(await loadSyncServer(file)).toBeNull();
  });

  it('ignores a file that holds anything but an origin', async () => {
    const file = syncServerFile(folder());
    for (const text of ['{', '{"origin":"https://a.example/path"}', '{"origin":5}', '[]']) {
      writeFileSync(file, text);
      expect(await loadSyncServer(file)).toBeNull();
    }
  });
});

describe('a new sync-server origin needs the user’s yes', () => {
  const none = new Set<string>();
  const other = 'https://other.example.gov.cn';

  it('asks for a new origin, naming it, and not for the one allowed already or for none', () => {
    expect(decideSyncServerChange({ current: server, declined: none }, server)).toEqual({
      action: 'keep',
    });
    expect(decideSyncServerChange({ current: null, declined: none }, null)).toEqual({
      action: 'keep',
    });
    expect(decideSyncServerChange({ current: server, declined: none }, null)).toEqual({
      action: 'clear',
    });
    const asked = decideSyncServerChange({ current: null, declined: none }, server);
    expect(asked).toMatchObject({ action: 'ask', origin: server });
    expect(asked.action === 'ask' && asked.dialog.message).toContain(server);
    // Switching servers is a change too, and the dialog names both.
    const switched = decideSyncServerChange({ current: server, declined: none }, other);
    expect(switched.action === 'ask' && switched.dialog.message).toContain(other);
    expect(switched.action === 'ask' && switched.dialog.detail).toContain(server);
  });

  it('does not ask again for an origin the user declined since the app started', () => {
    expect(decideSyncServerChange({ current: null, declined: new Set([server]) }, server)).toEqual({
      action: 'decline',
    });
    expect(
      decideSyncServerChange({ current: null, declined: new Set([server]) }, other),
    ).toMatchObject({ action: 'ask' });
  });

  it('never asks about what is not an origin the app may reach', () => {
    for (const requested of [
      'http://sync.example.gov.cn',
      'https://sync.example.gov.cn/sync',
      'https://sync.example.gov.cn:443',
      'file:///etc/passwd',
      'app://daiban',
    ]) {
      expect(
        decideSyncServerChange({ current: null, declined: none }, requested),
        requested,
      ).toEqual({ action: 'invalid' });
    }
  });

  it('defaults to 取消, and only the allow button allows', () => {
    const dialog = syncServerDialog(server, null);
    expect(dialog.buttons[allowButton]).toBe('允许连接');
    expect(dialog.defaultId).not.toBe(allowButton);
    expect(dialog.cancelId).not.toBe(allowButton);
    expect(dialog.buttons[dialog.cancelId]).toBe('取消');
    expect(answerPermits(allowButton)).toBe(true);
    expect(answerPermits(dialog.cancelId)).toBe(false);
    expect(answerPermits(-1)).toBe(false);
  });

  it('warns in the dialog when the address is plain http (a private network)', () => {
    const plain = syncServerDialog('http://192.168.1.20:8787', null);
    expect(plain.type).toBe('warning');
    expect(plain.detail).toContain('未加密的 http://');
    expect(syncServerDialog(server, null).detail).not.toContain('http://');
  });

  it('names an internationalised host in its xn-- form, as it will be allowed', () => {
    const origin = new URL('https://同步.例子.中国').origin;
    expect(origin).toMatch(/^https:\/\/xn--/);
    expect(syncServerDialog(origin, null).message).toContain(origin);
  });
});

describe('the gate main keeps the origin in', () => {
  function gate(initial: string | null = null) {
    const saved: (string | null)[] = [];
    const gated = createSyncServerGate({
      initial,
      save: (origin) => {
        saved.push(origin);
        return Promise.resolve();
      },
    });
    return { gated, saved };
  }
  const answering = (response: number, asked: SyncServerDialog[] = []) => {
    return (dialog: SyncServerDialog) => {
      asked.push(dialog);
      return Promise.resolve(response);
    };
  };

  it('allows and saves an origin the user allows', async () => {
    const { gated, saved } = gate();
    const asked: SyncServerDialog[] = [];
    expect(await gated.request(server, answering(allowButton, asked))).toEqual({
      status: 'allowed',
    });
    expect(gated.current()).toBe(server);
    expect(saved).toEqual([server]);
    expect(asked).toHaveLength(1);
    expect(isNetworkRequestAllowed(`${server}/sync`, gated.current())).toBe(true);
  });

  it('keeps what was allowed when the user declines, and does not ask twice', async () => {
    const { gated, saved } = gate(server);
    const asked: SyncServerDialog[] = [];
    const evil = 'https://evil.example';
    expect(await gated.request(evil, answering(1, asked))).toEqual({ status: 'declined' });
    expect(await gated.request(evil, answering(allowButton, asked))).toEqual({
      status: 'declined',
    });
    expect(asked).toHaveLength(1);
    expect(gated.current()).toBe(server);
    expect(saved).toEqual([]);
    expect(isNetworkRequestAllowed(`${evil}/sync`, gated.current())).toBe(false);
  });

  it('lets the page go back to no server without asking', async () => {
    const { gated, saved } = gate(server);
    const asked: SyncServerDialog[] = [];
    expect(await gated.request(null, answering(1, asked))).toEqual({ status: 'allowed' });
    expect(asked).toEqual([]);
    expect(gated.current()).toBeNull();
    expect(saved).toEqual([null]);
  });

  it('answers requests one at a time: two requests for one origin open one dialog', async () => {
    const { gated } = gate();
    const asked: SyncServerDialog[] = [];
    let shown: (answer: (response: number) => void) => void = () => undefined;
    const dialogShown = new Promise<(response: number) => void>((resolve) => (shown = resolve));
    const slow = (dialog: SyncServerDialog) => {
      asked.push(dialog);
      return new Promise<number>((resolve) => shown(resolve));
    };
    const first = gated.request(server, slow);
    const second = gated.request(server, slow);
    // The user answers while both requests wait.
    (await dialogShown)(allowButton);
    expect(await first).toEqual({ status: 'allowed' });
    expect(await second).toEqual({ status: 'allowed' });
    expect(asked).toHaveLength(1);
  });

  it('refuses what is not an origin, and goes on answering after it', async () => {
    const { gated } = gate();
    await expect(
      gated.request('http://sync.example.gov.cn', answering(allowButton)),
    ).rejects.toThrow(/not an origin/);
    expect(gated.current()).toBeNull();
    expect(await gated.request(server, answering(allowButton))).toEqual({ status: 'allowed' });
  });

  it('does not allow an origin it could not save', async () => {
    const gated = createSyncServerGate({
      initial: null,
      save: () => Promise.reject(new Error('disk full')),
    });
    await expect(gated.request(server, answering(allowButton))).rejects.toThrow('disk full');
    expect(gated.current()).toBeNull();
  });
});
