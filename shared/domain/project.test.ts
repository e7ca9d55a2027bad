import { describe, expect, it } from 'vitest';
import { emptyProjectInput, keyProjectSchema, projectInputSchema } from './project';
import { testProject } from './test-records';

describe('project input', () => {
  it('trims text, turns cleared dates into null and accepts an unknown investment', () => {
    const parsed = projectInputSchema.parse({
      ...emptyProjectInput(),
      name: '  智能装备产业园  ',
      ownerCompany: '某某科技有限公司',
      landDealOn: '',
      totalInvestment: null,
    });
    expect(parsed.name).toBe('智能装备产业园');
    expect(parsed.landDealOn).toBeNull();
  });

  it('reports blank required fields, bad dates and negative investment as i18n keys', () => {
    const result = projectInputSchema.safeParse({
      ...emptyProjectInput(),
      name: '   ',
      ownerCompany: '某某科技有限公司',
      landDealOn: '2026-02-30',
      totalInvestment: -5,
      level: 'county',
    });
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual([
      ['name', 'validation.required'],
      ['level', 'validation.required'],
      ['totalInvestment', 'validation.nonNegative'],
      ['landDealOn', 'validation.date'],
    ]);
  });

  it('requires a UUID id and ISO timestamps on stored records', () => {
    expect(keyProjectSchema.safeParse(testProject({ id: '1' })).success).toBe(false);
    expect(keyProjectSchema.safeParse(testProject()).success).toBe(true);
  });
});
