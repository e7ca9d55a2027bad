import { describe, expect, it } from 'vitest';
import { murmur3 } from './murmur3';

describe('murmur3', () => {
  // Published MurmurHash3_x86_32 values (SMHasher's reference implementation), also checked
  // against the murmurhash npm package 2.0.1 when this was written.
  it.each([
    ['', 0, 0x00000000],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['a', 0, 0x3c2569b2],
    ['ab', 0, 0x9bbfd75f],
    ['abc', 0, 0xb3dd93fa],
    ['abcd', 0, 0x43ed676a],
    ['hello', 0, 0x248bfa47],
    ['Hello, world!', 1234, 0xfaf6cdb3],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
  ])('hashes %j with seed %i as the reference does', (key, seed, expected) => {
    expect(murmur3(key, seed) >>> 0).toBe(expected);
  });

  it('answers a signed 32-bit integer', () => {
    const hash = murmur3('2026-11-29T23:17:41.123Z-0000-0123456789abcdef');
    expect(hash).toBe(hash | 0);
    expect(hash >>> 0).toBe(0xfa4ec6d6);
  });
});
