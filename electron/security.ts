import { shell, type Session, type WebContents } from 'electron';
import { appOrigin } from './app-protocol';
import { isTrustedExternalUrl } from './trusted-url';

/** Everything a page can try to leave the app by is refused; allow-listed links go to the browser. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (new URL(url).origin !== appOrigin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function openExternally(url: string): void {
  if (isTrustedExternalUrl(url)) void shell.openExternal(url);
}

/** No camera, microphone, geolocation, notifications…: the app needs none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** True when an IPC message comes from the top frame of our own page. */
export function isOwnFrame(frame: Electron.WebFrameMain | null, contents: WebContents): boolean {
  if (!frame || frame !== contents.mainFrame) return false;
  try {
    return new URL(frame.url).origin === appOrigin;
  } catch {
    return false;
  }
}
