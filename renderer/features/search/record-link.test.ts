import { describe, expect, it } from 'vitest';
import { recordLink } from './record-link';

const projectId = 'f47ac10b-58cc-4372-a567-0e02b2c3d479';
const id = '0b6d1a52-4c57-4c8f-9f0e-2f4a1d7a9c11';

describe('recordLink', () => {
  it('opens a project on its overview', () => {
    expect(recordLink({ kind: 'project', id: projectId, projectId })).toBe(
      `/projects/${projectId}?tab=overview`,
    );
  });

  it('opens a record on its project tab, naming it so the tab opens it', () => {
    expect(recordLink({ kind: 'approvalItem', id, projectId })).toBe(
      `/projects/${projectId}?tab=items&open=${id}`,
    );
    expect(recordLink({ kind: 'missingItem', id, projectId })).toContain('?tab=missing&open=');
    expect(recordLink({ kind: 'handlingStep', id, projectId })).toContain('?tab=steps&open=');
    expect(recordLink({ kind: 'problem', id, projectId })).toContain('?tab=problems&open=');
  });
});
