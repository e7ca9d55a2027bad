import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../shared/security/content-security-policy';
import { appResponseHeaders, resolveAppRequest, withAppHeaders } from './app-request';

const root = '/x/renderer';
const resolve = (url: string) => resolveAppRequest(root, url, path.posix);

describe('app:// requests (POSIX paths)', () => {
  it('serves index.html for the bare origin and for /', () => {
    expect(resolve('app://daiban/')).toEqual({ file: '/x/renderer/index.html' });
    expect(resolve('app://daiban')).toEqual({ file: '/x/renderer/index.html' });
    expect(resolve('app://daiban/index.html#/projects')).toEqual({
      file: '/x/renderer/index.html',
    });
  });

  it('serves files under the root, decoding escapes', () => {
    expect(resolve('app://daiban/assets/index-abc.js?v=2')).toEqual({
      file: '/x/renderer/assets/index-abc.js',
    });
    expect(resolve('app://daiban/fonts/%E6%80%9D%E6%BA%90.woff2')).toEqual({
      file: '/x/renderer/fonts/思源.woff2',
    });
  });

  it('keeps plain .. inside the root: the URL parser has already removed it', () => {
    expect(resolve('app://daiban/../../etc/passwd')).toEqual({ file: '/x/renderer/etc/passwd' });
    expect(resolve('app://daiban/%2e%2e/%2e%2e/etc/passwd')).toEqual({
      file: '/x/renderer/etc/passwd',
    });
    expect(resolve('app://daiban/%2e%2e')).toEqual({ file: '/x/renderer/index.html' });
  });

  it.each([
    'app://daiban/%2e%2e%2fetc%2fpasswd',
    'app://daiban/..%2f..%2fetc%2fpasswd',
    'app://daiban/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://daiban/%2e%2e%2f',
    'app://daiban/%2fetc%2fpasswd%2f..%2f..%2f..',
  ])('refuses %s (403), an escape that only appears after decoding', (url) => {
    expect(resolve(url)).toEqual({ status: 403 });
  });

  it('refuses a sibling folder whose name starts like the root', () => {
    expect(resolve('app://daiban/..%2frenderer-evil%2fsteal.js')).toEqual({ status: 403 });
    expect(resolve('app://daiban/%2e%2e%2frenderer')).toEqual({ status: 403 });
  });

  it('keeps ..%5c inside the root on POSIX, where a backslash is part of a name', () => {
    const resolved = resolve('app://daiban/..%5c..%5cetc%5cpasswd');
    expect(resolved).toEqual({ file: '/x/renderer/..\\..\\etc\\passwd' });
  });

  it.each([
    ['a malformed escape', 'app://daiban/%E0%A4%A'],
    ['a truncated escape', 'app://daiban/index.html%'],
    ['a lone surrogate escape', 'app://daiban/%ED%A0%80.js'],
    ['a NUL byte', 'app://daiban/index.html%00.png'],
    ['a control character', 'app://daiban/a%0Ab.js'],
  ])('answers 400 to %s, never an exception', (_case, url) => {
    expect(resolve(url)).toEqual({ status: 400 });
  });

  it.each([
    'app://other/index.html',
    'app://daiban:1234/index.html',
    'app://u:p@daiban/index.html',
    'file:///x/renderer/index.html',
    'not a url',
  ])('answers 404 to %s', (url) => expect(resolve(url)).toEqual({ status: 404 }));

  it('resolves a relative root against the working folder', () => {
    const resolved = resolveAppRequest('dist/renderer', 'app://daiban/index.html');
    expect(resolved).toEqual({ file: path.resolve('dist/renderer/index.html') });
  });
});

describe('app:// requests (Windows paths)', () => {
  const winRoot = 'C:\\app\\renderer';
  const resolveWin = (url: string) => resolveAppRequest(winRoot, url, path.win32);

  it('serves index.html and files under the root', () => {
    expect(resolveWin('app://daiban/')).toEqual({ file: 'C:\\app\\renderer\\index.html' });
    expect(resolveWin('app://daiban/assets/a.js')).toEqual({
      file: 'C:\\app\\renderer\\assets\\a.js',
    });
  });

  it.each([
    'app://daiban/..%5c..%5cWindows%5cwin.ini',
    'app://daiban/assets%5c..%5c..%5csecret.txt',
    'app://daiban/..%5crenderer-evil%5csteal.js',
    'app://daiban/%2e%2e%2f%2e%2e%2fWindows%2fwin.ini',
    'app://daiban/..%2f..%5cWindows',
    'app://daiban/%2e%2e%5c',
  ])('refuses %s (403)', (url) => expect(resolveWin(url)).toEqual({ status: 403 }));

  it('refuses a drive letter in the request, keeps a UNC prefix inside the root', () => {
    expect(resolveWin('app://daiban/C:%5cWindows%5cwin.ini')).toEqual({ status: 403 });
    expect(resolveWin('app://daiban/D:%2fdata.json')).toEqual({ status: 403 });
    expect(resolveWin('app://daiban/%5c%5cserver%5cshare%5cx')).toEqual({
      file: 'C:\\app\\renderer\\server\\share\\x',
    });
  });

  it('answers 400 to a malformed escape and to NUL here too', () => {
    expect(resolveWin('app://daiban/%E0%A4%A')).toEqual({ status: 400 });
    expect(resolveWin('app://daiban/a%00b')).toEqual({ status: 400 });
  });
});

describe('app:// response headers', () => {
  it('carry the page’s CSP and nosniff, over whatever the file response had', () => {
    const headers = withAppHeaders(
      new Headers({ 'Content-Type': 'text/html', 'Content-Security-Policy': 'default-src *' }),
    );
    expect(headers.get('content-type')).toBe('text/html');
    expect(headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(appResponseHeaders['Content-Security-Policy']).toContain("default-src 'self'");
  });
});
