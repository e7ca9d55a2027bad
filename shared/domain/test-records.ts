import type { ApprovalItem } from './approval-item';
import type { KeyProject } from './project';
import { emptyProjectInput } from './project';

/** Valid records for tests, so each test states only the fields it is about. */
export const testIds = {
  project: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  item: '0b6d1a52-4c57-4c8f-9f0e-2f4a1d7a9c11',
  other: '6f1c8e2a-3b7d-4e59-8a0c-5d2e9b7f4a21',
};

const meta = {
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  deleted: false,
};

export function testProject(fields: Partial<KeyProject> = {}): KeyProject {
  return {
    ...emptyProjectInput(),
    name: '物流园',
    ownerCompany: '某物流公司',
    id: testIds.project,
    ...meta,
    ...fields,
  };
}

export function testApprovalItem(fields: Partial<ApprovalItem> = {}): ApprovalItem {
  return {
    projectId: testIds.project,
    catalogItemId: null,
    stage: 'constructionPermit',
    name: '建筑工程施工许可证',
    department: '住建',
    departmentLevel: 'district',
    handlingMode: 'regular',
    status: 'notStarted',
    pausedIntervals: [],
    submittedOn: null,
    acceptedOn: null,
    completedOn: null,
    timeLimit: { days: 20, unit: 'working' },
    certificateNo: '',
    commitmentCheck: null,
    notes: '',
    sortOrder: 10,
    id: testIds.item,
    ...meta,
    ...fields,
  };
}
