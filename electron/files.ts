import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { decodeTextFile, isTextFileEncodingError } from '../shared/exchange/text-file';

export type ReadTextFileResult =
  | { status: 'read'; text: string }
  | { status: 'missing' }
  /** A folder, a pipe, a device: anything but a regular file. */
  | { status: 'not-a-file' }
  | { status: 'too-large'; sizeBytes: number }
  /** Not valid UTF-8 / UTF-16 (see shared/exchange/text-file.ts). */
  | { status: 'not-text' };

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/**
 * Opening a FIFO for reading waits for a writer, possibly forever; non-blocking, the open returns
 * at once and fstat refuses it. Windows has no such flag (nor FIFOs that open like files).
 */
const openForReading =
  process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;

export type ReadBinaryFileResult =
  | { status: 'read'; bytes: Uint8Array }
  | Exclude<ReadTextFileResult, { status: 'read' } | { status: 'not-text' }>;

/**
 * Reads a file of at most `maxBytes`. The file is opened once and everything is asked of that
 * handle, so the file checked is the file read, even if the path is swapped meanwhile; and no more
 * than maxBytes + 1 bytes are ever read, even if the file grows after the check.
 */
export async function readBinaryFile(
  file: string,
  maxBytes: number,
): Promise<ReadBinaryFileResult> {
  let handle: FileHandle;
  try {
    handle = await fs.open(file, openForReading);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'missing' };
    if (code === 'EISDIR') return { status: 'not-a-file' };
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { status: 'not-a-file' };
    if (info.size > maxBytes) return { status: 'too-large', sizeBytes: info.size };
    const bytes = await readAtMost(handle, maxBytes + 1, info.size + 1);
    if (bytes.length > maxBytes) return { status: 'too-large', sizeBytes: bytes.length };
    return { status: 'read', bytes };
  } finally {
    await handle.close();
  }
}

/** Reads a text file of at most `maxBytes` (see readBinaryFile), decoded as UTF-8 or UTF-16. */
export async function readTextFile(file: string, maxBytes: number): Promise<ReadTextFileResult> {
  const read = await readBinaryFile(file, maxBytes);
  if (read.status !== 'read') return read;
  try {
    return { status: 'read', text: decodeTextFile(read.bytes) };
  } catch (error) {
    if (isTextFileEncodingError(error)) return { status: 'not-text' };
    throw error;
  }
}

/** Reads to the end or to `limit` bytes, whichever comes first, growing from `expected`. */
async function readAtMost(
  handle: FileHandle,
  limit: number,
  expected: number,
): Promise<Uint8Array> {
  let buffer = Buffer.allocUnsafe(Math.min(Math.max(expected, 1), limit));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** The few file-system calls writeFileAtomic makes; tests pass one that fails on purpose. */
export type AtomicWriteFs = {
  open(
    file: string,
    flags: string,
  ): Promise<{
    writeFile(data: string | Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, options: { force: boolean }): Promise<void>;
};

/**
 * Writes a file so that it is either wholly the new content or still wholly the old one: write
 * to a temp file beside it, flush it to disk, then rename it over the target (a rename within a
 * folder is atomic). On any failure the temp file is removed and the error rethrown: a full USB
 * stick never leaves half a data file behind, nor replaces a good one.
 * Hand-written rather than the write-file-atomic package: it is this short, and the injectable
 * file system is what lets the failure path be tested.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fileSystem: AtomicWriteFs = fs,
): Promise<void> {
  const folder = path.dirname(target);
  const temp = path.join(folder, `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    const handle = await fileSystem.open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(temp, target);
  } catch (error) {
    await fileSystem.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(folder);
}

/**
 * Flushes the folder entry so the rename itself survives a power cut. Windows cannot open a
 * folder as a file (EISDIR / EPERM / EACCES), and some file systems refuse fsync on one (EINVAL);
 * there the rename is as durable as the system makes it.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP'].includes(errorCode(error) ?? '')) {
      throw error;
    }
  } finally {
    await handle?.close();
  }
}
