/**
 * MurmurHash3 x86 32-bit (Austin Appleby's reference, public domain) of an ASCII string, as a
 * signed 32-bit integer. Written here rather than taken from the `murmurhash` package, which
 * allocates a TextEncoder and a byte array per call: the merkle trie hashes every timestamp, two
 * million of them for a city-scale log. Each character is one byte, so the input must be ASCII;
 * timestamps are. The tests check it against the reference's published values.
 */
export function murmur3(key: string, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const length = key.length;
  const blocks = length & ~3;
  let h = seed | 0;
  let i = 0;
  for (; i < blocks; i += 4) {
    let k =
      (key.charCodeAt(i) & 0xff) |
      ((key.charCodeAt(i + 1) & 0xff) << 8) |
      ((key.charCodeAt(i + 2) & 0xff) << 16) |
      ((key.charCodeAt(i + 3) & 0xff) << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = key.charCodeAt(i) & 0xff;
    if (tail > 1) k ^= (key.charCodeAt(i + 1) & 0xff) << 8;
    if (tail > 2) k ^= (key.charCodeAt(i + 2) & 0xff) << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
