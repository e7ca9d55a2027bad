import { shell, type Session, type WebContents } from 'electron';
import { decideNavigation, isRedirectAllowed } from './navigation';
import { isPermissionGranted } from './permissions';
import { isNetworkRequestAllowed, networkUrlPatterns } from './sync-server';

/** Everything a page can try to leave the app by is refused; allow-listed links go to the browser. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isRedirectAllowed(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function openExternally(url: string): void {
  const { openExternally: external } = decideNavigation(url);
  if (external) void shell.openExternal(external);
}

/** Deny by default; see electron/permissions.ts for the two the app gets. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      isPermissionGranted({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
      }),
    ),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      requestingUrl: details.requestingUrl,
      requestingOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );
}

/**
 * Every network request of the session is cancelled unless it goes to exactly the configured
 * sync server (read per request: it changes when someone joins or leaves a server in 同步).
 */
export function restrictNetwork(session: Session, syncServer: () => string | null): void {
  session.webRequest.onBeforeRequest({ urls: networkUrlPatterns }, (details, callback) =>
    callback({ cancel: !isNetworkRequestAllowed(details.url, syncServer()) }),
  );
}
