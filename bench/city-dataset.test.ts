import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../shared/catalog/default-catalog';
import { approvalItemDateIssues } from '../shared/domain/approval-item';
import { handlingStepInputSchema } from '../shared/domain/handling-step';
import { missingItemInputSchema, promisedDateProblem } from '../shared/domain/missing-item';
import { problemInputSchema } from '../shared/domain/problem';
import { recordSchemas, syncedTables, type TableRecords } from '../shared/domain/records';
import { cityDatasetAsOf, cityDatasetCounts, generateCityDataset } from './city-dataset';
import { seededRandom } from './seeded-random';

const small = generateCityDataset({ seed: 1, scale: 0.01 });

function tableCounts(dataset: TableRecords) {
  return Object.fromEntries(syncedTables.map((table) => [table, dataset[table].length]));
}

/** Every 'yyyy-MM-dd' value anywhere in a row. */
function datesIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) found.push(value);
  else if (Array.isArray(value)) for (const element of value) datesIn(element, found);
  else if (value && typeof value === 'object') {
    for (const element of Object.values(value)) datesIn(element, found);
  }
  return found;
}

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(first);
  });

  it('stays within the bounds asked for', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 10_000; n++) {
      const value = random.int(3, 5);
      expect(value >= 3 && value <= 5 && Number.isInteger(value)).toBe(true);
      const float = random.float();
      expect(float >= 0 && float < 1).toBe(true);
    }
  });

  it('makes UUIDs that zod accepts as v4', () => {
    const random = seededRandom(1);
    for (let n = 0; n < 1_000; n++) {
      expect(random.uuid()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });
});

describe('generateCityDataset', () => {
  it('has the exact counts of its scale', () => {
    expect(tableCounts(small)).toEqual(cityDatasetCounts(0.01));
    expect(cityDatasetCounts(1)).toMatchObject({
      projects: 2_000,
      approvalItems: 50_000,
      missingItems: 10_000,
      handlingSteps: 80_000,
      helperAgents: 60,
      problems: 3_000,
    });
  });

  it('gives byte-identical JSON for the same seed, and other data for another seed', () => {
    const again = generateCityDataset({ seed: 1, scale: 0.01 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(small));
    const other = generateCityDataset({ seed: 2, scale: 0.01 });
    expect(other.projects[0]?.id).not.toBe(small.projects[0]?.id);
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(small));
  });

  it('satisfies every domain schema, already in the form the schemas output', () => {
    for (const table of syncedTables) {
      for (const row of small[table]) {
        // parse throws on any invalid row; equality shows nothing needed trimming or defaults.
        expect(recordSchemas[table].parse(row)).toEqual(row);
      }
    }
    // The refinements the input schemas add (checked by the repository on local writes).
    for (const step of small.handlingSteps) handlingStepInputSchema.parse(step);
    for (const item of small.missingItems) missingItemInputSchema.parse(item);
    for (const problem of small.problems) problemInputSchema.parse(problem);
  });

  it('keeps the date rules and dates in 2024–2026', () => {
    const items = new Map(small.approvalItems.map((item) => [item.id, item]));
    for (const item of small.approvalItems) {
      expect(approvalItemDateIssues(item)).toEqual([]);
      for (const date of [item.submittedOn, item.acceptedOn, item.completedOn]) {
        if (date) expect(date <= cityDatasetAsOf).toBe(true);
      }
    }
    for (const missing of small.missingItems) {
      const item = items.get(missing.approvalItemId);
      expect(item?.acceptedOn).toBeTruthy();
      expect(
        promisedDateProblem(missing.promisedOn, { acceptedOn: item!.acceptedOn, dueDate: null }),
      ).toBe(null);
      if (missing.suppliedOn) expect(missing.suppliedOn >= item!.acceptedOn!).toBe(true);
    }
    for (const table of syncedTables) {
      for (const row of small[table]) {
        for (const date of datesIn(row)) {
          expect(date >= '2024-01-01' && date <= '2026-12-31', `${table} ${date}`).toBe(true);
        }
      }
    }
  });

  it('links every row to records that exist, in the same project', () => {
    const projects = new Set(small.projects.map((project) => project.id));
    const agents = new Set(small.helperAgents.map((agent) => agent.id));
    const catalog = new Set(defaultCatalog.map((entry) => entry.id));
    const itemProject = new Map(small.approvalItems.map((item) => [item.id, item.projectId]));
    for (const project of small.projects) {
      expect(project.helperAgentIds.length).toBeGreaterThan(0);
      for (const id of project.helperAgentIds) expect(agents.has(id)).toBe(true);
    }
    for (const item of small.approvalItems) {
      expect(projects.has(item.projectId)).toBe(true);
      if (item.catalogItemId) expect(catalog.has(item.catalogItemId)).toBe(true);
    }
    for (const row of [...small.missingItems, ...small.handlingSteps]) {
      if (row.approvalItemId) expect(itemProject.get(row.approvalItemId)).toBe(row.projectId);
    }
    for (const problem of small.problems) expect(projects.has(problem.projectId)).toBe(true);
    for (const item of small.missingItems) {
      expect(small.approvalItems.find((it) => it.id === item.approvalItemId)?.handlingMode).toBe(
        'missingAccepted',
      );
    }
  });

  it('gives every row its own id', () => {
    const ids = syncedTables.flatMap((table) => small[table].map((row) => row.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads like a team’s data: Chinese names, a spread of statuses, about 1% soft-deleted', () => {
    const medium = generateCityDataset({ seed: 3, scale: 0.1 });
    expect(medium.projects[0]?.name).toMatch(/[\u4e00-\u9fff]/);
    expect(medium.projects.map((project) => project.ownerCompany).join()).toMatch(/有限公司/);
    const statuses = new Set(medium.approvalItems.map((item) => item.status));
    for (const status of ['notStarted', 'submitted', 'reviewing', 'approved'] as const) {
      expect(statuses.has(status)).toBe(true);
    }
    const rows = [
      ...medium.projects,
      ...medium.approvalItems,
      ...medium.missingItems,
      ...medium.handlingSteps,
      ...medium.problems,
    ];
    const deleted = rows.filter((row) => row.deleted).length / rows.length;
    expect(deleted).toBeGreaterThan(0.005);
    expect(deleted).toBeLessThan(0.02);
  });
});
