import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import fs, { mkdir, open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTextFile, writeFileAtomic, type AtomicWriteFs } from './files';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const inFolder = (name: string) => path.join(folder, name);

describe('readTextFile', () => {
  it('reads UTF-8, with or without a mark, and UTF-16 with one', async () => {
    writeFileSync(inFolder('plain.json'), '{"名称":"甲"}');
    writeFileSync(inFolder('bom.json'), Buffer.from('\ufeff{"名称":"乙"}', 'utf8'));
    writeFileSync(
      inFolder('utf16.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"名称":"丙"}', 'utf16le')]),
    );
    expect(await readTextFile(inFolder('plain.json'), 100)).toEqual({
      status: 'read',
      text: '{"名称":"甲"}',
    });
    expect(await readTextFile(inFolder('bom.json'), 100)).toEqual({
      status: 'read',
      text: '{"名称":"乙"}',
    });
    expect(await readTextFile(inFolder('utf16.json'), 100)).toEqual({
      status: 'read',
      text: '{"名称":"丙"}',
    });
  });

  it('reads a file of exactly the limit, refuses one byte more unread', async () => {
    writeFileSync(inFolder('ten.json'), '0123456789');
    expect(await readTextFile(inFolder('ten.json'), 10)).toEqual({
      status: 'read',
      text: '0123456789',
    });
    expect(await readTextFile(inFolder('ten.json'), 9)).toEqual({
      status: 'too-large',
      sizeBytes: 10,
    });
  });

  it('reads an empty file', async () => {
    writeFileSync(inFolder('empty.json'), '');
    expect(await readTextFile(inFolder('empty.json'), 10)).toEqual({ status: 'read', text: '' });
  });

  it('answers missing for a file that is not there', async () => {
    expect(await readTextFile(inFolder('nope.json'), 10)).toEqual({ status: 'missing' });
    expect(await readTextFile(inFolder('nope/deeper.json'), 10)).toEqual({ status: 'missing' });
  });

  it('refuses a folder', async () => {
    await mkdir(inFolder('a-folder.json'));
    expect(await readTextFile(inFolder('a-folder.json'), 10)).toEqual({ status: 'not-a-file' });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a FIFO at once, without waiting for a writer',
    async () => {
      execFileSync('mkfifo', [inFolder('pipe.json')]);
      expect(await readTextFile(inFolder('pipe.json'), 10)).toEqual({ status: 'not-a-file' });
    },
  );

  it.skipIf(process.platform === 'win32')('refuses a character device', async () => {
    expect(await readTextFile('/dev/zero', 10)).toEqual({ status: 'not-a-file' });
  });

  it('answers not-text for bytes that are not UTF-8', async () => {
    writeFileSync(inFolder('gbk.json'), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]));
    expect(await readTextFile(inFolder('gbk.json'), 10)).toEqual({ status: 'not-text' });
  });

  // Files in /proc report a size of 0 and then hold more: a real file that is bigger when read
  // than fstat said, as a file that grows between the check and the read is.
  it.skipIf(process.platform !== 'linux')(
    'never reads more than the limit + 1 bytes, whatever fstat said',
    async () => {
      const content = readFileSync('/proc/version', 'utf8');
      expect(statSync('/proc/version').size).toBe(0);
      expect(content.length).toBeGreaterThan(21);
      expect(await readTextFile('/proc/version', 20)).toEqual({
        status: 'too-large',
        sizeBytes: 21,
      });
      expect(await readTextFile('/proc/version', 100_000)).toEqual({
        status: 'read',
        text: content,
      });
    },
  );
});

/** A file system whose writes put down half the data, then fail as a full disk does. */
function fullDisk(): AtomicWriteFs {
  return {
    async open(file, flags) {
      const handle = await open(file, flags);
      return {
        async writeFile(data) {
          const bytes = typeof data === 'string' ? Buffer.from(data) : data;
          await handle.writeFile(bytes.subarray(0, bytes.length / 2));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    rename: fs.rename,
    rm: fs.rm,
  };
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temp file', async () => {
    const target = inFolder('data.json');
    await writeFileAtomic(target, '{"v":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"v":1}');
    await writeFileAtomic(target, new TextEncoder().encode('{"v":2}'));
    expect(readFileSync(target, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(folder)).toEqual(['data.json']);
  });

  it('on a write that fails midway keeps the old content and leaves no partial file', async () => {
    const target = inFolder('data.json');
    writeFileSync(target, '{"old":true}');
    await expect(writeFileAtomic(target, '{"new":"x"}'.repeat(1000), fullDisk())).rejects.toThrow(
      'ENOSPC',
    );
    expect(readFileSync(target, 'utf8')).toBe('{"old":true}');
    expect(readdirSync(folder)).toEqual(['data.json']);
  });

  it('on a write that fails midway to a new name leaves nothing at all', async () => {
    await expect(writeFileAtomic(inFolder('new.json'), 'abcdef', fullDisk())).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('when the rename fails (the target is a folder) removes the temp file and rethrows', async () => {
    const target = inFolder('taken.json');
    await mkdir(target);
    writeFileSync(path.join(target, 'inside.txt'), 'kept');
    await expect(writeFileAtomic(target, '{"v":1}')).rejects.toThrow();
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readFileSync(path.join(target, 'inside.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(folder)).toEqual(['taken.json']);
  });

  it('fails when the folder does not exist, creating nothing', async () => {
    await expect(writeFileAtomic(inFolder('no/such/data.json'), 'x')).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
  });
});
