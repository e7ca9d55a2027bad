/**
 * The team sync server's address as the app keeps it: an origin, `https://host[:port]`, parsed
 * with `new URL()` (never matched as a substring). Plain http is taken only for loopback (a
 * server on this machine, for a try-out or the tests) and for addresses of a private network,
 * where a district's intranet server often has no certificate; docs/server.md asks for TLS
 * everywhere else. No user name, password, path, query or fragment: the origin is what the CSP
 * and the desktop's request filter allow, and it must be exactly one.
 */
export function serverOrigin(address: string): string | null {
  const checked = checkServerAddress(address);
  return checked.ok ? checked.origin : null;
}

/**
 * What `serverOrigin` decides, with the reason of a refusal: `plainHttp` is a well-formed
 * http:// address of a host that is neither loopback nor private (the user is told to use
 * https://), `invalid` anything else that is not exactly one origin.
 */
export function checkServerAddress(
  address: string,
): { ok: true; origin: string } | { ok: false; reason: 'invalid' | 'plainHttp' } {
  const invalid = { ok: false, reason: 'invalid' } as const;
  const trimmed = address.trim();
  if (trimmed === '' || trimmed.length > 300) return invalid;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return invalid;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid;
  if (url.username || url.password || url.search || url.hash) return invalid;
  if (url.pathname !== '/' && url.pathname !== '') return invalid;
  if (url.hostname === '' || url.hostname.includes('*')) return invalid;
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    return { ok: false, reason: 'plainHttp' };
  }
  return { ok: true, origin: url.origin };
}

/** True for an origin the app reaches over plain http (loopback or a private network only). */
export function isPlainHttp(origin: string): boolean {
  return origin.startsWith('http:');
}

/** Loopback and private-network addresses (RFC 1918, IPv6 unique-local), and `localhost`. */
export function isLocalHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (ipv4) {
    const [a, b] = [Number(ipv4[1]), Number(ipv4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  return /^\[f[cd][0-9a-f]{2}:/i.test(hostname);
}
