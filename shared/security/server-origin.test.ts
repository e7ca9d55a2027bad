import { describe, expect, it } from 'vitest';
import { checkServerAddress, isPlainHttp, serverOrigin } from './server-origin';

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

  it('draws the private ranges exactly: 10/8, 172.16/12, 192.168/16, loopback, fc00::/7, localhost', () => {
    for (const host of [
      '127.0.0.1',
      '127.255.255.254',
      '10.0.0.1',
      '10.255.255.255',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.0.1',
      '192.168.255.255',
      'localhost',
      '[::1]',
      '[fc00::1]',
      '[fd12:3456:789a::1]',
      '[FDFF:ffff::1]',
    ]) {
      const address = `http://${host}:8787`;
      expect(checkServerAddress(address), address).toMatchObject({ ok: true });
    }
    for (const host of [
      '172.15.255.255',
      '172.32.0.1',
      '192.167.1.1',
      '192.169.1.1',
      '11.0.0.1',
      '9.255.255.255',
      '169.254.1.1',
      '0.0.0.0',
      '[fe80::1]',
      '[fbff::1]',
      '[fe00::1]',
      '[::ffff:192.168.1.1]',
      'sync.example.gov.cn',
      'localhost.example.gov.cn',
      '10.0.0.1.example.gov.cn',
    ]) {
      const address = `http://${host}:8787`;
      expect(checkServerAddress(address), address).toEqual({ ok: false, reason: 'plainHttp' });
      // The same host is fine over https.
      expect(checkServerAddress(`https://${host}:8787`), host).toMatchObject({ ok: true });
    }
  });

  it('says why an address is refused: plain http to a public host, or not an origin', () => {
    expect(checkServerAddress('http://sync.example.gov.cn')).toEqual({
      ok: false,
      reason: 'plainHttp',
    });
    expect(checkServerAddress('http://sync.example.gov.cn/sync')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(checkServerAddress('ftp://sync.example.gov.cn')).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(isPlainHttp('http://192.168.1.5:8787')).toBe(true);
    expect(isPlainHttp('https://sync.example.gov.cn')).toBe(false);
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
