import { describe, expect, it } from 'vitest';
import { testApprovalItem, testIds, testProject } from '../domain/test-records';
import { emptyTables } from './data-file';
import { countLiveRecords, planRestore, restoreChangesNothing } from './restore-plan';

const newer = '9a0c1e2f-3b4d-4c5e-8f60-718293a4b5c6';

describe('restore plan', () => {
  it('counts what a restore brings back, changes and removes, live records only', () => {
    const backup = {
      ...emptyTables(),
      projects: [testProject()],
      approvalItems: [testApprovalItem(), testApprovalItem({ id: testIds.other })],
    };
    const current = {
      ...emptyTables(),
      // The project was renamed since the backup; an item was deleted; a project was added.
      projects: [testProject({ name: '改名的物流园' }), testProject({ id: newer })],
      approvalItems: [testApprovalItem(), testApprovalItem({ id: testIds.other, deleted: true })],
    };
    const plan = planRestore(current, backup);
    expect(plan.projects).toEqual({ current: 2, backup: 1, restored: 0, changed: 1, removed: 1 });
    expect(plan.approvalItems).toEqual({
      current: 1,
      backup: 2,
      restored: 1,
      changed: 0,
      removed: 0,
    });
    expect(restoreChangesNothing(plan)).toBe(false);
  });

  it('finds nothing to do when the database equals the backup', () => {
    const tables = { ...emptyTables(), projects: [testProject()] };
    expect(restoreChangesNothing(planRestore(tables, structuredClone(tables)))).toBe(true);
  });

  it('counts live records per table', () => {
    const tables = {
      ...emptyTables(),
      projects: [testProject(), testProject({ id: newer, deleted: true })],
    };
    expect(countLiveRecords(tables)).toMatchObject({ projects: 1, approvalItems: 0 });
  });
});
