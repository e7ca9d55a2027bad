import { describe, expect, it } from 'vitest';
import { decideNavigation, isRedirectAllowed } from './navigation';

describe('navigation', () => {
  it('refuses every navigation, handing allow-listed https links to the browser', () => {
    expect(decideNavigation('https://www.gov.cn/zhengce/')).toEqual({
      allow: false,
      openExternally: 'https://www.gov.cn/zhengce/',
    });
  });

  it.each([
    'http://www.gov.cn/',
    'https://example.com/',
    'app://daiban/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s and opens nothing', (url) => {
    expect(decideNavigation(url)).toEqual({ allow: false, openExternally: null });
  });
});

describe('redirects', () => {
  it('stay within the app', () => {
    expect(isRedirectAllowed('app://daiban/index.html')).toBe(true);
    expect(isRedirectAllowed('app://daiban/assets/x.js')).toBe(true);
  });

  it.each([
    'https://www.gov.cn/',
    'app://other/index.html',
    'app://daiban:1/index.html',
    'file:///index.html',
    'http://127.0.0.1:4173/',
  ])('to %s are refused', (url) => expect(isRedirectAllowed(url)).toBe(false));
});
