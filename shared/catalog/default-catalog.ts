import type { CatalogItemInput } from '../domain/catalog-item';
import type { Stage } from '../domain/stages';

/**
 * The default approval catalog (editable seed data), one entry per row of the table
 * "Default catalog of approval items" in docs/domain.md, in table order.
 *
 * Ids are fixed UUIDs written out by hand: two devices that seed the catalog on their own must
 * produce the same ids, so that sync merges the entries instead of duplicating them. Never change
 * an id, and never reuse one for a different item; a new item gets a new literal UUID.
 *
 * How `timeLimit` is chosen (the number a helper-agent plans against, editable per city):
 * - a range ("0–20 WD") → its upper bound; "≤3 WD" → 3;
 * - both a statutory [S] and a local promise [L] given → the upper bound of the local promise,
 *   the statutory limit goes into `limitNote` (e.g. 工程规划许可 20 WD [S]; 5–10 [L] → 10 WD);
 * - only a statutory limit → that limit; an extension ("+10") or uncounted time goes into the note;
 * - one row covering two cases (报告书/报告表, large/other projects, 验收/备案) → the longer case;
 * - "days" → calendar days, "WD" → working days;
 * - unverified [U] with a number → that number (upper bound), noted "时限待核实";
 * - milestones ("—"), "varies", and [U] without a number → null.
 * `departmentLevel` is 'district' unless the item is typically decided at city level.
 */
export type DefaultCatalogEntry = CatalogItemInput & { id: string };

/**
 * Seeded records are written alike on every computer, with the zero sync timestamp (any edit beats
 * them) and these times, so that two computers seeding on their own hold identical records.
 */
export const seedTimes = {
  createdAt: '1970-01-01T00:00:00.000Z',
  updatedAt: '1970-01-01T00:00:00.000Z',
} as const;

