import type { DepartmentLevel, Stage } from '../shared/domain/stages';
import type { ProjectCategory } from '../shared/domain/project';

/**
 * Word lists for the bench dataset: made-up but plausible names of people, companies, places and
 * projects of a district in eastern China, and the phrases helper-agents write in their records.
 * Every name is invented; any likeness to a real company is chance.
 */

// prettier-ignore
export const surnames = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭',
  '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
  '肖', '田', '董', '袁', '潘', '蒋', '蔡', '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '沈',
] as const;

// prettier-ignore
export const givenNames = [
  '建国', '志强', '海燕', '丽娟', '晓东', '文杰', '春梅', '国华', '秀英', '伟', '敏', '静', '磊',
  '洋', '艳', '勇', '军', '杰', '娜', '涛', '明', '超', '霞', '平', '刚', '佳怡', '子涵', '浩然',
  '思远', '俊杰', '婷婷', '晨', '宇', '欣怡', '鹏', '亮', '红梅', '立新', '卫东', '永红', '晓峰',
  '雪梅', '振华', '德明', '玉兰', '文静', '海涛', '建军', '小军', '慧', '颖', '斌', '凯', '琳',
] as const;

/** 片区、街道、镇 */
// prettier-ignore
export const places = [
  '城东', '城西', '江北', '滨江', '高新区', '临空经济区', '南湖', '青龙湖', '秣陵', '汤山', '淳化',
  '东山', '禄口', '横溪', '谷里', '湖熟', '开发区', '麒麟', '科学城', '综保区', '空港', '铜山',
] as const;

// prettier-ignore
export const roads = [
  '天元路', '双龙大道', '胜太路', '秣周东路', '将军大道', '苏源大道', '诚信大道', '天印大道',
  '竹山路', '金源路', '格致路', '清水亭路', '龙眠大道', '利源路', '宏运大道', '佳湖路', '水阁路',
  '吉印大道', '芝兰路', '银杏路', '润麒路', '湖滨路',
] as const;

// prettier-ignore
export const industries = [
  '新能源汽车零部件', '智能制造', '生物医药', '半导体封测', '高端装备', '新材料', '光伏组件',
  '锂电池', '智能家电', '工业机器人', '航空零部件', '医疗器械', '集成电路', '绿色建材',
] as const;

/** Project kinds per category: what the name ends with. */
export const projectKinds: Record<ProjectCategory, readonly string[]> = {
  industry: ['产业园', '标准厂房', '智能制造基地', '生产基地', '研发中心', '技改项目'],
  commerce: ['商业综合体', '物流中心', '冷链物流园', '总部大楼', '电商产业园', '酒店'],
  infrastructure: ['道路工程', '污水处理厂', '供水管网改造工程', '变电站', '公交枢纽', '停车楼'],
  social: [
    '安置房',
    '人民医院新院区',
    '实验学校',
    '养老服务中心',
    '体育公园',
    '文化中心',
    '幼儿园',
  ],
  realEstate: ['住宅小区', '人才公寓', '商住项目'],
  agriculture: ['现代农业产业园', '粮食仓储物流中心', '农产品加工基地'],
  other: ['数据中心', '科创中心', '会展中心'],
};

export const phases = ['', '', '', '一期', '二期', '三期', '（A地块）', '（B地块）'] as const;

export const regions = [
  '江苏',
  '南京',
  '苏州',
  '无锡',
  '常州',
  '浙江',
  '上海',
  '安徽',
  '',
] as const;

// prettier-ignore
export const brands = [
  '恒通', '华泰', '中科', '瑞丰', '金隆', '天合', '远景', '博源', '鼎盛', '汇川', '新宁', '嘉诚',
  '永盛', '宏达', '德润', '海纳', '众诚', '同创', '星河', '卓越', '锦程', '和信', '聚力', '明阳',
  '华宇', '长安', '润泽', '东方', '银河', '万达', '中恒', '康宁',
] as const;

export const businesses: Record<ProjectCategory, readonly string[]> = {
  industry: ['科技', '新能源科技', '智能装备', '新材料', '生物医药', '电子', '精密机械'],
  commerce: ['物流', '供应链管理', '商业管理', '实业', '冷链物流'],
  infrastructure: ['建设发展', '水务', '交通建设'],
  social: ['建设发展', '医疗投资', '教育发展'],
  realEstate: ['置业', '房地产开发'],
  agriculture: ['农业科技', '食品', '粮油'],
  other: ['数字科技', '信息技术', '会展服务'],
};

/** Owners of government-invested projects (划拨用地). */
export const publicOwners = [
  '区城市建设投资集团有限公司',
  '区交通建设投资有限公司',
  '区教育局',
  '区卫生健康委员会',
  '区住房保障和房产局',
  '区水务集团有限公司',
  '开发区管理委员会',
  '区文化体育和旅游局',
  '区民政局',
] as const;

export const leaderTitles = [
  '区长',
  '常务副区长',
  '副区长',
  '区委常委',
  '开发区管委会主任',
  '街道党工委书记',
] as const;

/** 派出单位 of the helper-agents. */
export const agentUnits = [
  '区行政审批局',
  '区住建局',
  '区城管局',
  '区自然资源和规划分局',
  '开发区管委会',
  '秣陵街道办事处',
  '东山街道办事处',
  '湖熟街道办事处',
  '禄口街道办事处',
  '汤山街道办事处',
  '横溪街道办事处',
] as const;

export const departments = [
  '区发改委',
  '区自然资源和规划分局',
  '区住建局',
  '区生态环境分局',
  '区城管局',
  '区水务局',
  '区人防办',
  '供电公司',
  '区交通运输局',
  '区应急管理局',
  '市自然资源和规划局',
  '市生态环境局',
  '所在街道',
] as const;

