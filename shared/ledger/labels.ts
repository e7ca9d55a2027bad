import type { HandlingMode, ItemStatus } from '../domain/approval-item';
import type { MissingItemStatus } from '../domain/missing-item';
import type { StepKind } from '../domain/handling-step';
import type { LandStatus, ProjectCategory, ProjectLevel, ProjectStatus } from '../domain/project';
import type { DepartmentLevel, Stage } from '../domain/stages';

/**
 * The Chinese words of the domain's enumerations as a ledger (台账) spells them. The .xlsx is a
 * Chinese document whatever the app's language, so these are part of its format; the app's zh-CN
 * labels are these same words (renderer/i18n/domain-messages.ts takes them from here). `also` lists the other words
 * teams' own ledgers use for the same value.
 */
export type EnumLabels<T extends string> = {
  labels: Record<T, string>;
  also?: Partial<Record<T, readonly string[]>>;
};

export const stageLabels: EnumLabels<Stage> = {
  labels: {
    landPlanning: '立项用地规划许可',
    engineeringPermit: '工程建设许可',
    constructionPermit: '施工许可',
    completion: '竣工验收',
  },
  also: {
    landPlanning: ['立项用地', '立项', '立项用地规划'],
    engineeringPermit: ['工程建设', '工程规划许可', '工程建设许可阶段'],
    constructionPermit: ['施工许可阶段'],
    completion: ['竣工', '竣工验收阶段'],
  },
};

export const levelLabels: EnumLabels<ProjectLevel> = {
  labels: { province: '省重点', city: '市重点', district: '区重点' },
  also: {
    province: ['省级', '省', '省级重点', '省重点项目'],
    city: ['市级', '市', '市级重点', '市重点项目'],
    district: ['区级', '区', '区级重点', '区重点项目', '县级', '县重点'],
  },
};

export const categoryLabels: EnumLabels<ProjectCategory> = {
  labels: {
    industry: '工业',
    commerce: '商贸服务',
    infrastructure: '基础设施',
    social: '社会民生',
    realEstate: '房地产',
    agriculture: '农业',
    other: '其他',
  },
  also: {
    industry: ['工业项目', '制造业'],
    commerce: ['商贸', '服务业', '现代服务业'],
    infrastructure: ['基础设施项目', '基建'],
    social: ['民生', '社会事业'],
    realEstate: ['房地产开发'],
    agriculture: ['农业项目'],
  },
};

export const projectStatusLabels: EnumLabels<ProjectStatus> = {
  labels: {
    active: '在办',
    suspended: '暂停',
    started: '已开工',
    completed: '已竣工',
    terminated: '已终止',
  },
  also: { active: ['推进中', '在建前期', '前期'], terminated: ['终止'] },
};

export const landStatusLabels: EnumLabels<LandStatus> = {
  labels: {
    none: '未供地',
    listing: '挂牌出让中',
    sold: '已成交',
    delivered: '已交地',
    allocated: '划拨',
  },
  also: { listing: ['挂牌中'], sold: ['已摘牌'] },
};

export const departmentLevelLabels: EnumLabels<DepartmentLevel> = {
  labels: { district: '区级', city: '市级', province: '省级' },
  also: { district: ['区', '县级'], city: ['市'], province: ['省'] },
};

export const handlingModeLabels: EnumLabels<HandlingMode> = {
  labels: {
    regular: '常规',
    missingAccepted: '容缺受理',
    onCommitment: '告知承诺',
    parallel: '并联',
  },
  also: { regular: ['一般'], missingAccepted: ['容缺'], onCommitment: ['告知承诺制'] },
};

export const itemStatusLabels: EnumLabels<ItemStatus> = {
  labels: {
    notStarted: '未启动',
    preparing: '准备材料',
    submitted: '已申报',
    accepted: '已受理',
    reviewing: '审查中',
    approved: '已办结',
    refused: '不予许可',
    returned: '退件',
    notRequired: '无需办理',
  },
  also: { approved: ['办结', '已完成'], reviewing: ['审批中'] },
};

export const missingStatusLabels: EnumLabels<MissingItemStatus> = {
  labels: { pending: '待补齐', supplied: '已补齐', verified: '已核验', returned: '已退件' },
};

export const stepKindLabels: EnumLabels<StepKind> = {
  labels: {
    consult: '咨询',
    precheck: '预审',
    submit: '递件',
    coordinate: '协调',
    siteVisit: '踏勘',
    collectCertificate: '领证',
    meeting: '会议',
    other: '其他',
  },
};

export const timeLimitUnitLabels: EnumLabels<'working' | 'calendar'> = {
  labels: { working: '工作日', calendar: '自然日' },
  also: { calendar: ['日', '天'] },
};

/** 是/否 as a ledger writes a yes-or-no field. */
export const yesNo = { yes: '是', no: '否' } as const;
