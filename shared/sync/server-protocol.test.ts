import { describe, expect, it } from 'vitest';
import {
  entriesOfWrites,
  isSealedPayload,
  isWellFormedParts,
  sinceMillis,
  syncRequestSchema,
  writesOfEntries,
  type WirePart,
} from './server-protocol';
import type { SyncFileEntry } from './sync-entries';
import { formatTimestamp, type Timestamp } from './timestamp';

const node = 'aaaaaaaaaaaaaaaa';
const ts = (millis: number, counter = 0) => formatTimestamp({ millis, counter, node });
const t0 = Date.UTC(2026, 10, 29, 8);
const row1 = '11111111-1111-4111-8111-111111111111';
const row2 = '22222222-2222-4222-8222-222222222222';

describe('writes and entries', () => {
  const entries: SyncFileEntry[] = [
    [
      'projects',
      row1,
      [
        [ts(t0), { name: '甲' }],
        [ts(t0 + 5), { notes: '乙' }, { notes: ts(t0) }],
      ],
    ],
    ['projects', row2, [[ts(t0), { name: '丙' }]]],
  ];

  it('groups every part of one timestamp into one write, in time order', () => {
    const writes = writesOfEntries(entries);
    expect([...writes.keys()]).toEqual([ts(t0), ts(t0 + 5)]);
    expect(writes.get(ts(t0))).toEqual([
      ['projects', row1, { name: '甲' }],
      ['projects', row2, { name: '丙' }],
    ]);
    expect(writes.get(ts(t0 + 5))).toEqual([
      ['projects', row1, { notes: '乙' }, { notes: ts(t0) }],
    ]);
  });

  it('keeps only writes after a mark, and leaves out the ones to skip', () => {
    expect([...writesOfEntries(entries, { since: sinceMillis(t0 + 1) }).keys()]).toEqual([
      ts(t0 + 5),
    ]);
    expect([...writesOfEntries(entries, { since: sinceMillis(t0) }).keys()]).toHaveLength(2);
    expect([...writesOfEntries(entries, { skip: new Set([ts(t0)]) }).keys()]).toEqual([ts(t0 + 5)]);
  });

  it('turns writes back into the same entries, checked like a file', () => {
    const writes = [...writesOfEntries(entries)];
    const back = entriesOfWrites(writes);
    expect(back).toEqual({ ok: true, entries, messages: 3 });
  });

  it('refuses writes out of order, twice, malformed, or with what a file may not hold', () => {
    const write = (t: Timestamp, parts: unknown) => [t, parts] as const;
    const part: WirePart = ['projects', row1, { name: '甲' }];
    expect(entriesOfWrites([write(ts(t0 + 1), [part]), write(ts(t0), [part])])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonWriteOrder' },
    });
    expect(entriesOfWrites([write(ts(t0), [part]), write(ts(t0), [part])])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonWriteOrder' },
    });
    expect(entriesOfWrites([write(ts(t0), [part, part])])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonDuplicateChange' },
    });
    for (const bad of [[], 'x', [['projects', row1]], [[1, row1, {}]]]) {
      expect(entriesOfWrites([write(ts(t0), bad)])).toMatchObject({ ok: false });
    }
    expect(
      entriesOfWrites([write(ts(t0), [['projects', row1, { ['__proto__']: 1 }]])]),
    ).toMatchObject({ ok: false });
    expect(entriesOfWrites([write(ts(t0), [['projects', '../x', { name: 'a' }]])])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonMalformedEntry', part: 'row' },
    });
    expect(entriesOfWrites([['not-a-timestamp' as Timestamp, [part]]])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonMalformedWrite' },
    });
  });
});

describe('the sync request', () => {
  it('takes timestamps or an ISO millisecond as the download mark, and trie prefixes', () => {
    const ok = (body: unknown) => syncRequestSchema.safeParse(body).success;
    const own = { protocol: 2, node };
    expect(ok(own)).toBe(true);
    expect(ok({ ...own, since: sinceMillis(t0) })).toBe(true);
    expect(ok({ ...own, since: ts(t0) })).toBe(true);
    expect(ok({ ...own, since: "x' OR 1=1" })).toBe(false);
    expect(ok({ ...own, expand: '0120' })).toBe(true);
    expect(ok({ ...own, expand: '0123' })).toBe(false);
    expect(ok({ protocol: 1, node })).toBe(false);
    // Every request names the device's node; the seeds' and converted records' are nobody's.
    expect(ok({ protocol: 2 })).toBe(false);
    expect(ok({ protocol: 2, node: '0000000000000000' })).toBe(false);
    expect(ok({ protocol: 2, node: '00000000aaaaaaaa' })).toBe(false);
    expect(ok({ ...own, writes: [[ts(t0), [['projects', row1, {}]]]] })).toBe(true);
    expect(ok({ ...own, writes: [['2026-13-01', []]] })).toBe(false);
  });

  it('tells a sealed envelope and well-formed parts from anything else', () => {
    expect(isSealedPayload(btoa('x'.repeat(40)))).toBe(true);
    expect(isSealedPayload('c2VhbGVk')).toBe(false);
    expect(isSealedPayload(`${btoa('x'.repeat(40))}!`)).toBe(false);
    expect(isSealedPayload([['projects', row1, {}]])).toBe(false);
    expect(isWellFormedParts(ts(t0), [['projects', row1, { name: '甲' }]])).toBe(true);
    expect(isWellFormedParts(ts(t0), [])).toBe(false);
    expect(isWellFormedParts(ts(t0), [1])).toBe(false);
    expect(isWellFormedParts(ts(t0), 'c2VhbGVk')).toBe(false);
  });

  it('orders an ISO millisecond mark before every timestamp of that millisecond and after the earlier ones', () => {
    const mark = sinceMillis(t0);
    expect(ts(t0) > mark).toBe(true);
    expect(ts(t0, 0xffff) > mark).toBe(true);
    expect(ts(t0 - 1, 0xffff) < mark).toBe(true);
  });
});
