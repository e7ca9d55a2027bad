import { describe, expect, it } from 'vitest';
import { bridgeMethods, type BridgeMethod } from '../shared/ipc/contract';
import { appEntryUrl } from './app-url';
import { authorizeIpcCall } from './ipc-authorize';

/** One valid argument per bridge method: what the renderer really sends. */
const validArguments: { [M in BridgeMethod]: unknown } = {
  appInfo: undefined,
  openJsonFile: { title: '打开数据文件' },
  saveJsonFile: { title: '导出数据文件', suggestedName: '帮代通数据.json', text: '{}' },
  openXlsxFile: { title: '导入台账' },
  saveXlsxFile: {
    title: '导出台账',
    suggestedName: '重点项目台账-20261130.xlsx',
    bytes: new Uint8Array([0x50, 0x4b]),
  },
  revealFile: { path: '/home/u/帮代通数据.json' },
  listBackups: undefined,
  saveBackup: { reason: 'daily', text: '{}', counts: { projects: 1 } },
  readBackup: { name: '帮代通备份-20260105-093000.json' },
  revealBackups: undefined,
  printToPdf: { title: '导出 PDF', suggestedName: '重点项目推进情况汇总表-20261130.pdf' },
  setSyncServer: { origin: 'https://sync.example.gov.cn' },
  notify: {
    title: '逾期：施工图联合审查',
    body: '智能装备产业园 · 审批事项 · 已逾期 1 个工作日（2026-03-12 到期）',
    target: {
      kind: 'approvalItem',
      id: '0b6d1a52-4c57-4c8f-9f0e-2f4a1d7a9c11',
      projectId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
    },
  },
};
const methods = Object.keys(bridgeMethods) as BridgeMethod[];

/** The sender the app's own window is, as main sees it (Node's URL, the real entry URL). */
const appPage = { url: appEntryUrl, isTopFrame: true };

describe('authorizeIpcCall', () => {
  it('covers every bridge method', () => {
    expect(Object.keys(validArguments).sort()).toEqual([...methods].sort());
  });

  it.each(methods)('lets %s through from app://daiban/index.html', (method) => {
    const call = authorizeIpcCall(method, appPage, validArguments[method]);
    expect(call).toEqual({ ok: true, argument: validArguments[method] });
    const routed = authorizeIpcCall(
      method,
      { ...appPage, url: `${appEntryUrl}#/settings` },
      validArguments[method],
    );
    expect(routed.ok).toBe(true);
  });

  it.each([
    ['a subframe of the app', { url: appEntryUrl, isTopFrame: false }],
    ['http://evil', { url: 'http://evil.example/index.html', isTopFrame: true }],
    ['file://', { url: 'file:///opt/daiban/dist/renderer/index.html', isTopFrame: true }],
    ['app://other', { url: 'app://other/index.html', isTopFrame: true }],
    ['a frame that is gone', { url: '', isTopFrame: false }],
  ])('refuses every method from %s', (_case, sender) => {
    for (const method of methods) {
      const call = authorizeIpcCall(method, sender, validArguments[method]);
      expect(call.ok).toBe(false);
      if (!call.ok) {
        expect(call.reason).toBe('untrusted-sender');
        expect(call.message).toContain(bridgeMethods[method].channel);
      }
    }
  });

  it('takes only an exact server origin, or none', () => {
    expect(authorizeIpcCall('setSyncServer', appPage, { origin: null }).ok).toBe(true);
    for (const origin of [
      'https://sync.example.gov.cn/',
      'https://sync.example.gov.cn/sync',
      'http://sync.example.gov.cn',
      'https://*.example.gov.cn',
      'javascript:alert(1)',
      '',
    ]) {
      expect(authorizeIpcCall('setSyncServer', appPage, { origin }).ok, origin).toBe(false);
    }
  });

  it('refuses an invalid argument from the app page, naming the channel', () => {
    const call = authorizeIpcCall('readBackup', appPage, { name: '../../etc/passwd' });
    expect(call).toEqual({
      ok: false,
      reason: 'invalid-argument',
      message: 'backup:read: invalid argument',
    });
    expect(authorizeIpcCall('appInfo', appPage, { surprise: true }).ok).toBe(false);
  });

  it('checks the sender before the argument, so a stranger learns nothing of the schema', () => {
    const call = authorizeIpcCall('readBackup', { url: 'http://evil/', isTopFrame: true }, 42);
    expect(call.ok === false && call.reason).toBe('untrusted-sender');
  });

  it('hands the handler the parsed argument, without keys the contract does not name', () => {
    const call = authorizeIpcCall('openJsonFile', appPage, { title: 't', extra: 'x' });
    expect(call).toEqual({ ok: true, argument: { title: 't' } });
  });
});
