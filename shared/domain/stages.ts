/** The four stages of the construction-project approval process (国办发〔2018〕33号), in order. */
export const stages = [
  'landPlanning',
  'engineeringPermit',
  'constructionPermit',
  'completion',
] as const;
export type Stage = (typeof stages)[number];

/** Where the approving department sits: city and province items mean travel for the staff. */
export const departmentLevels = ['district', 'city', 'province'] as const;
export type DepartmentLevel = (typeof departmentLevels)[number];
