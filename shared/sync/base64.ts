/**
 * Standard base64 (RFC 4648, with padding). shared/ has no `btoa`/`atob` (they are DOM), and an
 * encrypted city-scale file is ~80 MB of ciphertext, so this works on typed arrays throughout.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encodeTable = Uint8Array.from(alphabet, (char) => char.charCodeAt(0));
const padding = 61; // '='
const decodeTable = new Int16Array(256).fill(-1);
encodeTable.forEach((code, value) => {
  decodeTable[code] = value;
});

export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = encodeTable[n >>> 18]!;
    out[o++] = encodeTable[(n >>> 12) & 63]!;
    out[o++] = encodeTable[(n >>> 6) & 63]!;
    out[o++] = encodeTable[n & 63]!;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    out[o++] = encodeTable[n >>> 18]!;
    out[o++] = encodeTable[(n >>> 12) & 63]!;
    out[o++] = rest === 2 ? encodeTable[(n >>> 6) & 63]! : padding;
    out[o] = padding;
  }
  return new TextDecoder().decode(out);
}

/** The bytes, or null when `text` is not canonical padded base64. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const chars = new TextEncoder().encode(text);
  // Non-ASCII characters become several bytes: the lengths no longer match.
  if (chars.length !== text.length) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((chars.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < chars.length; i += 4) {
    const last = i + 4 === chars.length;
    const a = decodeTable[chars[i]!]!;
    const b = decodeTable[chars[i + 1]!]!;
    const c = last && pad === 2 ? 0 : decodeTable[chars[i + 2]!]!;
    const d = last && pad >= 1 ? 0 : decodeTable[chars[i + 3]!]!;
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // Canonical only: the bits that padding leaves over must be zero.
  if (pad > 0) {
    const lastChar = decodeTable[chars[chars.length - 1 - pad]!]!;
    if ((lastChar & (pad === 2 ? 15 : 3)) !== 0) return null;
  }
  return out;
}
