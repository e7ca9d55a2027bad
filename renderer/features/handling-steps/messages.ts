/** Strings of this feature: Chinese first, English typed against it. */
const zhCN = {
  step: {
    title: '办理记录',
    formTitle: '记录办理情况',
    editTitle: '编辑办理记录',
    linkedItem: '关联事项',
    linkedItemPlaceholder: '不关联具体事项',
    summaryPlaceholder: '做了什么、结果如何，例如：到政务服务大厅递交规划许可申请，窗口已受理',
    nextActionPlaceholder: '例如：跟进审查进度',
    byPlaceholder: '经办人姓名',
    keyboardHint: '在“下一步期限”或“下一步”中按 Enter 保存；办理情况中按 Ctrl+Enter 保存',
    record: '保存记录',
    recorded: '已记录办理情况',
    reset: '清空',
    done: '已完成',
    markedDone: '已将“{{action}}”标记为完成',
    markedUndone: '已将“{{action}}”改回未完成',
    empty: '还没有办理记录。在上方记录第一条办理情况。',
    nextActionRequired: '填写了下一步期限，请同时填写下一步做什么',
    openActions: '待办下一步 {{count}} 项',
    unknownItem: '（事项已删除）',
  },
};

const en: typeof zhCN = {
  step: {
    title: 'Handling log',
    formTitle: 'Record a step',
    editTitle: 'Edit step',
    linkedItem: 'Approval item',
    linkedItemPlaceholder: 'Not about one item',
    summaryPlaceholder:
      'What was done and what came of it, e.g. submitted the planning permit at the service hall, accepted',
    nextActionPlaceholder: 'e.g. follow up on the review',
    byPlaceholder: 'Who did it',
    keyboardHint: 'Enter in “Next action” or its due date saves; Ctrl+Enter in the summary saves',
    record: 'Save step',
    recorded: 'Step recorded',
    reset: 'Clear',
    done: 'Done',
    markedDone: '“{{action}}” marked done',
    markedUndone: '“{{action}}” marked not done',
    empty: 'No steps yet. Record the first one above.',
    nextActionRequired: 'A due date needs a next action: say what is to be done',
    openActions: '{{count}} next actions open',
    unknownItem: '(item deleted)',
  },
};

export const stepMessages = { zhCN, en };
