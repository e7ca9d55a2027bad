import { isAppUrl } from './app-url';

/**
 * The permissions the app's page gets; every other one (camera, geolocation, clipboard…) is
 * refused. 'persistent-storage' keeps Chromium from evicting the IndexedDB that holds all the
 * data under disk pressure: `navigator.storage.persist()` reaches the request handler, and
 * `navigator.permissions.query({ name: 'persistent-storage' })` the check handler, under this
 * same name in Electron 45 (see the handlers' permission unions in electron.d.ts), so both
 * handlers ask this one function. 'notifications' is for the deadline reminders.
 */
export const grantedPermissions: readonly string[] = ['persistent-storage', 'notifications'];

export type PermissionQuery = {
  permission: string;
  /** The requesting frame's URL; absent in some checks. */
  requestingUrl?: string | undefined;
  /** Given by the check handler only. */
  requestingOrigin?: string | undefined;
  isMainFrame: boolean;
};

/** True only for a granted permission asked by the app's own top frame. */
export function isPermissionGranted(query: PermissionQuery): boolean {
  if (!grantedPermissions.includes(query.permission) || !query.isMainFrame) return false;
  const claims = [query.requestingUrl, query.requestingOrigin].filter(
    (url): url is string => url !== undefined,
  );
  return claims.length > 0 && claims.every(isAppUrl);
}
