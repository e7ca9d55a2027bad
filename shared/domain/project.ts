import { z } from 'zod';
import { optionalDateSchema, optionalText, recordMetaSchema, requiredText } from './common';
import { stages } from './stages';

/** A key project (重点项目) and the facts the helper-agents track about it. */

export const projectLevels = ['province', 'city', 'district'] as const;
export type ProjectLevel = (typeof projectLevels)[number];

export const projectCategories = [
  'industry',
  'commerce',
  'infrastructure',
  'social',
  'realEstate',
  'agriculture',
  'other',
] as const;
export type ProjectCategory = (typeof projectCategories)[number];

/** 在办 / 暂停 / 已开工 / 已竣工 / 已终止 */
export const projectStatuses = [
  'active',
  'suspended',
  'started',
  'completed',
  'terminated',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** 未供地 / 挂牌出让中 / 已成交 / 已交地 / 划拨 */
export const landStatuses = ['none', 'listing', 'sold', 'delivered', 'allocated'] as const;
export type LandStatus = (typeof landStatuses)[number];

export const projectInputSchema = z.object({
  name: requiredText(200),
  code: optionalText(60),
  ownerCompany: requiredText(200),
  ownerContact: optionalText(50),
  ownerPhone: optionalText(40),
  category: z.enum(projectCategories, 'validation.required'),
  level: z.enum(projectLevels, 'validation.required'),
  /** 总投资（万元）; null when not yet known. */
  totalInvestment: z
    .number('validation.amount')
    .nonnegative('validation.nonNegative')
    .max(1e9, 'validation.tooLarge')
    .nullable(),
  site: optionalText(200),
  landStatus: z.enum(landStatuses, 'validation.required'),
  landDealOn: optionalDateSchema,
  landDeliveredOn: optionalDateSchema,
  constructionPermitOn: optionalDateSchema,
  worksStartOn: optionalDateSchema,
  completedOn: optionalDateSchema,
  /** 拿地即开工 */
  startOnLandDeal: z.boolean(),
  /** 带方案出让 */
  landWithDesign: z.boolean(),
  helperAgentIds: z.array(z.uuid()),
  /** 包抓领导 */
  leaderInCharge: optionalText(50),
  /** 委托代办协议: when the company signed it and which stages it covers. */
  attorneySignedOn: optionalDateSchema,
  attorneyStages: z.array(z.enum(stages)),
  status: z.enum(projectStatuses, 'validation.required'),
  notes: optionalText(2000),
});
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const keyProjectSchema = projectInputSchema.extend(recordMetaSchema.shape);
export type KeyProject = z.infer<typeof keyProjectSchema>;

export function emptyProjectInput(): ProjectInput {
  return {
    name: '',
    code: '',
    ownerCompany: '',
    ownerContact: '',
    ownerPhone: '',
    category: 'industry',
    level: 'district',
    totalInvestment: null,
    site: '',
    landStatus: 'none',
    landDealOn: null,
    landDeliveredOn: null,
    constructionPermitOn: null,
    worksStartOn: null,
    completedOn: null,
    startOnLandDeal: false,
    landWithDesign: false,
    helperAgentIds: [],
    leaderInCharge: '',
    attorneySignedOn: null,
    attorneyStages: [],
    status: 'active',
    notes: '',
  };
}
