import { beforeAll, describe, expect, it } from 'vitest';
import { needsPerson } from '../../db/server-sync';
import { i18n } from '../../i18n';
import { serverFailureText } from './server-failure-text';

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('why the desktop did not connect, in Chinese', () => {
  it('names the address the user did not allow, and how to try again', () => {
    const text = serverFailureText(
      { code: 'serverDeclined', origin: 'https://sync.example.gov.cn' },
      i18n.t,
    );
    expect(text).toBe(
      '你没有允许帮代通连接 https://sync.example.gov.cn，本机未连接该服务器。如是误点，请重新启动帮代通后再试',
    );
  });

  it('says plain http is for this computer and intranets only', () => {
    expect(serverFailureText({ code: 'plainHttp' }, i18n.t)).toMatch(
      /^不能用未加密的 http:\/\/ 连接该地址.*192\.168\.x.*请用 https:\/\/$/,
    );
  });

  it('waits for the user rather than retrying either by itself', () => {
    expect(needsPerson({ code: 'plainHttp' })).toBe(true);
    expect(needsPerson({ code: 'serverDeclined', origin: 'https://a.example' })).toBe(true);
  });
});
