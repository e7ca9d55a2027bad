import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SetSyncServerResult } from '../shared/ipc/contract';
import { isPlainHttp, serverOrigin } from '../shared/security/server-origin';
import { writeFileAtomic } from './files';

/**
 * The one network destination the desktop app has: the team's sync server, configured in 同步.
 * Main keeps its origin (in the data folder, so it holds from the first request after a
 * restart), puts it in the CSP of every app:// response, and cancels every other request the
 * window's session makes over the network (`isNetworkRequestAllowed`).
 *
 * The page names the origin, but does not choose it alone: before main allows an origin it has
 * not allowed before, it asks the user in a native dialog naming the address
 * (`decideSyncServerChange`, `syncServerDialog`, `createSyncServerGate`).
 */

export function syncServerFile(userData: string): string {
  return path.join(userData, 'sync-server.json');
}

/** The saved origin, or null when none is saved or the file is not what we wrote. */
export async function loadSyncServer(file: string): Promise<string | null> {
  try {
    const saved = JSON.parse(await readFile(file, 'utf8')) as { origin?: unknown };
    return typeof saved.origin === 'string' && serverOrigin(saved.origin) === saved.origin
      ? saved.origin
      : null;
  } catch {
    return null;
  }
}

export async function saveSyncServer(file: string, origin: string | null): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify({ origin })}\n`);
}

/** The URL patterns of network requests, for the session's request filter. */
export const networkUrlPatterns = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/**
 * True only for a request to exactly the configured server's origin (scheme, host and port,
 * compared after `new URL()` has normalised them). The app's own pages are app:// and never
 * reach this filter; everything else on the network — another host, another port, http where
 * https was configured, a websocket — is refused.
 */
export function isNetworkRequestAllowed(url: string, syncServer: string | null): boolean {
  if (!syncServer) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  return parsed.origin === syncServer;
}

/** What main does with a page's request for an origin. */
export type SyncServerDecision =
  /** The origin allowed already (or none asked while none is allowed): nothing changes. */
  | { action: 'keep' }
  /** Back to no server (leaving, or a failed join): always allowed, nothing to ask. */
  | { action: 'clear' }
  /** The user declined this origin since the app started: refused without asking again. */
  | { action: 'decline' }
  /** Not an origin the app may reach at all (the IPC schema refuses it first). */
  | { action: 'invalid' }
  /** A new origin: allowed only if the user says so in this dialog. */
  | { action: 'ask'; origin: string; dialog: SyncServerDialog };

export type SyncServerState = {
  /** The origin allowed now (saved in sync-server.json), or null. */
  current: string | null;
  /** Origins the user declined since the app started. */
  declined: ReadonlySet<string>;
};

export function decideSyncServerChange(
  state: SyncServerState,
  requested: string | null,
): SyncServerDecision {
  if (requested === state.current) return { action: 'keep' };
  if (requested === null) return { action: 'clear' };
  if (serverOrigin(requested) !== requested) return { action: 'invalid' };
  if (state.declined.has(requested)) return { action: 'decline' };
  return { action: 'ask', origin: requested, dialog: syncServerDialog(requested, state.current) };
}

/** Electron's MessageBoxOptions, as far as this dialog uses them (plain data, testable in Node). */
export type SyncServerDialog = {
  type: 'question' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
};

/** The button that allows; every other answer (取消, Esc, closing the dialog) declines. */
export const allowButton = 0;

/**
 * The question, naming the address exactly as it will be allowed (an internationalised name in
 * its xn-- form, as `new URL()` gives it, so look-alike letters cannot pass for another host).
 * 取消 is the default: pressing Enter without reading allows nothing.
 */
export function syncServerDialog(requested: string, current: string | null): SyncServerDialog {
  const plainHttp = isPlainHttp(requested);
  const detail = [
    current
      ? `本机目前连接 ${current}；允许后改为连接 ${requested}，不再连接原服务器。`
      : '允许后，本机会与该服务器交换团队数据：本机的更改发给它，它发来的更改写入本机。',
    '帮代通只连接你允许的这一个服务器。请只在管理员给了你这个地址时允许；如果你没有在“同步”中填写它，请选择取消。',
    ...(plainHttp
      ? [
          '注意：该地址使用未加密的 http://，仅限本机或内网服务器；同一网络中的他人可能看到传输的内容。',
        ]
      : []),
  ].join('\n\n');
  return {
    type: plainHttp ? 'warning' : 'question',
    title: '连接同步服务器',
    message: `允许帮代通连接同步服务器 ${requested} 吗？`,
    detail,
    buttons: ['允许连接', '取消'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Whether the dialog's answer (the index of the button pressed) allows the origin. */
export function answerPermits(response: number): boolean {
  return response === allowButton;
}

/**
 * Main's one holder of the allowed origin. Requests are answered one at a time, in order, so
 * two windows (or a join and the start-up follow) never open two dialogs for one origin, and a
 * second request for an origin the user just allowed is simply kept. A request's `ask` shows
 * the dialog (over the window that asked) and resolves with the button pressed; `save` writes
 * sync-server.json, before the origin is allowed.
 */
export function createSyncServerGate(options: {
  initial: string | null;
  save(origin: string | null): Promise<void>;
}) {
  let current = options.initial;
  const declined = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();

  type Ask = (dialog: SyncServerDialog) => Promise<number>;

  async function decide(requested: string | null, ask: Ask): Promise<SetSyncServerResult> {
    const decision = decideSyncServerChange({ current, declined }, requested);
    switch (decision.action) {
      case 'keep':
        return { status: 'allowed' };
      case 'invalid':
        throw new Error('sync:set-server: not an origin the app may reach');
      case 'decline':
        return { status: 'declined' };
      case 'ask':
        if (!answerPermits(await ask(decision.dialog))) {
          declined.add(decision.origin);
          return { status: 'declined' };
        }
        break;
      case 'clear':
        break;
    }
    await options.save(requested);
    current = requested;
    return { status: 'allowed' };
  }

  return {
    /** The origin allowed now, read by the request filter and the CSP on every request. */
    current: () => current,
    request(requested: string | null, ask: Ask): Promise<SetSyncServerResult> {
      const answer = queue.then(() => decide(requested, ask));
      queue = answer.catch(() => undefined);
      return answer;
    },
  };
}
