/** Strings of this feature: Chinese first, English typed against it. */
const zhCN = {
  problem: {
    title: '问题协调',
    add: '登记问题',
    editTitle: '编辑问题',
    titlePlaceholder: '选择常见问题或直接输入',
    departmentPlaceholder: '例如：区自然资源局',
    descriptionPlaceholder: '问题的来龙去脉、卡在哪一步',
    resolutionPlaceholder: '如何解决的，例如：区领导协调会议明确由区住建局牵头办理',
    markResolved: '标记已解决',
    markedResolved: '已将“{{title}}”标记为已解决',
    empty: '暂无需要协调的问题',
    summary: '未解决 {{open}} 项，共 {{total}} 项',
    resolvedOn: '{{date}} 解决',
  },
};

const en: typeof zhCN = {
  problem: {
    title: 'Problems',
    add: 'Add problem',
    editTitle: 'Edit problem',
    titlePlaceholder: 'Pick a common problem or type one',
    departmentPlaceholder: 'e.g. District natural resources bureau',
    descriptionPlaceholder: 'What happened and where it is stuck',
    resolutionPlaceholder:
      'How it was resolved, e.g. the district leader’s meeting put the housing bureau in charge',
    markResolved: 'Mark resolved',
    markedResolved: '“{{title}}” marked resolved',
    empty: 'No problems to coordinate',
    summary: '{{open}} unresolved of {{total}}',
    resolvedOn: 'resolved {{date}}',
  },
};

export const problemMessages = { zhCN, en };
