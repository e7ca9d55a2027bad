/**
 * Links the app may open in the system browser. Parsed with `new URL()`: a substring test such as
 * `includes('gov.cn')` would also pass `https://evil.example/?gov.cn`. https only: a plain-http
 * link can be rewritten on the way by anyone on the network.
 */
const externalHosts = [
  'www.gov.cn', // 国务院：节假日安排通知
  'github.com',
];

export function isTrustedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username || url.password || url.port) return false;
  return externalHosts.includes(url.hostname);
}
