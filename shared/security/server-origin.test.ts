import { describe, expect, it } from 'vitest';
import { serverOrigin } from './server-origin';

describe('serverOrigin', () => {
  it('keeps the origin of an https address, adding https:// when none is typed', () => {
    expect(serverOrigin('https://sync.example.gov.cn')).toBe('https://sync.example.gov.cn');
    expect(serverOrigin(' sync.example.gov.cn:8443 ')).toBe('https://sync.example.gov.cn:8443');
    expect(serverOrigin('https://sync.example.gov.cn/')).toBe('https://sync.example.gov.cn');
    expect(serverOrigin('HTTPS://Sync.Example.gov.cn:443')).toBe('https://sync.example.gov.cn');
  });

  it('takes plain http only on this machine or a private network', () => {
    expect(serverOrigin('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(serverOrigin('http://localhost:8787')).toBe('http://localhost:8787');
    expect(serverOrigin('http://192.168.10.5:8787')).toBe('http://192.168.10.5:8787');
    expect(serverOrigin('http://10.1.2.3')).toBe('http://10.1.2.3');
    expect(serverOrigin('http://172.20.0.1')).toBe('http://172.20.0.1');
    expect(serverOrigin('http://172.32.0.1')).toBeNull();
    expect(serverOrigin('http://sync.example.gov.cn')).toBeNull();
    expect(serverOrigin('http://127.0.0.1.evil.example')).toBeNull();
  });

  it('refuses anything that is not exactly one origin', () => {
    for (const bad of [
      '',
      'ftp://example.gov.cn',
      'https://user:pw@example.gov.cn',
      'https://example.gov.cn/sync',
      'https://example.gov.cn/?a=1',
      'https://example.gov.cn/#x',
      'https://*.example.gov.cn',
      'javascript:alert(1)',
      'app://daiban',
      'https://',
    ]) {
      expect(serverOrigin(bad), bad).toBeNull();
    }
  });
});
