import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import formatDoc from '../../docs/sync-file-format.md?raw';
import encryptedV1 from './fixtures/encrypted-v1.json?raw';
import type { SyncMessage } from './message';
import { decodeMessages } from './sync-entries';
import {
  createSyncFile,
  readSyncFile,
  readSyncFileHeader,
  syncFileSchema,
  type SyncFileHeaderInput,
  type SyncFileProblem,
} from './sync-file';
import { formatTimestamp, zeroTimestamp, type Timestamp } from './timestamp';

const t0 = Date.UTC(2026, 10, 29, 8, 0, 0);
const at = (minute: number, node = 'aaaaaaaaaaaaaaaa') =>
  formatTimestamp({ millis: t0 + minute * 60_000, counter: 0, node });
const p1 = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const p2 = '9b2e1f4c-7d3a-4e5b-8c6d-1a2b3c4d5e6f';
const appVersion = '0.1.0';
/** The lowest iteration count a file may use: keeps these tests quick. */
const iterations = 200_000;

const input: SyncFileHeaderInput = {
  team: { id: '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e', name: '高新区帮办代办团队' },
  producer: { node: 'aaaaaaaaaaaaaaaa', name: '张三的电脑' },
  createdAt: '2026-11-29T09:00:00.000Z',
  appVersion: '0.1.0',
  minAppVersion: '0.1.0',
};

const messages: SyncMessage[] = [
  {
    ts: at(0),
    table: 'projects',
    row: p1,
    field: 'name',
    value: '智能装备产业园一期',
    base: zeroTimestamp,
  },
  { ts: at(0), table: 'projects', row: p1, field: 'deleted', value: false, base: zeroTimestamp },
  { ts: at(0), table: 'projects', row: p2, field: 'name', value: '物流园', base: zeroTimestamp },
  {
    ts: at(3, 'bbbbbbbbbbbbbbbb'),
    table: 'projects',
    row: p1,
    field: 'name',
    value: '一期（调整）',
    base: at(0),
  },
  {
    ts: at(4),
    table: 'approvalItems',
    row: p2,
    field: 'pausedIntervals/2026-12-01',
    value: { to: null },
    base: zeroTimestamp,
  },
];

