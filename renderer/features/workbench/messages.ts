/** Strings of the 工作台 beyond its title and counts (renderer/i18n): Chinese first, English typed against it. */
const zhCN = {
  myWork: {
    scope: '范围',
    mine: '我的',
    team: '全队',
    mineHint: '我的：代办员“{{names}}”负责的项目',
    notAgent:
      '“我的信息”中的姓名“{{name}}”不在代办员名单中，无法找到您负责的项目，下面显示全队。姓名与代办员名单一致后，“我的”即显示您负责的项目。',
    approvalItems: '审批事项（逾期与临近到期）',
    missingItems: '容缺材料（逾期未补与临近承诺日期）',
    nextActions: '下一步（到期的办理事项）',
    commitmentChecks: '告知承诺核查',
    problems: '待我协调的问题',
    none: '无',
    raisedOn: '{{date}} 提出，已 {{count}} 个工作日',
    department: '责任部门',
    noProject: '（项目）',
  },
};

const en: typeof zhCN = {
  myWork: {
    scope: 'Scope',
    mine: 'Mine',
    team: 'Whole team',
    mineHint: 'Mine: projects of helper-agent “{{names}}”',
    notAgent:
      'Your name in My info, “{{name}}”, is not on the helper-agent list, so your projects cannot be found: the whole team is shown. Once the names match, Mine shows your projects.',
    approvalItems: 'Approval items (overdue and due soon)',
    missingItems: 'Missing items (overdue and due soon)',
    nextActions: 'Next actions due',
    commitmentChecks: 'Commitments to verify',
    problems: 'Problems waiting on helper-agents',
    none: 'None',
    raisedOn: 'raised {{date}}, {{count}} working days',
    department: 'Responsible department',
    noProject: '(project)',
  },
};

export const workbenchMessages = { zhCN, en };
