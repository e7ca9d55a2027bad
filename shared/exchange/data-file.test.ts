import { describe, expect, it } from 'vitest';
import type { KeyProject } from '../domain/project';
import { createDataFile, parseDataFile, planImport } from './data-file';

const project: KeyProject = {
  id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  name: '物流园',
  ownerCompany: '某物流公司',
  level: 'district',
  helperAgent: '李四',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  deleted: false,
};

describe('data file', () => {
  it('round-trips through JSON', () => {
    const file = createDataFile([project], new Date('2026-11-29T00:00:00.000Z'), '0.1.0');
    const parsed = parseDataFile(JSON.stringify(file));
    expect(parsed).toEqual({ ok: true, file });
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
      'a file with no project list',
      JSON.stringify({
        format: 'daiban-data',
        formatVersion: 1,
        exportedAt: '2026-11-29T00:00:00.000Z',
        appVersion: '0.1.0',
      }),
      { reason: 'reasonWrongFormat' },
    ],
  ])('refuses %s', (_label, text, problem) => {
    expect(parseDataFile(text)).toEqual({ ok: false, problem });
  });

  it('names the first broken project and its field', () => {
    const file = createDataFile(
      [project, { ...project, level: 'county' as never }],
      new Date('2026-11-29T00:00:00.000Z'),
      '0.1.0',
    );
    expect(parseDataFile(JSON.stringify(file))).toEqual({
      ok: false,
      problem: { reason: 'reasonInvalidRecord', index: 2, field: 'level' },
    });
  });

  it('plans a merge by last change, carrying deletions that are newer', () => {
    const deletedLater = { ...project, deleted: true, updatedAt: '2026-11-03T00:00:00.000Z' };
    const plan = planImport(new Map([[project.id, project]]), [deletedLater]);
    expect(plan.updated).toEqual([deletedLater]);
    expect(planImport(new Map([[project.id, deletedLater]]), [project]).skipped).toBe(1);
  });
});
