import { describe, expect, it } from 'vitest';
import { keyProjectSchema, projectInputSchema } from './project';

describe('project input', () => {
  it('trims text and accepts a project without a helper-agent yet', () => {
    const parsed = projectInputSchema.parse({
      name: '  智能装备产业园  ',
      ownerCompany: '某某科技有限公司',
      level: 'city',
      helperAgent: '',
    });
    expect(parsed.name).toBe('智能装备产业园');
    expect(parsed.helperAgent).toBe('');
  });

  it('reports a blank name and an unknown level as i18n keys on their fields', () => {
    const result = projectInputSchema.safeParse({
      name: '   ',
      ownerCompany: '某某科技有限公司',
      level: 'county',
      helperAgent: '',
    });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['name', 'validation.required'],
      ['level', 'validation.required'],
    ]);
  });

  it('requires a UUID id and ISO timestamps on stored records', () => {
    const base = {
      name: '物流园',
      ownerCompany: '某物流公司',
      level: 'district',
      helperAgent: '张三',
      createdAt: '2026-11-29T08:00:00.000Z',
      updatedAt: '2026-11-29T08:00:00.000Z',
      deleted: false,
    };
    expect(keyProjectSchema.safeParse({ ...base, id: '1' }).success).toBe(false);
    expect(
      keyProjectSchema.safeParse({ ...base, id: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }).success,
    ).toBe(true);
  });
});
