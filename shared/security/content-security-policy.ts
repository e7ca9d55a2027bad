/**
 * The page's Content-Security-Policy, one string for both places that send it: the meta tag
 * vite.config.ts writes into the built index.html, and the header of every app:// response
 * (electron/app-request.ts), which is in force before the page's first byte is parsed and also
 * covers the responses that are not HTML.
 * antd writes its styles into <style> tags at run time, hence 'unsafe-inline' for styles only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
