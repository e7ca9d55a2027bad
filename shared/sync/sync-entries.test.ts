import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonValue, maxStringLength, type JsonValue, type SyncMessage } from './message';
import {
  decodeEntries,
  decodeMessages,
  encodeMessages,
  encodeMessagesWithCounts,
  syncFileEntrySchema,
} from './sync-entries';
import { formatTimestamp, zeroTimestamp, type Timestamp } from './timestamp';

const t0 = Date.UTC(2026, 10, 29, 8, 0, 0);
const at = (minute: number, node = 'aaaaaaaaaaaaaaaa') =>
  formatTimestamp({ millis: t0 + minute * 60_000, counter: 0, node });
const p1 = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const p2 = '9b2e1f4c-7d3a-4e5b-8c6d-1a2b3c4d5e6f';

const message = (
  ts: Timestamp,
  table: string,
  row: string,
  field: string,
  value: JsonValue,
  base: Timestamp = zeroTimestamp,
): SyncMessage => ({ ts, table, row, field, value, base });

const byCell = (a: SyncMessage, b: SyncMessage) => {
  const key = (m: SyncMessage) => `${m.table} ${m.row} ${m.ts} ${m.field}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

const syncMessageArbitrary: fc.Arbitrary<SyncMessage> = fc.record({
  ts: fc
    .record({
      millis: fc.integer({ min: t0, max: t0 + 1000 }),
      counter: fc.integer({ min: 0, max: 2 }),
      node: fc.constantFrom('aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'),
    })
    .map(formatTimestamp),
  table: fc.constantFrom('projects', 'approvalItems', 'aTableFromANewerApp'),
  row: fc.constantFrom(p1, p2, 'team'),
  field: fc.oneof(
    fc.constantFrom('name', 'status', '建设单位', 'deleted'),
    fc.uuid().map((id) => `helperAgentIds/${id}`),
  ),
  // Through JSON once, as every value travels: fast-check's JSON values include -0, which JSON
  // writes as 0.
  value: fc
    .jsonValue({ maxDepth: 3 })
    .map((value) => JSON.parse(JSON.stringify(value)) as JsonValue)
    .filter((value) => checkJsonValue(value) === null),
  base: fc.oneof(
    fc.constant(zeroTimestamp),
    fc.constant(at(-5)),
    fc.constant(at(-6, 'bbbbbbbbbbbbbbbb')),
  ),
});

/** One timestamp is one write: a cell holds at most one message per timestamp. */
const syncMessagesArbitrary = fc.uniqueArray(syncMessageArbitrary, {
  selector: (m) => `${m.table} ${m.row} ${m.field} ${m.ts}`,
  maxLength: 40,
});

describe('encodeMessages', () => {
  it('groups by row, then by write, and leaves out bases that are all zero', () => {
    const created = at(0);
    const edited = at(5, 'bbbbbbbbbbbbbbbb');
    const entries = encodeMessages([
      message(created, 'projects', p1, 'name', '智能装备产业园一期'),
      message(created, 'projects', p1, 'investment', 12.5),
      message(created, 'projects', p2, 'name', '物流园'),
      message(edited, 'projects', p1, 'name', '智能装备产业园（一期）', created),
      message(edited, 'projects', p1, 'helperAgentIds/a1', true),
    ]);
    expect(entries).toEqual([
      [
        'projects',
        p1,
        [
          [created, { name: '智能装备产业园一期', investment: 12.5 }],
          [
            edited,
            { name: '智能装备产业园（一期）', 'helperAgentIds/a1': true },
            { name: created },
          ],
        ],
      ],
      ['projects', p2, [[created, { name: '物流园' }]]],
    ]);
    expect(JSON.stringify(entries[1])).toBe(
      `["projects","${p2}",[["${created}",{"name":"物流园"}]]]`,
    );
  });

  it('counts messages, distinct rows and messages per table', () => {
    const result = encodeMessagesWithCounts([
      message(at(0), 'projects', p1, 'name', 'a'),
      message(at(0), 'projects', p1, 'name', 'a'),
      message(at(0), 'projects', p2, 'name', 'b'),
      message(at(1), 'problems', p1, 'text', 'c'),
    ]);
    expect(result.messageCount).toBe(3);
    expect(result.rowCount).toBe(3);
    expect({ ...result.counts }).toEqual({ projects: 2, problems: 1 });
  });

  it('handles names that objects inherit, such as toString', () => {
    const odd = [
      message(at(0), 'toString', p1, 'hasOwnProperty', 1),
      message(at(0), 'toString', p1, 'valueOf', 2),
    ];
    const result = encodeMessagesWithCounts(odd);
    expect(result.counts).toEqual({ toString: 2 });
    expect(decodeMessages(result.entries)).toEqual(odd);
    const decoded = decodeEntries(JSON.parse(JSON.stringify(result.entries)));
    expect(decoded.ok && decoded.counts).toEqual({ toString: 2 });
  });

  it.each<[string, SyncMessage]>([
    ['a bad table', message(at(0), 'constructor', p1, 'name', 'x')],
    ['a bad row id', message(at(0), 'projects', '', 'name', 'x')],
    ['a forbidden field', message(at(0), 'projects', p1, '__proto__', 'x')],
    ['a bad value', message(at(0), 'projects', p1, 'name', 'x'.repeat(maxStringLength + 1))],
    ['a bad timestamp', message('2026-01-01' as Timestamp, 'projects', p1, 'name', 'x')],
  ])('refuses to write %s', (_, bad) => {
    expect(() => encodeMessages([bad])).toThrow(RangeError);
  });

  it('round-trips through decodeMessages, and through JSON', () => {
    fc.assert(
      fc.property(syncMessagesArbitrary, (messages) => {
        const entries = encodeMessages(messages);
        expect(decodeMessages(entries).sort(byCell)).toEqual([...messages].sort(byCell));
        const parsed = JSON.parse(JSON.stringify(entries)) as unknown;
        const decoded = decodeEntries(parsed);
        expect(decoded.ok && decoded.messages.sort(byCell)).toEqual([...messages].sort(byCell));
        for (const entry of entries)
          expect(syncFileEntrySchema.safeParse(entry).success).toBe(true);
      }),
    );
  });
});

describe('decodeEntries', () => {
  const ts = at(0);
  const good = ['projects', p1, [[ts, { name: 'x' }]]];

  it('accepts tables this version does not know', () => {
    const decoded = decodeEntries([['aTableFromANewerApp', p1, [[ts, { anyField: 1 }]]]]);
    expect(decoded.ok).toBe(true);
  });

  it.each<[string, unknown, unknown]>([
    ['not an array at all', { entries: [] }, { entry: 1, part: 'entry' }],
    ['an entry that is not a triple', [good, ['projects', p1]], { entry: 2, part: 'entry' }],
    ['a table name that is not an identifier', [['项目', p1, []]], { entry: 1, part: 'table' }],
    ['a table name that is not a string', [[7, p1, []]], { entry: 1, part: 'table' }],
    ['an empty row id', [['projects', '', []]], { entry: 1, part: 'row' }],
    ['changes that are not a list', [['projects', p1, {}]], { entry: 1, part: 'changes' }],
    ['a change with one element', [['projects', p1, [[ts]]]], { entry: 1, part: 'changes' }],
    [
      'a malformed timestamp',
      [['projects', p1, [['2026-11-29T08:00:00Z', {}]]]],
      { entry: 1, part: 'timestamp' },
    ],
    ['values that are a list', [['projects', p1, [[ts, ['x']]]]], { entry: 1, part: 'values' }],
    ['an empty field name', [['projects', p1, [[ts, { '': 1 }]]]], { entry: 1, part: 'field' }],
    [
      'a field name that is too long',
      [['projects', p1, [[ts, { ['f'.repeat(121)]: 1 }]]]],
      { entry: 1, part: 'field' },
    ],
    [
      'a value nested too deep',
      [['projects', p1, [[ts, { a: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown }]]]],
      { entry: 1, part: 'value' },
    ],
    [
      'bases that are not an object',
      [['projects', p1, [[ts, { a: 1 }, 'x']]]],
      { entry: 1, part: 'base' },
    ],
    [
      'a base for a field the change does not write',
      [['projects', p1, [[ts, { a: 1 }, { b: at(-1) }]]]],
      { entry: 1, part: 'base' },
    ],
    [
      'a base that is not a timestamp',
      [['projects', p1, [[ts, { a: 1 }, { a: 'yesterday' }]]]],
      { entry: 1, part: 'base' },
    ],
  ])('names the entry and the part for %s', (_, entries, where) => {
    expect(decodeEntries(entries)).toEqual({
      ok: false,
      problem: { reason: 'reasonMalformedEntry', ...(where as object) },
    });
  });

  it.each<[string, string]>([
    ['table', `[["__proto__","${p1}",[]]]`],
    ['table', `[["constructor","${p1}",[]]]`],
    ['row', `[["projects","prototype",[]]]`],
    ['field', `[["projects","${p1}",[["${ts}",{"__proto__":{"polluted":true}}]]]]`],
    ['field segment', `[["projects","${p1}",[["${ts}",{"helperAgentIds/__proto__":true}]]]]`],
    [
      'nested value key',
      `[["projects","${p1}",[["${ts}",{"a":[{"constructor":{"prototype":{"polluted":true}}}]}]]]]`,
    ],
    ['base key', `[["projects","${p1}",[["${ts}",{"a":1},{"__proto__":"${ts}"}]]]]`],
  ])('refuses a forbidden key as %s', (_, text) => {
    const entries = JSON.parse(text) as unknown;
    expect(decodeEntries(entries)).toEqual({
      ok: false,
      problem: { reason: 'reasonForbiddenKey', entry: 1 },
    });
    expect(syncFileEntrySchema.safeParse((entries as unknown[])[0]).success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses strings longer than 100,000 characters, naming the limit', () => {
    const entries = [good, ['projects', p2, [[ts, { note: 'x'.repeat(maxStringLength + 1) }]]]];
    expect(decodeEntries(entries)).toEqual({
      ok: false,
      problem: { reason: 'reasonStringTooLong', entry: 2, maxLength: maxStringLength },
    });
  });

  it('refuses a record listed twice, or one write listed twice in a record', () => {
    expect(decodeEntries([good, ['projects', p2, [[ts, { a: 1 }]]], good])).toEqual({
      ok: false,
      problem: { reason: 'reasonDuplicateRow', entry: 3, first: 1 },
    });
    expect(
      decodeEntries([
        [
          'projects',
          p2,
          [
            [ts, { a: 1 }],
            [ts, { b: 2 }],
          ],
        ],
      ]),
    ).toEqual({
      ok: false,
      problem: { reason: 'reasonDuplicateChange', entry: 1 },
    });
  });

  it('refuses timestamps outside the stated range', () => {
    const range = { from: at(0), to: at(10) };
    expect(decodeEntries([good], range).ok).toBe(true);
    expect(decodeEntries([good, ['projects', p2, [[at(11), { a: 1 }]]]], range)).toEqual({
      ok: false,
      problem: { reason: 'reasonOutOfRange', entry: 2 },
    });
    expect(decodeEntries([good], null)).toEqual({
      ok: false,
      problem: { reason: 'reasonOutOfRange', entry: 1 },
    });
  });

  it('agrees with the zod definition of an entry', () => {
    const validEntry = syncMessagesArbitrary.map((messages) => encodeMessages(messages)[0] ?? good);
    const mutation = fc.oneof(
      fc.constant((e: unknown[]) => e.slice(0, 2)),
      fc.constant((e: unknown[]) => ['bad table', ...e.slice(1)]),
      fc.constant((e: unknown[]) => [e[0], 'bad row', e[2]]),
      fc.constant((e: unknown[]) => [e[0], e[1], [['not a timestamp', {}]]]),
      fc.constant((e: unknown[]) => [e[0], e[1], [[ts, { ok: 1 }, { other: ts }]]]),
      fc.constant((e: unknown[]) => [e[0], e[1], [[ts, JSON.parse('{"__proto__":1}') as unknown]]]),
      fc.constant((e: unknown[]) => [e[0], e[1], [[ts, { a: 'x'.repeat(maxStringLength + 1) }]]]),
      fc.constant((e: unknown[]) => e),
    );
    fc.assert(
      fc.property(validEntry, mutation, (entry, mutate) => {
        const mutated = mutate(JSON.parse(JSON.stringify(entry)) as unknown[]);
        expect(decodeEntries([mutated]).ok).toBe(syncFileEntrySchema.safeParse(mutated).success);
      }),
    );
  });
});