const byCell = (a: SyncMessage, b: SyncMessage) => {
  const key = (m: SyncMessage) => `${m.table} ${m.row} ${m.ts} ${m.field}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

const maxTimestamp = '9999-12-31T23:59:59.999Z-FFFF-ffffffffffffffff' as Timestamp;

/** A file around hand-written entries, with a correct checksum unless told otherwise. */
async function craft(payload: string, header: Record<string, unknown> = {}): Promise<string> {
  const full = {
    format: 'daiban-sync',
    formatVersion: 1,
    ...input,
    range: { from: zeroTimestamp, to: maxTimestamp },
    messageCount: 0,
    rowCount: 0,
    counts: {},
    sha256: await sha256Hex(payload),
    encryption: null,
    ...header,
  };
  return `${JSON.stringify(full).slice(0, -1)},"messages":${payload}}`;
}

async function problemOf(text: string, passphrase?: string): Promise<SyncFileProblem> {
  const result = await readSyncFile(text, { appVersion, passphrase });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problem;
}

describe('createSyncFile and readSyncFile', () => {
  it('round-trip messages with a header first and the messages last', async () => {
    const text = await createSyncFile(input, messages);
    expect(text.startsWith('{\n  "format": "daiban-sync",\n  "formatVersion": 1,\n')).toBe(true);
    const result = await readSyncFile(text, { appVersion });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(decodeMessages(result.entries).sort(byCell)).toEqual([...messages].sort(byCell));
    expect(result.header).toMatchObject({
      ...input,
      range: { from: at(0), to: at(4) },
      messageCount: 5,
      rowCount: 3,
      counts: { projects: 4, approvalItems: 1 },
      encryption: null,
    });
    expect(Object.keys(JSON.parse(text) as object).at(-1)).toBe('messages');
    expect(syncFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('hashes the exact text of the messages array with SHA-256', async () => {
    const text = await createSyncFile(input, messages);
    const start = text.indexOf('"messages": ') + '"messages": '.length;
    const payload = text.slice(start, text.lastIndexOf('}')).trimEnd();
    expect((JSON.parse(text) as { sha256: string }).sha256).toBe(await sha256Hex(payload));
    expect(payload.split('\n')).toHaveLength(3 + 2);
  });

  it('writes a file without messages', async () => {
    const text = await createSyncFile(input, []);
    const result = await readSyncFile(text, { appVersion });
    expect(result).toMatchObject({
      ok: true,
      entries: [],
      header: { range: null, messageCount: 0 },
    });
  });

  it('refuses to write a header that would not be read back', async () => {
    await expect(createSyncFile({ ...input, minAppVersion: 'latest' }, messages)).rejects.toThrow(
      RangeError,
    );
  });

  it('ignores a leading byte order mark', async () => {
    const text = await createSyncFile(input, messages);
    expect((await readSyncFile(`\uFEFF${text}`, { appVersion })).ok).toBe(true);
  });

  it('accepts a file written with other whitespace, as long as the checksum covers its messages text', async () => {
    const payload = `[ [ "projects" , "${p1}" , [ [ "${at(0)}" , { "name" : "x" } ] ] ] ]`;
    const text = await craft(payload, { messageCount: 1, rowCount: 1, counts: { projects: 1 } });
    expect(
      await readSyncFile(text.replace('"messages":', '\n  "messages" :\n  '), { appVersion }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('encrypted sync files', () => {
  it('round-trip with the passphrase, and nothing of the messages is readable without it', async () => {
    const text = await createSyncFile(input, messages, { passphrase: '帮办2026', iterations });
    expect(text).not.toContain('物流园');
    expect(text).not.toContain(p1);
    const header = JSON.parse(text) as { encryption: unknown; ciphertext: string };
    expect(header.encryption).toMatchObject({
      algorithm: 'AES-GCM',
      kdf: 'PBKDF2-SHA256',
      iterations,
    });
    expect(syncFileSchema.safeParse(header).success).toBe(true);
    const result = await readSyncFile(text, { appVersion, passphrase: '帮办2026' });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(decodeMessages(result.entries).sort(byCell)).toEqual([...messages].sort(byCell));

    expect(await problemOf(text)).toEqual({ reason: 'reasonNeedsPassphrase' });
    expect(await problemOf(text, '')).toEqual({ reason: 'reasonNeedsPassphrase' });
    expect(await problemOf(text, '帮办2025')).toEqual({ reason: 'reasonWrongPassphrase' });
  });

  it('uses a new salt and IV for every file', async () => {
    const a = JSON.parse(
      await createSyncFile(input, messages, { passphrase: 'x', iterations }),
    ) as {
      encryption: { salt: string; iv: string };
    };
    const b = JSON.parse(
      await createSyncFile(input, messages, { passphrase: 'x', iterations }),
    ) as typeof a;
    expect(a.encryption.salt).not.toBe(b.encryption.salt);
    expect(a.encryption.iv).not.toBe(b.encryption.iv);
  });

  it('tells a damaged file from a wrong passphrase', async () => {
    const text = await createSyncFile(input, messages, { passphrase: 'x', iterations });
    const { ciphertext } = JSON.parse(text) as { ciphertext: string };
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    expect(await problemOf(text.replace(ciphertext, flipped), 'x')).toEqual({
      reason: 'reasonChecksumMismatch',
    });
  });

  it('are format version 2, whose header is sealed with the messages', async () => {
    const text = await createSyncFile(input, messages, { passphrase: 'x', iterations });
    const file = JSON.parse(text) as { formatVersion: number; encryption: { check: string } };
    expect(file.formatVersion).toBe(2);
    expect(file.encryption.check).toMatch(/^[A-Za-z0-9+/]{66}==$/);
    expect(await readSyncFile(text, { appVersion, passphrase: 'x' })).toMatchObject({
      ok: true,
      sealed: true,
    });
    expect(JSON.parse(await createSyncFile(input, messages))).toMatchObject({ formatVersion: 1 });
    expect(await readSyncFile(await createSyncFile(input, messages), { appVersion })).toMatchObject(
      { ok: true, sealed: false },
    );
  });

  it('reads a header changed after sealing as altered, not as a wrong passphrase', async () => {
    const text = await createSyncFile(input, messages, { passphrase: 'x', iterations });
    const changes: [string, string][] = [
      ['"name": "张三的电脑"', '"name": "李四的电脑"'],
      ['"node": "aaaaaaaaaaaaaaaa"', '"node": "cccccccccccccccc"'],
      ['"name": "高新区帮办代办团队"', '"name": "另一个团队"'],
      [`"to": "${at(4)}"`, `"to": "${at(9)}"`],
      ['"createdAt": "2026-11-29T09:00:00.000Z"', '"createdAt": "2026-11-30T09:00:00.000Z"'],
    ];
    for (const [from, to] of changes) {
      expect(text).toContain(from);
      expect(await problemOf(text.replace(from, to), 'x')).toEqual({ reason: 'reasonSealBroken' });
    }
    expect(await problemOf(text, 'y')).toEqual({ reason: 'reasonWrongPassphrase' });
  });

  it('reads a ciphertext changed with its checksum recomputed as altered', async () => {
    const text = await createSyncFile(input, messages, { passphrase: 'x', iterations });
    const { ciphertext, sha256 } = JSON.parse(text) as { ciphertext: string; sha256: string };
    const flipped = `${ciphertext[0] === 'A' ? 'B' : 'A'}${ciphertext.slice(1)}`;
    const forged = text.replace(ciphertext, flipped).replace(sha256, await sha256Hex(flipped));
    expect(await problemOf(forged, 'x')).toEqual({ reason: 'reasonSealBroken' });
  });

  it('refuses a version 2 file without a key check, and a version 1 file with one', async () => {
    const text = await createSyncFile(input, messages, { passphrase: 'x', iterations });
    const { encryption } = JSON.parse(text) as { encryption: { check: string } };
    const unchecked = text.replace(`,\n    "check": "${encryption.check}"`, '');
    expect(unchecked).not.toBe(text);
    expect(await problemOf(unchecked, 'x')).toEqual({
      reason: 'reasonBadHeader',
      part: 'encryption',
    });
    expect(await problemOf(text.replace('"formatVersion": 2', '"formatVersion": 1'), 'x')).toEqual({
      reason: 'reasonBadHeader',
      part: 'encryption',
    });
    const plain = await createSyncFile(input, messages);
    expect(await problemOf(plain.replace('"formatVersion": 1', '"formatVersion": 2'))).toEqual({
      reason: 'reasonBadHeader',
      part: 'formatVersion',
    });
  });

  it('still reads an encrypted file of format version 1 (made by 0.3.0 before sealing)', async () => {
    const result = await readSyncFile(encryptedV1, {
      appVersion: '0.3.0',
      passphrase: '旧版文件口令2026',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.header.formatVersion).toBe(1);
    expect(result.sealed).toBe(false);
    expect(decodeMessages(result.entries)).toContainEqual(
      expect.objectContaining({ field: 'name', value: '智能装备产业园一期' }),
    );
    expect(
      await readSyncFile(encryptedV1, { appVersion: '0.3.0', passphrase: '错误的口令口令' }),
    ).toEqual({
      ok: false,
      problem: { reason: 'reasonWrongPassphrase' },
    });
  });

  it('refuses an empty passphrase when writing', async () => {
    await expect(createSyncFile(input, messages, { passphrase: '' })).rejects.toThrow(RangeError);
  });
});

describe('readSyncFile refuses bad files, naming what is wrong', () => {
  it('not JSON', async () => {
    expect(await problemOf('')).toEqual({ reason: 'reasonNotJson' });
    expect(await problemOf('项目名称,建设单位\n智能装备产业园,某公司')).toEqual({
      reason: 'reasonNotJson',
    });
    expect(await problemOf('{"a":1}}')).toEqual({ reason: 'reasonNotJson' });
  });

  it('a file cut short', async () => {
    const text = await createSyncFile(input, messages);
    for (const length of [1, 100, Math.floor(text.length / 2), text.length - 3]) {
      expect(await problemOf(text.slice(0, length))).toEqual({ reason: 'reasonTruncated' });
    }
  });

  it('another format, such as the old data file', async () => {
    expect(await problemOf('{"format":"daiban-data","formatVersion":2,"tables":{}}')).toEqual({
      reason: 'reasonWrongFormat',
    });
    expect(await problemOf('[]')).toEqual({ reason: 'reasonWrongFormat' });
    expect(await problemOf('{"format":"daiban-sync","formatVersion":"1"}')).toEqual({
      reason: 'reasonWrongFormat',
    });
  });

  it('a newer format version, whatever else it holds', async () => {
    expect(await problemOf('{"format":"daiban-sync","formatVersion":3,"whatever":true}')).toEqual({
      reason: 'reasonNewerVersion',
      version: 3,
    });
  });

  it('a file that needs a newer app, naming the version', async () => {
    const text = await createSyncFile({ ...input, minAppVersion: '0.10.0' }, messages);
    expect(await problemOf(text)).toEqual({ reason: 'reasonNeedsNewerApp', version: '0.10.0' });
    expect((await readSyncFile(text, { appVersion: '0.10.0' })).ok).toBe(true);
    expect((await readSyncFile(text, { appVersion: '1.0.0' })).ok).toBe(true);
  });

  it('a header part that is wrong', async () => {
    const text = await createSyncFile(input, messages);
    const replaced = (from: string, to: string) => text.replace(from, to);
    expect(await problemOf(replaced(input.team.id, 'team-1'))).toEqual({
      reason: 'reasonBadHeader',
      part: 'team',
    });
    expect(
      await problemOf(
        replaced('"createdAt": "2026-11-29T09:00:00.000Z"', '"createdAt": "yesterday"'),
      ),
    ).toEqual({
      reason: 'reasonBadHeader',
      part: 'createdAt',
    });
  });

  it('messages that are not the last member', async () => {
    const text = await createSyncFile(input, messages);
    expect(await problemOf(`${text.trimEnd().slice(0, -1)},"more":1}`)).toEqual({
      reason: 'reasonWrongFormat',
    });
  });

  it('messages changed after writing', async () => {
    const text = await createSyncFile(input, messages);
    expect(await problemOf(text.replace('物流园', '物流园二期'))).toEqual({
      reason: 'reasonChecksumMismatch',
    });
  });

  it('a count in the header that does not match the messages', async () => {
    const text = await createSyncFile(input, messages);
    expect(await problemOf(text.replace('"messageCount": 5', '"messageCount": 6'))).toEqual({
      reason: 'reasonCountMismatch',
      what: 'messages',
      expected: 6,
      actual: 5,
    });
    expect(await problemOf(text.replace('"rowCount": 3', '"rowCount": 2'))).toEqual({
      reason: 'reasonCountMismatch',
      what: 'rows',
      expected: 2,
      actual: 3,
    });
    const withZero = text.replace('"approvalItems": 1', '"approvalItems": 1, "problems": 0');
    expect((await readSyncFile(withZero, { appVersion })).ok).toBe(true);
    expect(await problemOf(text.replace('"approvalItems": 1', '"problems": 1'))).toEqual({
      reason: 'reasonCountMismatch',
      what: 'tableMessages',
      expected: 1,
      actual: 0,
    });
  });

  it('a message outside the stated time range', async () => {
    const text = await createSyncFile(input, messages);
    expect(
      await problemOf(text.replace(`"to": "${at(4)}"`, `"to": "${at(3, 'bbbbbbbbbbbbbbbb')}"`)),
    ).toEqual({
      reason: 'reasonOutOfRange',
      entry: 3,
    });
  });

  it('a malformed entry, naming its number and part', async () => {
    const payload = `[["projects","${p1}",[["${at(0)}",{"name":"x"}]]],\n["projects","${p2}",[["not a time",{}]]]]`;
    expect(await problemOf(await craft(payload))).toEqual({
      reason: 'reasonMalformedEntry',
      entry: 2,
      part: 'timestamp',
    });
  });

  it('forbidden keys anywhere, without polluting any prototype', async () => {
    const payloads = [
      `[["projects","${p1}",[["${at(0)}",{"__proto__":{"polluted":true}}]]]]`,
      `[["projects","${p1}",[["${at(0)}",{"a":{"__proto__":{"polluted":true}}}]]]]`,
      `[["projects","${p1}",[["${at(0)}",{"a":[{"constructor":{"prototype":{"polluted":true}}}]}]]]]`,
      `[["__proto__","${p1}",[]]]`,
    ];
    for (const payload of payloads) {
      expect(await problemOf(await craft(payload))).toEqual({
        reason: 'reasonForbiddenKey',
        entry: 1,
      });
    }
    const header = await craft('[]', {
      range: null,
      counts: JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    });
    expect(header).toContain('"counts":{"__proto__"');
    expect(await problemOf(header)).toEqual({ reason: 'reasonBadHeader', part: 'counts' });
    const extra = (await craft('[]', { range: null })).replace(
      '{"format"',
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"format"',
    );
    expect((await readSyncFile(extra, { appVersion })).ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('strings longer than 100,000 characters', async () => {
    const payload = `[["projects","${p1}",[["${at(0)}",{"note":"${'长'.repeat(100_001)}"}]]]]`;
    expect(await problemOf(await craft(payload))).toEqual({
      reason: 'reasonStringTooLong',
      entry: 1,
      maxLength: 100_000,
    });
  });
});

describe('readSyncFileHeader', () => {
  it('reads the header without the messages', async () => {
    const text = await createSyncFile(input, messages);
    const result = readSyncFileHeader(text, { appVersion });
    expect(result).toMatchObject({ ok: true, header: { team: input.team, messageCount: 5 } });
    // The messages are not even looked at: a damaged body still gives the header.
    expect(
      readSyncFileHeader(text.slice(0, text.indexOf('"messages":') + 20), { appVersion }).ok,
    ).toBe(true);
  });

  it('refuses what readSyncFile refuses for its header', async () => {
    const text = await createSyncFile({ ...input, minAppVersion: '9.0.0' }, messages);
    expect(readSyncFileHeader(text, { appVersion })).toEqual({
      ok: false,
      problem: { reason: 'reasonNeedsNewerApp', version: '9.0.0' },
    });
    expect(readSyncFileHeader('{"format":"daiban-sync","formatV', { appVersion })).toEqual({
      ok: false,
      problem: { reason: 'reasonTruncated' },
    });
    expect(readSyncFileHeader('nonsense', { appVersion })).toEqual({
      ok: false,
      problem: { reason: 'reasonNotJson' },
    });
  });
});

describe('docs/sync-file-format.md', () => {
  /** The first fenced block of a language after a heading. */
  function block(heading: string, language: string): string {
    const after = formatDoc.slice(formatDoc.indexOf(`\n${heading}\n`));
    const match = new RegExp(`\`\`\`${language}\n([\\s\\S]*?)\n\`\`\``).exec(after);
    if (!match?.[1]) throw new Error(`No ${language} block after ${heading}`);
    return match[1];
  }

  it('its example is a file this app reads', async () => {
    const result = await readSyncFile(block('## 示例', 'text'), { appVersion });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(result.header.team.name).toBe('高新区帮办代办团队');
    expect(decodeMessages(result.entries)).toHaveLength(6);
    expect(decodeMessages(result.entries)).toContainEqual({
      ts: '2026-11-29T06:40:55.031Z-0002-a83e5d1f0c9b2e74',
      table: 'projects',
      row: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
      field: 'ownerCompany',
      value: '江苏新宁智能装备有限公司',
      base: '2026-11-29T01:15:02.417Z-0000-4f1c9a0e2b7d3c58',
    });
  });

  it('its JSON Schema is the one generated from the zod definition', () => {
    expect(JSON.parse(block('## JSON Schema', 'json'))).toEqual(z.toJSONSchema(syncFileSchema));
  });
});