export const defaultCatalog: readonly DefaultCatalogEntry[] = [
  // 立项用地规划许可
  {
    id: '1afdfed8-8623-47f7-962e-69c3a0c596fc',
    stage: 'landPlanning',
    name: '项目赋码/企业投资项目备案',
    department: '发改(审批局)',
    departmentLevel: 'district',
    timeLimit: { days: 3, unit: 'working' },
    limitNote: '各地承诺即办至 3 个工作日',
    materials: ['备案信息表', '营业执照'],
    sortOrder: 10,
    active: true,
  },
  {
    id: 'fbd21e05-333a-462f-be1d-c074826f09b9',
    stage: 'landPlanning',
    name: '企业投资项目核准（目录内项目）',
    department: '发改',
    departmentLevel: 'city',
    timeLimit: { days: 20, unit: 'working' },
    limitNote: '法定 20 个工作日，可延长 10 个工作日',
    materials: ['项目申请报告', '用地预审与选址意见书'],
    sortOrder: 20,
    active: true,
  },
  {
    id: '8659c171-b835-4e38-9ccf-679e4d61f6ea',
    stage: 'landPlanning',
    name: '政府投资项目建议书/可研/初设',
    department: '发改',
    departmentLevel: 'district',
    timeLimit: { days: 20, unit: 'working' },
    limitNote: '各地承诺 5–20 个工作日',
    materials: ['项目建议书或可研报告', '资金来源'],
    sortOrder: 30,
    active: true,
  },
  {
    id: '80c6c254-0d2d-41b3-a14e-f48067541315',
    stage: 'landPlanning',
    name: '建设项目用地预审与选址意见书',
    department: '自然资源和规划',
    departmentLevel: 'district',
    timeLimit: { days: 20, unit: 'working' },
    limitNote: '各地承诺即办至 20 个工作日',
    materials: ['申请表', '立项文件', '用地坐标', '位置图'],
    sortOrder: 40,
    active: true,
  },
  {
    id: 'fc093a09-937a-4849-8311-b66f27f441e8',
    stage: 'landPlanning',
    name: '土地出让成交/出让合同',
    department: '自然资源',
    departmentLevel: 'district',
    timeLimit: null,
    limitNote: '节点事项，非审批，无办理时限',
    materials: ['成交确认书', '出让合同', '价款凭证'],
    sortOrder: 50,
    active: true,
  },
  {
    id: '004131dc-4fb4-4f7a-a745-7bb60aff8d83',
    stage: 'landPlanning',
    name: '建设用地规划许可证',
    department: '自然资源和规划',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '各地承诺即办至 10 个工作日',
    materials: ['申请表', '出让合同或划拨决定书', '宗地红线图'],
    sortOrder: 60,
    active: true,
  },
  {
    id: '1bd1fbad-9a34-4291-ab82-49f1c9e06e47',
    stage: 'landPlanning',
    name: '不动产权证（土地）',
    department: '不动产登记',
    departmentLevel: 'district',
    timeLimit: { days: 5, unit: 'working' },
    limitNote: '常见 5 个工作日，时限待核实',
    materials: ['出让合同', '完税凭证', '宗地图'],
    sortOrder: 70,
    active: true,
  },
  {
    id: 'd42a5351-1f52-434c-8ed0-299a5df56521',
    stage: 'landPlanning',
    name: '环境影响评价审批（报告书/报告表）',
    department: '生态环境',
    departmentLevel: 'city',
    timeLimit: { days: 15, unit: 'working' },
    limitNote:
      '法定：报告书 60 日、报告表 30 日；各地承诺：报告书 15、报告表 7 个工作日。默认按报告书，报告表项目可改为 7 个工作日',
    materials: ['环评文件', '申请函'],
    sortOrder: 80,
    active: true,
  },
  {
    id: 'd5af5c5d-277f-4e38-bc9b-4fbbf09b7f12',
    stage: 'landPlanning',
    name: '节能审查',
    department: '发改',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'working' },
    limitNote: '常见 5–15 个工作日，时限待核实',
    materials: ['节能报告'],
    sortOrder: 90,
    active: true,
  },
  {
    id: '569f55b5-b21d-4452-8f48-685266de0540',
    stage: 'landPlanning',
    name: '水土保持方案审批',
    department: '水务',
    departmentLevel: 'district',
    timeLimit: { days: 20, unit: 'working' },
    limitNote: '常见 10–20 个工作日，时限待核实',
    materials: ['水土保持方案'],
    sortOrder: 100,
    active: true,
  },

  // 工程建设许可
  {
    id: '58effaa2-eafa-4e43-9220-19077be58230',
    stage: 'engineeringPermit',
    name: '设计方案审查（总平面）',
    department: '自然资源和规划',
    departmentLevel: 'district',
    timeLimit: { days: 7, unit: 'working' },
    limitNote: '各地承诺 5–7 个工作日，另加公示',
    materials: ['方案文本', '总平面图', '规划条件'],
    sortOrder: 10,
    active: true,
  },
  {
    id: 'afce4e2e-1eb0-430e-96a2-92a58b2e1494',
    stage: 'engineeringPermit',
    name: '建设工程规划许可证',
    department: '自然资源和规划',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '法定 20 个工作日；各地承诺 5–10 个工作日',
    materials: ['申请表', '土地权属证明', '审定方案'],
    sortOrder: 20,
    active: true,
  },
  {
    id: '211c484b-f590-4093-bf7b-b86c533a466b',
    stage: 'engineeringPermit',
    name: '防空地下室建设审批/易地建设',
    department: '人防',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '各地承诺 10 个工作日',
    materials: ['申请表', '规划文件', '人防面积测算表'],
    sortOrder: 30,
    active: true,
  },
  {
    id: 'f06ae53d-2312-4ad9-8bfe-1cbbc0b0179a',
    stage: 'engineeringPermit',
    name: '水电气热通信报装',
    department: '供水/供电/燃气/通信企业',
    departmentLevel: 'district',
    timeLimit: { days: 3, unit: 'working' },
    limitNote: '各地承诺不超过 3 个工作日',
    materials: ['报装申请', '规划许可', '用量负荷表'],
    sortOrder: 40,
    active: true,
  },
  {
    id: '5265c3bf-54ab-4428-b557-8b0407a4ea46',
    stage: 'engineeringPermit',
    name: '占用挖掘道路/占绿迁树',
    department: '城管/园林',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '常见 5–10 个工作日，时限待核实',
    materials: ['申请', '施工方案', '位置图'],
    sortOrder: 50,
    active: true,
  },

  // 施工许可
  {
    id: '3bc200f6-daa2-47c6-b5ed-9a9cdfb1cd52',
    stage: 'constructionPermit',
    name: '施工图联合审查',
    department: '住建+审图机构',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'working' },
    limitNote: '法定：大型项目 15 个工作日，其他项目 10 个工作日',
    materials: ['全套施工图', '勘察报告'],
    sortOrder: 10,
    active: true,
  },
  {
    id: 'c7f6f2a6-cca3-4c6c-9417-21d02ba98efd',
    stage: 'constructionPermit',
    name: '特殊建设工程消防设计审查',
    department: '住建',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'working' },
    limitNote: '法定 15 个工作日；需专家评审的另需不超过 20 个工作日，不计入时限',
    materials: ['消防设计文件'],
    sortOrder: 20,
    active: true,
  },
  {
    id: '10d2ee69-a2a8-495b-8434-893ab89605e8',
    stage: 'constructionPermit',
    name: '雷电防护装置设计审核',
    department: '气象',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '法定 10 个工作日',
    materials: ['防雷设计说明及图纸'],
    sortOrder: 30,
    active: true,
  },
  {
    id: 'ea6e3fb8-8add-4fbf-8682-f73a4727c5ad',
    stage: 'constructionPermit',
    name: '施工/监理发包与合同备案',
    department: '住建/公共资源交易中心',
    departmentLevel: 'district',
    timeLimit: null,
    limitNote: '时限因发包方式而异，无统一时限',
    materials: ['中标通知书', '合同'],
    sortOrder: 40,
    active: true,
  },
  {
    id: 'ddb64ed7-dc21-4a23-8d33-8238af7c9626',
    stage: 'constructionPermit',
    name: '建筑工程施工许可证（可分阶段）',
    department: '住建',
    departmentLevel: 'district',
    timeLimit: { days: 3, unit: 'working' },
    limitNote: '法定 7 日；各地承诺 1–3 个工作日',
    materials: ['用地批准', '工程规划许可', '审图合格书', '施工监理合同'],
    sortOrder: 50,
    active: true,
  },
  {
    id: '4b467e65-a582-4da0-b53a-cb191a9e2b35',
    stage: 'constructionPermit',
    name: '城镇污水排入排水管网许可',
    department: '城管/水务',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '法定 15 日；各地承诺 10 个工作日',
    materials: ['申请表', '管网图', '水质报告或承诺'],
    sortOrder: 60,
    active: true,
  },
  {
    id: '7dbb8ac0-9101-4817-bb7c-0040620e8f6a',
    stage: 'constructionPermit',
    name: '高压供电接入',
    department: '供电公司',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'working' },
    limitNote: '常见 15 个工作日，时限待核实',
    materials: ['用电申请', '负荷清单', '受电工程图纸'],
    sortOrder: 70,
    active: true,
  },

  // 竣工验收
  {
    id: 'c5a43601-1589-4f52-8e56-173b1ef2fe96',
    stage: 'completion',
    name: '规划条件核实（含土地核验）',
    department: '自然资源和规划',
    departmentLevel: 'district',
    timeLimit: { days: 10, unit: 'working' },
    limitNote: '常见 5–10 个工作日，时限待核实',
    materials: ['竣工测绘报告', '竣工图'],
    sortOrder: 10,
    active: true,
  },
  {
    id: 'd24b0069-53df-475a-951c-78539fc00c7c',
    stage: 'completion',
    name: '消防验收/验收备案',
    department: '住建',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'calendar' },
    limitNote: '消防验收 15 日，时限待核实；仅需备案的工程，各地承诺 5 个工作日',
    materials: ['竣工验收报告', '消防检测报告'],
    sortOrder: 20,
    active: true,
  },
  {
    id: '95a83fcd-cf14-43ff-93ca-38663dc88a5b',
    stage: 'completion',
    name: '人防工程竣工验收备案',
    department: '人防',
    departmentLevel: 'district',
    timeLimit: null,
    limitNote: '时限待核实',
    materials: ['人防验收资料'],
    sortOrder: 30,
    active: true,
  },
  {
    id: '3b96f797-adc4-4112-855f-e367f97b288d',
    stage: 'completion',
    name: '雷电防护装置竣工验收',
    department: '气象',
    departmentLevel: 'district',
    timeLimit: null,
    limitNote: '时限待核实',
    materials: ['检测报告', '竣工图'],
    sortOrder: 40,
    active: true,
  },
  {
    id: '6426622a-3529-406d-b8fa-6ad2b7a85c82',
    stage: 'completion',
    name: '城建档案验收',
    department: '城建档案馆',
    departmentLevel: 'district',
    timeLimit: { days: 5, unit: 'working' },
    limitNote: '常见 3–5 个工作日，时限待核实',
    materials: ['工程档案', '竣工图'],
    sortOrder: 50,
    active: true,
  },
  {
    id: 'b648cab9-512e-40e1-968d-337bcf878960',
    stage: 'completion',
    name: '建设项目竣工环境保护验收（自主）',
    department: '建设单位',
    departmentLevel: 'district',
    timeLimit: { days: 20, unit: 'working' },
    limitNote: '建设单位自主验收，验收报告公示不少于 20 个工作日（为最短期限），时限待核实',
    materials: ['验收报告', '监测报告'],
    sortOrder: 60,
    active: true,
  },
  {
    id: '24b3aeca-f744-45ff-80e8-56a746a909b1',
    stage: 'completion',
    name: '竣工验收备案',
    department: '住建',
    departmentLevel: 'district',
    timeLimit: { days: 15, unit: 'calendar' },
    limitNote: '法定 15 日',
    materials: ['竣工验收报告', '规划/消防认可文件'],
    sortOrder: 70,
    active: true,
  },
  {
    id: 'ff125c2c-a24c-4ea7-8438-29ff88e6eca7',
    stage: 'completion',
    name: '不动产首次登记',
    department: '不动产登记',
    departmentLevel: 'district',
    timeLimit: { days: 5, unit: 'working' },
    limitNote: '常见 5 个工作日，时限待核实',
    materials: ['竣工备案', '测绘报告'],
    sortOrder: 80,
    active: true,
  },
];