/** Items typed in by hand (not in the catalog), with the stage they belong to. */
// prettier-ignore
export const handTypedItems: readonly {
  stage: Stage;
  name: string;
  department: string;
  departmentLevel: DepartmentLevel;
  days: number | null;
}[] = [
  { stage: 'landPlanning', name: '社会稳定风险评估', department: '区委政法委', departmentLevel: 'district', days: 15 },
  { stage: 'landPlanning', name: '压覆矿产资源查询', department: '自然资源', departmentLevel: 'city', days: 10 },
  { stage: 'landPlanning', name: '地质灾害危险性评估备案', department: '自然资源', departmentLevel: 'district', days: 5 },
  { stage: 'landPlanning', name: '文物考古勘探', department: '文旅', departmentLevel: 'city', days: null },
  { stage: 'engineeringPermit', name: '交通影响评价审查', department: '交通运输', departmentLevel: 'district', days: 10 },
  { stage: 'engineeringPermit', name: '临时用地审批', department: '自然资源和规划', departmentLevel: 'district', days: 10 },
  { stage: 'engineeringPermit', name: '绿化工程设计方案审查', department: '城管/园林', departmentLevel: 'district', days: 7 },
  { stage: 'constructionPermit', name: '建筑垃圾处置核准', department: '城管', departmentLevel: 'district', days: 5 },
  { stage: 'constructionPermit', name: '夜间施工许可', department: '生态环境', departmentLevel: 'district', days: 3 },
  { stage: 'constructionPermit', name: '大型临时设施搭建审批', department: '城管', departmentLevel: 'district', days: 5 },
  { stage: 'completion', name: '供水工程竣工验收', department: '供水企业', departmentLevel: 'district', days: 5 },
  { stage: 'completion', name: '道路开口恢复验收', department: '城管', departmentLevel: 'district', days: 5 },
];

export const extraMaterials = [
  '法定代表人身份证明',
  '授权委托书',
  '现场照片',
  '测绘成果报告',
  '消防设计专篇',
  '节能专篇',
  '环评批复',
  '土地出让金缴纳凭证',
  '施工合同',
  '监理合同',
  '安全生产措施备案表',
  '资金证明',
] as const;

export const pauseReasons = ['专家评审', '技术审查', '听证', '现场勘验', '检验检测'] as const;

export const commitmentNotes = ['', '', '核查材料与承诺一致', '企业已提交核查材料'] as const;

export const projectNotes = [
  '列入市重大项目清单',
  '列入省重大项目清单',
  '拿地即开工试点项目',
  '企业要求年底前开工',
  '外资项目，需协调商务部门',
  '与邻近地块共用配套设施',
] as const;

export const missingNotes = [
  '企业已书面承诺按期补齐',
  '需等待市级部门出具',
  '已电话提醒企业',
  '原件待核验',
] as const;

export const itemNotes = [
  '企业材料反复修改',
  '已约窗口提前预审',
  '需市级部门会签',
  '并联审批',
  '等待专家意见',
] as const;

export const problemTitles = [
  '审批权限未委托',
  '征地未完成',
  '配套未完善',
  '规划条件需调整',
  '资金未落实',
  '材料反复退改',
  '管线迁改进度滞后',
  '周边群众信访',
  '施工用电接入困难',
  '土地手续遗留问题',
] as const;

export const resolutions = [
  '经区领导协调会研究，部门同意先行受理',
  '市级部门已同意下放至区级办理',
  '街道已完成征拆，交地到位',
  '规划部门出具调整意见，企业已按要求修改方案',
  '企业资金已到位',
  '供电公司已调整接入方案',
  '经现场会商，问题已解决',
] as const;

export const stepKindsText = {
  consult: [
    '接待{company}经办人，讲解{item}办理流程和所需材料',
    '电话联系企业经办人{contact}，了解{item}准备情况',
    '与企业对接项目前期手续，梳理待办事项清单',
  ],
  precheck: [
    '对{item}申报材料进行预审，发现问题已一次性告知企业修改',
    '预审{item}材料，材料齐全，可以申报',
    '复核企业修改后的{item}材料',
  ],
  submit: [
    '陪同企业到政务服务大厅窗口递交{item}申请材料',
    '在线申报{item}，窗口已接收',
    '代企业递交{item}申请，取得受理回执',
  ],
  coordinate: [
    '与{department}对接{item}审查意见，协调加快办理',
    '协调{department}解决{item}审查中的问题',
    '赴市级部门跟进{item}办理进度',
  ],
  siteVisit: [
    '会同{department}到项目现场踏勘',
    '陪同{department}现场核查',
    '到项目现场了解施工准备情况',
  ],
  collectCertificate: [
    '领取{item}证书，已交企业',
    '代企业领取{item}批复文件',
    '领取{item}结果文书并扫描存档',
  ],
  meeting: [
    '参加区重点项目推进会，汇报{item}进展',
    '组织{department}和企业召开协调会，研究{item}有关问题',
    '参加包抓领导现场调度会',
  ],
  other: ['整理项目审批资料并归档', '更新项目台账', '向包抓领导书面报告项目进展'],
} as const;

export const nextActions = [
  '跟进{item}审查进度',
  '督促企业补充材料',
  '预约{department}现场踏勘',
  '准备下一事项申报材料',
  '提醒企业在承诺期限内补齐材料',
  '向包抓领导汇报项目进展',
  '领取{item}结果文书',
  '协调{department}出具意见',
] as const;
