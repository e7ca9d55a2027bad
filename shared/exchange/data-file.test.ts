import { describe, expect, it } from 'vitest';
import { testApprovalItem, testProject } from '../domain/test-records';
import type { TableRecords } from '../domain/records';
import { dataFileFormat, emptyTables, parseDataFile } from './data-file';

/** A v2 data file as version 0.1 wrote it. */
const createDataFile = (tables: TableRecords, exportedAt: Date, appVersion: string) => ({
  format: dataFileFormat,
  formatVersion: 2,
  exportedAt: exportedAt.toISOString(),
  appVersion,
  tables,
});

const exportedAt = new Date('2026-11-29T00:00:00.000Z');

describe('data file', () => {
  it('round-trips every table through JSON', () => {
    const tables = {
      ...emptyTables(),
      projects: [testProject()],
      approvalItems: [testApprovalItem()],
    };
    const file = createDataFile(tables, exportedAt, '0.1.0');
    expect(parseDataFile(JSON.stringify(file))).toEqual({ ok: true, file });
  });

  it.each([
    ['not JSON', '{"format": "daiban-da', { reason: 'reasonNotJson' }],
    ['another program’s JSON', '{"hello": 1}', { reason: 'reasonWrongFormat' }],
    [
      'a newer format',
      JSON.stringify({ format: 'daiban-data', formatVersion: 9 }),
      { reason: 'reasonNewerVersion', version: 9 },
    ],
    [
      'the first format',
      JSON.stringify({ format: 'daiban-data', formatVersion: 1 }),
      { reason: 'reasonOldVersion', version: 1 },
    ],
    [
      'a file with no tables',
      JSON.stringify({
        format: 'daiban-data',
        formatVersion: 2,
        exportedAt: '2026-11-29T00:00:00.000Z',
        appVersion: '0.1.0',
      }),
      { reason: 'reasonWrongFormat' },
    ],
  ])('refuses %s', (_label, text, problem) => {
    expect(parseDataFile(text)).toEqual({ ok: false, problem });
  });

  it('names the table, the first broken record and its field', () => {
    const tables = {
      ...emptyTables(),
      projects: [testProject()],
      approvalItems: [testApprovalItem(), testApprovalItem({ acceptedOn: '2026-13-01' })],
    };
    expect(parseDataFile(JSON.stringify(createDataFile(tables, exportedAt, '0.1.0')))).toEqual({
      ok: false,
      problem: {
        reason: 'reasonInvalidRecord',
        table: 'approvalItems',
        index: 2,
        field: 'acceptedOn',
      },
    });
  });

  it('refuses an item whose dates break the rules (accepted before submitted)', () => {
    const tables = {
      ...emptyTables(),
      approvalItems: [
        testApprovalItem({
          status: 'accepted',
          submittedOn: '2026-03-05',
          acceptedOn: '2026-03-02',
        }),
      ],
    };
    const parsed = parseDataFile(JSON.stringify(createDataFile(tables, exportedAt, '0.1.0')));
    expect(parsed.ok).toBe(false);
  });
});
