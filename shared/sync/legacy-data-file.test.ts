import { describe, expect, it } from 'vitest';
import { defaultCatalog, formerDefaultNames } from '../catalog/default-catalog';
import { parseDataFile, type DataFile } from '../exchange/data-file';
import { teamSettingsId } from '../domain/settings';
import v01Text from './fixtures/v0.1-data-file.json?raw';
import { currentRecord, entriesFromDataFile, userCells } from './legacy-data-file';
import { recordCells } from './record-cells';
import type { SyncFileEntry } from './sync-entries';
import { isLegacyNode, parseTimestamp } from './timestamp';

/** Made by 0.1.0 itself (fixtures/v0.1-data-file.md): one catalog entry edited, two projects. */
function v01File(text = v01Text): DataFile {
  const parsed = parseDataFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  return parsed.file;
}

/** An entry's one write: a converted record is one write. */
const write = (entry: SyncFileEntry) => entry[2][0]!;

const editedId = 'fbd21e05-333a-462f-be1d-c074826f09b9';

describe('a real v0.1 data file', () => {
  const file = v01File();
  const entries = entriesFromDataFile(file);
  const ofTable = (table: string) => entries.filter(([name]) => name === table);

  it('holds what 0.1.0 wrote: the catalog as seeded, with half-width brackets', () => {
    expect(file.appVersion).toBe('0.1.0');
    expect(file.tables.catalogItems).toHaveLength(defaultCatalog.length);
    const names = new Map(file.tables.catalogItems.map((entry) => [entry.id, entry.name]));
    for (const [id, former] of Object.entries(formerDefaultNames)) {
      expect(names.get(id)).toBe(former);
    }
  });

  it("changes only what its user edited: of the catalog, the edited entry's edited fields", () => {
    expect(ofTable('catalogItems')).toEqual([
      [
        'catalogItems',
        editedId,
        [
          [
            expect.any(String),
            { timeLimit: { days: 15, unit: 'working' }, limitNote: '本区承诺 15 个工作日' },
          ],
        ],
      ],
    ]);
    // The team settings the user changed: the warning days, not the seeded team name.
    expect(ofTable('settings')).toEqual([
      ['settings', teamSettingsId, [[expect.any(String), { warnWithinWorkingDays: 5 }]]],
    ]);
  });

  it("carries the user's records whole", () => {
    for (const table of ['projects', 'approvalItems'] as const) {
      const rows = file.tables[table];
      expect(ofTable(table).map(([, id]) => id)).toEqual(rows.map((row) => row.id));
      for (const entry of ofTable(table)) {
        const [, id] = entry;
        const values = write(entry)[1];
        const row = rows.find((candidate) => candidate.id === id)!;
        expect(values).toEqual(Object.fromEntries(recordCells(table, row)));
      }
    }
    const park = ofTable('projects').find((entry) => write(entry)[1].name === '智能装备产业园');
    expect(write(park!)[1]).toMatchObject({ leaderInCharge: '张副区长', site: '经开区纬三路' });
  });

  it('stamps each write with its own timestamp at its last change, on converted-record nodes', () => {
    const stamps = entries.map((entry) => write(entry)[0]);
    expect(new Set(stamps).size).toBe(stamps.length);
    for (const entry of entries) {
      const [table, id] = entry;
      const ts = write(entry)[0];
      const row = (file.tables as Record<string, { id: string; updatedAt: string }[]>)[table]!.find(
        (candidate) => candidate.id === id,
      )!;
      const { millis, node } = parseTimestamp(ts);
      expect(new Date(millis).toISOString()).toBe(row.updatedAt);
      expect(isLegacyNode(node)).toBe(true);
    }
    // 0.1 stamped a new project and its items with one time: still one timestamp each.
    const park = file.tables.projects.find((project) => project.name === '智能装备产业园')!;
    const items = ofTable('approvalItems');
    expect(items.length).toBeGreaterThan(1);
    expect(new Set(items.map((entry) => write(entry)[0].slice(0, 24)))).toEqual(
      new Set([park.createdAt]),
    );
  });

  it('converts alike on every computer, so the same file twice is the same writes', () => {
    const again = entriesFromDataFile(v01File(JSON.stringify(JSON.parse(v01Text), null, 2)));
    expect(again).toEqual(entries);
  });

  it('gives two writes of one millisecond different timestamps even when only values differ', () => {
    const [project] = file.tables.projects;
    const at = { ...file, tables: { ...file.tables, projects: [project!] } };
    const renamed = { ...at, tables: { ...at.tables, projects: [{ ...project!, name: '改名' }] } };
    const stampOf = (data: DataFile) =>
      write(entriesFromDataFile(data).find(([table]) => table === 'projects')!)[0];
    expect(stampOf(renamed)).not.toBe(stampOf(at));
    expect(stampOf(renamed).slice(0, 24)).toBe(stampOf(at).slice(0, 24));
  });
});

describe('userCells', () => {
  const [entry] = defaultCatalog.filter((candidate) => formerDefaultNames[candidate.id]);
  const seededAt = { createdAt: '2026-11-02T01:15:20.482Z', updatedAt: '2026-11-02T01:15:20.482Z' };

  it('takes a default entry under its former name, as 0.1 seeded it, for the default', () => {
    const row = { ...entry!, name: formerDefaultNames[entry!.id]!, ...seededAt, deleted: false };
    expect(userCells('catalogItems', row).size).toBe(0);
    expect(currentRecord('catalogItems', row, userCells('catalogItems', row))).toMatchObject({
      name: entry!.name,
      createdAt: '1970-01-01T00:00:00.000Z',
    });
  });

  it("keeps a user's own name and a deletion of a default entry", () => {
    const row = { ...entry!, name: '本区自定名称', ...seededAt, deleted: true };
    expect(Object.fromEntries(userCells('catalogItems', row))).toEqual({
      name: '本区自定名称',
      deleted: true,
    });
  });

  it("stamps every cell of a user's record, whatever its values", () => {
    const row = { ...entry!, id: crypto.randomUUID(), ...seededAt, deleted: false };
    expect(userCells('catalogItems', row).has('name')).toBe(true);
    expect(userCells('catalogItems', row).has('createdAt')).toBe(true);
  });
});
