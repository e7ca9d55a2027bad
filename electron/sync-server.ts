import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serverOrigin } from '../shared/security/server-origin';
import { writeFileAtomic } from './files';

/**
 * The one network destination the desktop app has: the team's sync server, configured in 同步.
 * Main keeps its origin (in the data folder, so it holds from the first request after a
 * restart), puts it in the CSP of every app:// response, and cancels every other request the
 * window's session makes over the network (`isNetworkRequestAllowed`).
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
