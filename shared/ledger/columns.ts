import {
  categoryLabels,
  departmentLevelLabels,
  handlingModeLabels,
  itemStatusLabels,
  landStatusLabels,
  levelLabels,
  missingStatusLabels,
  projectStatusLabels,
  stageLabels,
  stepKindLabels,
  timeLimitUnitLabels,
  type EnumLabels,
} from './labels';

/**
 * The ledger's (台账) columns, sheet by sheet: the export writes them, the template is them, and an
 * import maps a file's columns onto them. `synonyms` are the headers teams' own ledgers use for
 * the same column (the header itself counts too).
 */
export type ColumnKind = 'text' | 'date' | 'amount' | 'boolean' | 'list' | 'days' | 'enum';

export type LedgerColumn<F extends string = string> = {
  field: F;
  header: string;
  kind: ColumnKind;
  labels?: EnumLabels<string>;
  /** An import cannot do without it: a file's column must be mapped to it. */
  required?: boolean;
  synonyms: readonly string[];
};

export const projectColumns = [
  {
    field: 'name',
    header: '项目名称',
    kind: 'text',
    required: true,
    synonyms: ['项目名', '工程名称', '项目', '名称', '工程项目名称', '重点项目名称'],
  },
  {
    field: 'code',
    header: '项目代码',
    kind: 'text',
    synonyms: ['项目编码', '统一项目代码', '备案代码', '项目编号', '赋码', '备案编码'],
  },
  {
    field: 'ownerCompany',
    header: '建设单位',
    kind: 'text',
    required: true,
    synonyms: ['业主单位', '项目单位', '业主', '申报单位', '投资主体', '企业名称', '项目业主'],
  },
  { field: 'ownerContact', header: '联系人', kind: 'text', synonyms: ['企业联系人', '项目联系人'] },
  {
    field: 'ownerPhone',
    header: '联系电话',
    kind: 'text',
    synonyms: ['电话', '联系方式', '手机', '联系人电话'],
  },
  {
    field: 'category',
    header: '项目类别',
    kind: 'enum',
    labels: categoryLabels,
    synonyms: ['项目类型', '类别', '行业', '产业类别', '行业类别'],
  },
  {
    field: 'level',
    header: '项目级别',
    kind: 'enum',
    labels: levelLabels,
    synonyms: ['级别', '重点级别', '项目层级', '重点项目级别'],
  },
  {
    field: 'totalInvestment',
    header: '总投资（万元）',
    kind: 'amount',
    synonyms: ['总投资', '投资额', '计划总投资', '投资总额', '总投资额', '投资额（万元）'],
  },
  {
    field: 'site',
    header: '建设地点',
    kind: 'text',
    synonyms: ['项目地址', '地点', '选址', '建设地址', '项目地点', '位置'],
  },
  {
    field: 'landStatus',
    header: '土地状态',
    kind: 'enum',
    labels: landStatusLabels,
    synonyms: ['供地情况', '用地情况', '供地状态', '土地情况'],
  },
  {
    field: 'landDealOn',
    header: '土地成交日期',
    kind: 'date',
    synonyms: ['成交日期', '拿地日期', '摘牌日期', '土地摘牌日期'],
  },
  { field: 'landDeliveredOn', header: '交地日期', kind: 'date', synonyms: ['土地交付日期'] },
  {
    field: 'constructionPermitOn',
    header: '施工许可日期',
    kind: 'date',
    synonyms: ['施工许可证日期', '施工许可时间', '领取施工许可日期', '施工许可证发证日期'],
  },
  {
    field: 'worksStartOn',
    header: '开工日期',
    kind: 'date',
    synonyms: ['开工时间', '实际开工日期'],
  },
  { field: 'completedOn', header: '竣工日期', kind: 'date', synonyms: ['竣工时间'] },
  { field: 'startOnLandDeal', header: '拿地即开工', kind: 'boolean', synonyms: [] },
  { field: 'landWithDesign', header: '带方案出让', kind: 'boolean', synonyms: [] },
  {
    field: 'helperAgents',
    header: '代办员',
    kind: 'list',
    synonyms: ['帮办代办员', '代办人员', '帮代员', '责任代办员', '代办人'],
  },
  {
    field: 'leaderInCharge',
    header: '包抓领导',
    kind: 'text',
    synonyms: ['包联领导', '责任领导', '联系领导', '包保领导'],
  },
  {
    field: 'attorneySignedOn',
    header: '委托代办协议签订日期',
    kind: 'date',
    synonyms: ['委托日期', '协议签订日期', '代办协议签订日期'],
  },
  {
    field: 'attorneyStages',
    header: '委托代办阶段',
    kind: 'list',
    labels: stageLabels,
    synonyms: ['委托阶段', '代办阶段'],
  },
  {
    field: 'status',
    header: '项目状态',
    kind: 'enum',
    labels: projectStatusLabels,
    synonyms: ['状态', '推进状态'],
  },
  { field: 'notes', header: '备注', kind: 'text', synonyms: ['说明', '情况说明', '推进情况'] },
] as const satisfies readonly LedgerColumn[];

export type ProjectColumnField = (typeof projectColumns)[number]['field'];

