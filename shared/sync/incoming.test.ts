import { describe, expect, it } from 'vitest';
import { splitIncoming, parkedLimits } from './incoming';
import { cellProblem, readCell, recordCells, writeCell } from './record-cells';
import { decodeEntries, type SyncFileEntry } from './sync-entries';
import { formatTimestamp } from './timestamp';

const ts = (millis: number, counter = 0) =>
  formatTimestamp({ millis: Date.UTC(2026, 10, 29) + millis, counter, node: 'a1b2c3d4e5f60718' });
const projectId = '3f2c1b6e-8d4a-4c1e-9b2f-7a6d5e4c3b2a';
/** Names every plain object inherits: a lookup on one must find nothing. */
const inherited = ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'toLocaleString'];

describe('received names that a plain object inherits', () => {
  it.each(inherited)('parks a field named %s of a known table', (field) => {
    const entries: SyncFileEntry[] = [
      ['projects', projectId, [[ts(1), { name: '园区', [field]: 'x' }]]],
    ];
    const split = splitIncoming(entries);
    expect(split).toEqual({
      ok: true,
      known: [['projects', projectId, [[ts(1), { name: '园区' }]]]],
      parked: [['projects', projectId, [[ts(1), { [field]: 'x' }]]]],
    });
    expect(cellProblem('projects', field, 'x')).toBe('unknownField');
    expect(cellProblem('projects', `${field}/a`, true)).toBe('unknownField');
    expect(cellProblem('projects', `helperAgentIds/${field}`, true)).toBe('wrongValue');
  });

  it.each(inherited)('parks a table named %s, whatever its record id', (table) => {
    const entries: SyncFileEntry[] = [[table, 'toString', [[ts(1), { valueOf: 1 }]]]];
    expect(splitIncoming(entries)).toEqual({ ok: true, known: [], parked: entries });
  });

  it.each(inherited)('refuses a record of a known table with the id %s', (row) => {
    const entries: SyncFileEntry[] = [
      ['projects', projectId, [[ts(1), { name: '园区' }]]],
      ['approvalItems', row, [[ts(2), { name: '立项' }]]],
    ];
    expect(splitIncoming(entries)).toEqual({
      ok: false,
      problem: { reason: 'reasonBadRecordId', entry: 2, table: 'approvalItems' },
    });
  });

  it('refuses an id that is not a UUID for every known table, the fixed ids of ours taken', () => {
    expect(splitIncoming([['settings', 'team', [[ts(1), { teamName: 'x' }]]]])).toMatchObject({
      ok: false,
      problem: { reason: 'reasonBadRecordId' },
    });
    const ours: SyncFileEntry[] = [
      ['settings', '00000000-0000-4000-8000-000000000001', [[ts(1), { teamName: 'x' }]]],
      ['holidaySchedules', '2d1b0a6e-0000-4000-8000-000000002027', [[ts(1), { year: 2027 }]]],
    ];
    expect(splitIncoming(ours)).toMatchObject({ ok: true });
  });

  it('reads and writes cells of a record without finding inherited members', () => {
    const row: Record<string, unknown> = { id: projectId, name: '园区', helperAgentIds: [] };
    for (const name of inherited) {
      expect(readCell('projects', row, name)).toBeNull();
      expect(readCell('projects', row, `${name}/x`)).toBeNull();
      writeCell('projects', row, `${name}/x`, true, () => undefined);
    }
    expect(Object.keys(row)).toEqual(['id', 'name', 'helperAgentIds']);
    expect([...recordCells('projects', { ...row, valueOf: 'v' }).keys()]).toEqual([
      'name',
      'valueOf',
    ]);
  });

  it('refuses __proto__, constructor and prototype as table, record id and field', () => {
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      const asTable: unknown = JSON.parse(
        `[["${name}", "${projectId}", [["${ts(1)}", {"a": 1}]]]]`,
      );
      const asRow: unknown = JSON.parse(`[["projects", "${name}", [["${ts(1)}", {"a": 1}]]]]`);
      const asField: unknown = JSON.parse(
        `[["projects", "${projectId}", [["${ts(1)}", {"${name}": 1}]]]]`,
      );
      for (const entries of [asTable, asRow, asField]) {
        expect(decodeEntries(entries)).toMatchObject({
          ok: false,
          problem: { reason: 'reasonForbiddenKey', entry: 1 },
        });
      }
    }
  });
});

describe('bounds on what is parked', () => {
  const unknownTable = (rows: number, fields: number, value: unknown): SyncFileEntry[] =>
    Array.from({ length: rows }, (_, index) => [
      'newerTable',
      `row-${index}`,
      [[ts(1), Object.fromEntries(Array.from({ length: fields }, (_, f) => [`f${f}`, value]))]],
    ]) as SyncFileEntry[];

  it(`parks ${parkedLimits.messages} messages and refuses one more`, () => {
    const most = unknownTable(parkedLimits.messages / 10, 10, 1);
    expect(splitIncoming(most)).toMatchObject({ ok: true, known: [] });
    const over: SyncFileEntry[] = [...most, ['newerTable', 'one-more', [[ts(2), { f: 1 }]]]];
    expect(splitIncoming(over)).toEqual({
      ok: false,
      problem: { reason: 'reasonParkedTooMany', entry: over.length, limit: parkedLimits.messages },
    });
  });

  it('counts unknown fields of known tables too', () => {
    const entries: SyncFileEntry[] = [
      ['projects', projectId, [[ts(1), { name: '园区', newerField: 'x'.repeat(70_000) }]]],
    ];
    expect(splitIncoming(entries)).toEqual({
      ok: false,
      problem: { reason: 'reasonParkedValueTooLarge', entry: 1, limitKiB: 64 },
    });
  });

  it('measures a value in UTF-8 bytes: 30,000 汉字 are 90 KB', () => {
    const entries = unknownTable(1, 1, '汉'.repeat(30_000));
    expect(splitIncoming(entries)).toMatchObject({
      ok: false,
      problem: { reason: 'reasonParkedValueTooLarge' },
    });
    expect(splitIncoming(unknownTable(1, 1, 'x'.repeat(60_000)))).toMatchObject({ ok: true });
  });

  it('refuses more than 32 MiB parked from one batch', () => {
    const entries = unknownTable(600, 1, 'x'.repeat(60_000));
    expect(splitIncoming(entries)).toMatchObject({
      ok: false,
      problem: { reason: 'reasonParkedTooLarge', limitMiB: 32 },
    });
    expect(splitIncoming(entries, { bounded: false })).toMatchObject({ ok: true });
  });
});
