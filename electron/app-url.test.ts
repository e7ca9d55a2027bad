import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, isAppUrl, isTrustedSender, senderOf } from './app-url';

describe('app URL', () => {
  it('is what Node parses as origin "null": why nothing in main compares origins', () => {
    expect(new URL(appEntryUrl).origin).toBe('null');
    expect(appEntryUrl).toBe('app://daiban/index.html');
  });

  it.each([
    appEntryUrl,
    `${appEntryUrl}#/projects/123`,
    `${appOrigin}/assets/index-abc.js?v=1`,
    appOrigin, // the form the permission check handler gives its requesting origin in
    'app://daiban/',
  ])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'app://other/index.html',
    'app://daiban.evil/index.html',
    'app://daiban:8080/index.html',
    'app://user:pw@daiban/index.html',
    'app://user@daiban/index.html',
    'http://daiban/index.html',
    'https://daiban/index.html',
    'file:///app/daiban/index.html',
    'http://evil.example/app://daiban/',
    'app:daiban/index.html',
    'about:blank',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('IPC sender', () => {
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender({ url: appEntryUrl, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${appEntryUrl}#/settings`, isTopFrame: true })).toBe(true);
    expect(isTrustedSender({ url: appEntryUrl, isTopFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'http://evil.example/', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', isTopFrame: true })).toBe(false);
    expect(isTrustedSender({ url: '', isTopFrame: true })).toBe(false);
  });

  const main = { url: appEntryUrl, parent: null, frameTreeNodeId: 1 };

  it('reads the top frame from the tree, not from object identity', () => {
    expect(senderOf({ ...main }, main)).toEqual({ url: appEntryUrl, isTopFrame: true });
  });

  it('marks a child frame, a frame of another tree and a gone frame as not the top frame', () => {
    const child = { url: appEntryUrl, parent: main, frameTreeNodeId: 2 };
    expect(senderOf(child, main).isTopFrame).toBe(false);
    expect(senderOf({ url: appEntryUrl, parent: null, frameTreeNodeId: 7 }, main).isTopFrame).toBe(
      false,
    );
    expect(senderOf(null, main)).toEqual({ url: '', isTopFrame: false });
  });
});
