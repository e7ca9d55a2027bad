/**
 * The renderer is served from app://daiban/. This origin owns every user's IndexedDB
 * (docs/data-location.md): never change the scheme or the host, or users lose their data.
 *
 * Main runs on Node, whose URL gives `origin === "null"` for any scheme it does not know (app:
 * among them), while Chromium answers "app://daiban" for the same URL. So nothing in main may
 * compare origins: every check here compares protocol and host, which both parsers agree on.
 */
export const appScheme = 'app';
export const appProtocol = `${appScheme}:`;
export const appHost = 'daiban';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True for app://daiban/… exactly: no other host, no port, no user or password. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === appProtocol &&
    url.host === appHost &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** What main knows about the frame an IPC message came from. */
export type IpcSender = {
  /** The frame's current URL ('' when the frame is gone). */
  url: string;
  /** True for the top frame of the window; an iframe's messages are never trusted. */
  isTopFrame: boolean;
};

export function isTrustedSender(sender: IpcSender): boolean {
  return sender.isTopFrame && isAppUrl(sender.url);
}

/** The parts of Electron's WebFrameMain the sender check reads. */
export type FrameFacts = { url: string; parent: unknown; frameTreeNodeId: number };

/**
 * The sender facts of an IPC event. The top frame is recognised by its tree-node id and its lack
 * of a parent rather than by object identity, which Electron does not promise across calls.
 */
export function senderOf(frame: FrameFacts | null, mainFrame: FrameFacts): IpcSender {
  if (!frame) return { url: '', isTopFrame: false };
  return {
    url: frame.url,
    isTopFrame: frame.parent === null && frame.frameTreeNodeId === mainFrame.frameTreeNodeId,
  };
}
