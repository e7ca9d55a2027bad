import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin } from './app-url';
import { isPermissionGranted } from './permissions';

const fromApp = { requestingUrl: appEntryUrl, isMainFrame: true };

describe('permissions', () => {
  it('grants persistent storage and notifications to the app page, by request or by check', () => {
    for (const permission of ['persistent-storage', 'notifications']) {
      expect(isPermissionGranted({ permission, ...fromApp })).toBe(true);
      expect(
        isPermissionGranted({ permission, requestingOrigin: appOrigin, isMainFrame: true }),
      ).toBe(true);
      expect(isPermissionGranted({ permission, ...fromApp, requestingOrigin: appOrigin })).toBe(
        true,
      );
    }
  });

  it.each([
    'media',
    'geolocation',
    'clipboard-read',
    'display-capture',
    'openExternal',
    'fileSystem',
    'hid',
    'unknown',
    'persistent',
    'Notifications',
  ])('denies %s even to the app page', (permission) => {
    expect(isPermissionGranted({ permission, ...fromApp })).toBe(false);
  });

  it('denies the granted ones to anyone but the app’s own top frame', () => {
    const permission = 'persistent-storage';
    expect(isPermissionGranted({ permission, ...fromApp, isMainFrame: false })).toBe(false);
    expect(
      isPermissionGranted({
        permission,
        requestingUrl: 'https://evil.example/',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(
      isPermissionGranted({ permission, requestingUrl: 'app://other/', isMainFrame: true }),
    ).toBe(false);
    expect(
      isPermissionGranted({ permission, ...fromApp, requestingOrigin: 'https://evil.example' }),
    ).toBe(false);
    expect(isPermissionGranted({ permission, requestingUrl: '', isMainFrame: true })).toBe(false);
    expect(isPermissionGranted({ permission, isMainFrame: true })).toBe(false);
  });
});