export const itemColumns = [
  {
    field: 'projectName',
    header: '项目名称',
    kind: 'text',
    synonyms: ['所属项目', '项目', '项目名', '工程名称'],
  },
  {
    field: 'projectCode',
    header: '项目代码',
    kind: 'text',
    synonyms: ['项目编码', '统一项目代码', '项目编号'],
  },
  {
    field: 'stage',
    header: '阶段',
    kind: 'enum',
    labels: stageLabels,
    synonyms: ['审批阶段', '所属阶段', '办理阶段'],
  },
  {
    field: 'name',
    header: '事项名称',
    kind: 'text',
    required: true,
    synonyms: ['审批事项', '事项', '审批事项名称', '办理事项'],
  },
  {
    field: 'department',
    header: '审批部门',
    kind: 'text',
    synonyms: ['办理部门', '部门', '主管部门', '责任部门'],
  },
  {
    field: 'departmentLevel',
    header: '部门层级',
    kind: 'enum',
    labels: departmentLevelLabels,
    synonyms: ['审批层级', '层级', '办理层级'],
  },
  {
    field: 'handlingMode',
    header: '办理方式',
    kind: 'enum',
    labels: handlingModeLabels,
    synonyms: ['方式'],
  },
  {
    field: 'status',
    header: '办理状态',
    kind: 'enum',
    labels: itemStatusLabels,
    synonyms: ['状态', '事项状态'],
  },
  {
    field: 'submittedOn',
    header: '申报日期',
    kind: 'date',
    synonyms: ['申报时间', '递件日期', '提交日期'],
  },
  { field: 'acceptedOn', header: '受理日期', kind: 'date', synonyms: ['受理时间'] },
  {
    field: 'completedOn',
    header: '办结日期',
    kind: 'date',
    synonyms: ['办结时间', '批复日期', '发证日期', '完成日期'],
  },
  {
    field: 'timeLimitDays',
    header: '办理时限（天）',
    kind: 'days',
    synonyms: ['办理时限', '时限', '承诺时限', '法定时限'],
  },
  {
    field: 'timeLimitUnit',
    header: '时限单位',
    kind: 'enum',
    labels: timeLimitUnitLabels,
    synonyms: ['时限类型'],
  },
  {
    field: 'certificateNo',
    header: '证照编号',
    kind: 'text',
    synonyms: ['批文号', '证书编号', '文号', '批复文号', '证号'],
  },
  { field: 'notes', header: '备注', kind: 'text', synonyms: ['说明'] },
] as const satisfies readonly LedgerColumn[];

export type ItemColumnField = (typeof itemColumns)[number]['field'];

/** Export only: what a ledger shows of the missing items and handling steps. */
export const missingItemColumns = [
  { field: 'projectName', header: '项目名称', kind: 'text', synonyms: [] },
  { field: 'projectCode', header: '项目代码', kind: 'text', synonyms: [] },
  { field: 'itemName', header: '审批事项', kind: 'text', synonyms: [] },
  { field: 'material', header: '容缺材料', kind: 'text', synonyms: [] },
  { field: 'supplier', header: '补齐责任方', kind: 'text', synonyms: [] },
  { field: 'promisedOn', header: '承诺补齐日期', kind: 'date', synonyms: [] },
  { field: 'status', header: '状态', kind: 'enum', labels: missingStatusLabels, synonyms: [] },
  { field: 'suppliedOn', header: '补齐日期', kind: 'date', synonyms: [] },
  { field: 'notes', header: '备注', kind: 'text', synonyms: [] },
] as const satisfies readonly LedgerColumn[];

export const stepColumns = [
  { field: 'projectName', header: '项目名称', kind: 'text', synonyms: [] },
  { field: 'projectCode', header: '项目代码', kind: 'text', synonyms: [] },
  { field: 'itemName', header: '审批事项', kind: 'text', synonyms: [] },
  { field: 'on', header: '日期', kind: 'date', synonyms: [] },
  { field: 'by', header: '经办人', kind: 'text', synonyms: [] },
  { field: 'kind', header: '类型', kind: 'enum', labels: stepKindLabels, synonyms: [] },
  { field: 'summary', header: '办理情况', kind: 'text', synonyms: [] },
  { field: 'nextAction', header: '下一步', kind: 'text', synonyms: [] },
  { field: 'nextActionDueOn', header: '下一步期限', kind: 'date', synonyms: [] },
  { field: 'nextActionDone', header: '下一步已完成', kind: 'boolean', synonyms: [] },
] as const satisfies readonly LedgerColumn[];

/** The sheets of an exported ledger, in order, with their names. */
export const ledgerSheets = {
  projects: { name: '重点项目', columns: projectColumns },
  approvalItems: { name: '审批事项', columns: itemColumns },
  missingItems: { name: '容缺材料', columns: missingItemColumns },
  handlingSteps: { name: '办理记录', columns: stepColumns },
} as const;
export type LedgerSheetKind = keyof typeof ledgerSheets;

/** The kinds an import reads. */
export const importedKinds = ['projects', 'approvalItems'] as const;
export type ImportedKind = (typeof importedKinds)[number];
