/**
 * The page's Content-Security-Policy, one definition for both places that send it: the meta tag
 * vite.config.ts writes into the built index.html, and the header of every app:// response
 * (electron/app-request.ts), which is in force before the page's first byte is parsed and also
 * covers the responses that are not HTML — the sync workers' scripts among them.
 * antd writes its styles into <style> tags at run time, hence 'unsafe-inline' for styles only.
 *
 * `connect-src` is the app itself, plus, in the app:// header only, exactly the team's sync
 * server (an origin from shared/security/server-origin.ts) once one is configured. The meta tag,
 * fixed at build time, never names a server: the page itself connects nowhere, and only the
 * server-sync worker, whose script carries the header, reaches the server.
 */
export function contentSecurityPolicyFor(syncServer: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${syncServer ? ` ${syncServer}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const contentSecurityPolicy = contentSecurityPolicyFor(null);
