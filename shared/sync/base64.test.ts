import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64';

describe('base64', () => {
  it('encodes as the platform’s btoa does and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(btoa(String.fromCharCode(...bytes)));
        expect(decodeBase64(text)).toEqual(new Uint8Array(bytes));
      }),
    );
  });

  it.each([
    ['a length not a multiple of 4', 'QUJ'],
    ['a character outside the alphabet', 'QU-D'],
    ['padding in the middle', 'QQ==QUJD'],
    ['padding bits that are not zero', 'QR=='],
    ['non-ASCII text', 'QUJDé==='],
    ['URL-safe characters', 'a_b-'],
  ])('refuses %s', (_, text) => {
    expect(decodeBase64(text)).toBeNull();
  });

  it('decodes the empty string', () => {
    expect(decodeBase64('')).toEqual(new Uint8Array(0));
  });
});