/** The entries of one stage, in catalog order. */
export function defaultCatalogByStage(stage: Stage): DefaultCatalogEntry[] {
  return defaultCatalog
    .filter((entry) => entry.stage === stage)
    .sort((a, b) => a.sortOrder - b.sortOrder);
}

/**
 * Names the default catalog shipped with before they took full-width brackets, as Chinese text
 * writes them (企业投资项目核准（目录内项目）), by id: a computer seeded earlier renames its entries
 * that nobody has edited (renderer/db/seeds.ts), so every computer shows the same names.
 */
export const formerDefaultNames: Readonly<Record<string, string>> = {
  'fbd21e05-333a-462f-be1d-c074826f09b9': '企业投资项目核准(目录内项目)',
  '1bd1fbad-9a34-4291-ab82-49f1c9e06e47': '不动产权证(土地)',
  'd42a5351-1f52-434c-8ed0-299a5df56521': '环境影响评价审批(报告书/报告表)',
  '58effaa2-eafa-4e43-9220-19077be58230': '设计方案审查(总平面)',
  'ddb64ed7-dc21-4a23-8d33-8238af7c9626': '建筑工程施工许可证(可分阶段)',
  'c5a43601-1589-4f52-8e56-173b1ef2fe96': '规划条件核实(含土地核验)',
  'b648cab9-512e-40e1-968d-337bcf878960': '建设项目竣工环境保护验收(自主)',
};
