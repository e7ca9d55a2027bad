import { createHash, randomBytes } from 'node:crypto';

/**
 * Device tokens and join codes. Both are random (256 and 80 bits) and stored only as SHA-256
 * hashes: someone who copies the server's data cannot sign in with what they find. A slow hash
 * would add nothing for secrets this long, and would cost every request.
 */

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A device's token: what it sends as `Authorization: Bearer …` on every request. */
export function newDeviceToken(): string {
  return `dbd_${randomBytes(32).toString('base64url')}`;
}

export function looksLikeToken(value: string): boolean {
  return /^dbd_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand stays right. */
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time join code for a new device: 16 characters in four groups, 80 bits. */
export function newJoinCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (const byte of bytes) code += codeAlphabet[byte & 31];
  return code.match(/.{4}/g)!.join('-');
}

/** The code as typed, in the one form that is hashed: case, spaces and dashes do not matter. */
export function normalizeJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const joinCodeHash = (typed: string) => sha256Hex(`join:${normalizeJoinCode(typed)}`);
export const tokenHash = (token: string) => sha256Hex(`token:${token}`);
