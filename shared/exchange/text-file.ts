/**
 * The one way a text file's bytes become a string, on the desktop (electron/files.ts) and in the
 * browser alike, so a file opens the same wherever it is opened.
 *
 * Accepted: UTF-8 with or without a byte-order mark, and UTF-16 LE or BE with one (what Windows
 * Notepad writes as “Unicode”). The mark is removed. Bytes that are not valid in their encoding,
 * and a NUL character, throw a TextFileEncodingError: replacing them with U+FFFD (as
 * `Blob.text()` does) would let a damaged file be imported with silently changed text, and a NUL
 * is what UTF-16 without a mark, or a file that is not text at all, looks like read as UTF-8.
 * Callers catch the error and say the file is not a readable text file.
 */

export type TextFileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export class TextFileEncodingError extends Error {
  override readonly name = 'TextFileEncodingError';
  constructor(readonly encoding: TextFileEncoding) {
    super(`not a valid ${encoding} text file`);
  }
}

export function isTextFileEncodingError(error: unknown): error is TextFileEncodingError {
  return error instanceof TextFileEncodingError;
}

/** The encoding the byte-order mark names, and the mark's length; UTF-8 without one. */
function detectEncoding(bytes: Uint8Array): { encoding: TextFileEncoding; markLength: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', markLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', markLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', markLength: 2 };
  return { encoding: 'utf-8', markLength: 0 };
}

export function decodeTextFile(bytes: Uint8Array): string {
  const { encoding, markLength } = detectEncoding(bytes);
  let text: string;
  try {
    // ignoreBOM: the mark was already stepped over, and a second one is then part of the text.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(markLength),
    );
  } catch {
    throw new TextFileEncodingError(encoding);
  }
  if (text.includes('\u0000')) throw new TextFileEncodingError(encoding);
  return text;
}
