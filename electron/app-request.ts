import path from 'node:path';
import {
  contentSecurityPolicy,
  contentSecurityPolicyFor,
} from '../shared/security/content-security-policy';
import { isAppUrl } from './app-url';

export type AppRequestResolution = { file: string } | { status: 400 | 403 | 404 };

/** The path functions the resolution needs: Node's `path` here, `path.win32` in tests. */
export type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Which file under `rootDir` an app:// request asks for. Anything that is not app://daiban/ is
 * 404; a path that cannot be decoded or carries control characters (NUL among them) is 400; a
 * path that, once decoded, lands outside the root is 403. The URL parser has already removed
 * plain `..` segments, so what is left to catch are the encoded ones (`%2e%2e%2f`, `..%5c`),
 * which only become separators after decoding. Containment is decided with `relative`, not a
 * string prefix, so `/x/renderer-evil` is not taken for a file inside `/x/renderer`.
 */
export function resolveAppRequest(
  rootDir: string,
  requestUrl: string,
  pathApi: PathApi = path,
): AppRequestResolution {
  if (!isAppUrl(requestUrl)) return { status: 404 };
  const { pathname } = new URL(requestUrl);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname === '/' || pathname === '' ? '/index.html' : pathname);
  } catch {
    return { status: 400 };
  }
  if ([...decoded].some((char) => char < ' ' || char === '\u007f')) return { status: 400 };
  const root = pathApi.resolve(rootDir);
  const file = pathApi.resolve(root, `.${decoded}`);
  const inside = pathApi.relative(root, file);
  if (
    inside === '' ||
    inside === '..' ||
    inside.startsWith(`..${pathApi.sep}`) ||
    pathApi.isAbsolute(inside)
  ) {
    return { status: 403 };
  }
  return { file };
}

/** Sent with every app:// response (see shared/security/content-security-policy.ts). */
export const appResponseHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * A copy of `headers` with the app's own security headers set over any the file had; with a
 * sync server, the CSP lets the app (its sync worker) connect to that origin too.
 */
export function withAppHeaders(headers: Headers, syncServer: string | null = null): Headers {
  const result = new Headers(headers);
  for (const [name, value] of Object.entries(appResponseHeaders)) result.set(name, value);
  result.set('Content-Security-Policy', contentSecurityPolicyFor(syncServer));
  return result;
}
