import { describe, expect, it } from 'vitest';
import { decodeTextFile, isTextFileEncodingError, TextFileEncodingError } from './text-file';

const text = '{"项目":"城南产业园 𠮷"}';

function utf16(value: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(value.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < value.length; index += 1) {
    view.setUint16(index * 2, value.charCodeAt(index), littleEndian);
  }
  return bytes;
}

const bytes = (...parts: (number[] | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((part) => [...part]));

describe('decodeTextFile', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    expect(decodeTextFile(new TextEncoder().encode(text))).toBe(text);
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    expect(decodeTextFile(bytes([0xef, 0xbb, 0xbf], new TextEncoder().encode(text)))).toBe(text);
  });

  it('reads UTF-16 LE and BE with their marks (Notepad’s “Unicode”)', () => {
    expect(decodeTextFile(bytes([0xff, 0xfe], utf16(text, true)))).toBe(text);
    expect(decodeTextFile(bytes([0xfe, 0xff], utf16(text, false)))).toBe(text);
  });

  it('keeps a second mark as text: only the first one is the file’s', () => {
    expect(decodeTextFile(bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
  });

  it('reads an empty file, and one that is only a mark, as empty text', () => {
    expect(decodeTextFile(new Uint8Array())).toBe('');
    expect(decodeTextFile(bytes([0xef, 0xbb, 0xbf]))).toBe('');
    expect(decodeTextFile(bytes([0xff, 0xfe]))).toBe('');
  });

  it.each([
    ['a stray continuation byte', bytes([0x7b, 0x80, 0x7d]), 'utf-8'],
    ['a truncated sequence at the end', bytes([0x7b, 0xe4, 0xb8]), 'utf-8'],
    ['GBK-encoded Chinese', bytes([0xd6, 0xd0, 0xce, 0xc4]), 'utf-8'],
    ['an overlong encoding', bytes([0xc0, 0xaf]), 'utf-8'],
    ['UTF-16 LE without a mark (NULs)', utf16('{"a":1}', true), 'utf-8'],
    ['UTF-16 LE with an odd byte count', bytes([0xff, 0xfe, 0x41, 0x00, 0x42]), 'utf-16le'],
    ['UTF-16 BE with a lone surrogate', bytes([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]), 'utf-16be'],
  ] as const)('refuses %s with a TextFileEncodingError', (_case, input, encoding) => {
    let caught: unknown;
    try {
      decodeTextFile(input);
    } catch (error) {
      caught = error;
    }
    expect(isTextFileEncodingError(caught)).toBe(true);
    expect(caught).toBeInstanceOf(TextFileEncodingError);
    expect((caught as TextFileEncodingError).encoding).toBe(encoding);
  });

  it('tells its own error from any other', () => {
    expect(isTextFileEncodingError(new Error('x'))).toBe(false);
    expect(isTextFileEncodingError('x')).toBe(false);
  });
});
