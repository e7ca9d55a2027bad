import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicyFor } from '../shared/security/content-security-policy';
import { withAppHeaders } from './app-request';
import {
  isNetworkRequestAllowed,
  loadSyncServer,
  saveSyncServer,
  syncServerFile,
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
