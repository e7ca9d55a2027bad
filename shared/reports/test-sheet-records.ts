import type { HandlingStep } from '../domain/handling-step';
import type { HelperAgent } from '../domain/helper-agent';
import type { MissingItem } from '../domain/missing-item';
import type { Problem } from '../domain/problem';
import { testIds } from '../domain/test-records';

/** Records for the sheets' tests, beside shared/domain/test-records.ts: each test states its fields. */

export { testApprovalItem, testIds, testProject } from '../domain/test-records';

const meta = {
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  deleted: false,
};

/** A valid v4-shaped id from a small number, so tests can name many records. */
export const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function testMissingItem(fields: Partial<MissingItem> = {}): MissingItem {
  return {
    ...meta,
    id: idOf(900),
    projectId: testIds.project,
    approvalItemId: testIds.item,
    material: '消防设计文件',
    supplier: '建设单位',
    promisedOn: '2026-03-18',
    status: 'pending',
    suppliedOn: null,
    notes: '',
    ...fields,
  };
}

export function testProblem(fields: Partial<Problem> = {}): Problem {
  return {
    ...meta,
    id: idOf(800),
    projectId: testIds.project,
    title: '征地未完成',
    description: '',
    responsibleDepartment: '区自然资源局',
    raisedOn: '2026-03-16',
    escalation: 'agent',
    status: 'open',
    resolution: '',
    resolvedOn: null,
    ...fields,
  };
}

export function testStep(fields: Partial<HandlingStep> = {}): HandlingStep {
  return {
    ...meta,
    id: idOf(700),
    projectId: testIds.project,
    approvalItemId: null,
    on: '2026-03-02',
    by: '王小明',
    kind: 'consult',
    summary: '电话咨询材料要求',
    nextAction: '',
    nextActionDueOn: null,
    nextActionDone: false,
    ...fields,
  };
}

export function testAgent(fields: Partial<HelperAgent> = {}): HelperAgent {
  return {
    ...meta,
    id: idOf(600),
    name: '王小明',
    unit: '某某镇人民政府',
    phone: '13800000000',
    active: true,
    ...fields,
  };
}
