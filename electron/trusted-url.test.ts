import { describe, expect, it } from 'vitest';
import { isTrustedExternalUrl } from './trusted-url';

describe('external links', () => {
  it.each([
    'https://www.gov.cn/zhengce/content/2025-11/04/content_0.htm',
    'https://www.gov.cn/',
    'https://github.com/',
    'HTTPS://WWW.GOV.CN/zhengce/',
  ])('opens %s', (url) => expect(isTrustedExternalUrl(url)).toBe(true));

  it.each([
    'http://www.gov.cn/',
    'http://github.com/',
    'https://www.gov.cn:8443/',
    'https://evil.example/?www.gov.cn',
    'https://www.gov.cn.evil.example/',
    'https://user:pass@www.gov.cn/',
    'https://gov.cn/',
    'ftp://www.gov.cn/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://daiban/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => expect(isTrustedExternalUrl(url)).toBe(false));
});
