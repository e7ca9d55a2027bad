/** Strings of this feature: Chinese first, English typed against it. */
const zhCN = {
  missing: {
    title: '容缺材料',
    add: '添加容缺材料',
    editTitle: '编辑容缺材料',
    approvalItem: '审批事项',
    approvalItemPlaceholder: '选择该材料所属的审批事项',
    materialPlaceholder: '例如：环境影响评价批复文件',
    defaultSupplier: '建设单位',
    itemDueDate: '该事项办理期限：{{date}}，承诺补齐日期不得晚于此日',
    itemPaused: '该事项暂停计时中，办理期限待恢复计时后确定',
    itemNoDueDate: '该事项尚无办理期限（未受理或未设办理时限）',
    markSupplied: '已补齐',
    markVerified: '已核验',
    markedSupplied: '“{{material}}”已补齐（{{date}}）',
    markedVerified: '“{{material}}”已核验',
    saveAndNext: '保存并继续添加',
    savedNext: '已保存“{{material}}”，请继续添加下一项',
    empty: '暂无容缺材料',
    noApprovalItems: '该项目还没有审批事项，请先在“审批事项”中添加，再登记容缺材料。',
    summary: '待补齐 {{pending}} 项',
    summaryOverdue: '其中逾期未补 {{count}} 项',
    unknownItem: '（所属事项已删除）',
  },
};

const en: typeof zhCN = {
  missing: {
    title: 'Missing items',
    add: 'Add missing item',
    editTitle: 'Edit missing item',
    approvalItem: 'Approval item',
    approvalItemPlaceholder: 'The approval item this material belongs to',
    materialPlaceholder: 'e.g. EIA approval document',
    defaultSupplier: 'Owner company',
    itemDueDate: 'The item is due {{date}}; the promised date may not be later',
    itemPaused: 'The item’s clock is paused; its due date is set once it runs again',
    itemNoDueDate: 'The item has no due date yet (not accepted, or no time limit)',
    markSupplied: 'Supplied',
    markVerified: 'Verified',
    markedSupplied: '“{{material}}” supplied ({{date}})',
    markedVerified: '“{{material}}” verified',
    saveAndNext: 'Save and add another',
    savedNext: 'Saved “{{material}}”; add the next one',
    empty: 'No missing items',
    noApprovalItems:
      'This project has no approval items yet. Add them under “Approval items” first.',
    summary: '{{pending}} outstanding',
    summaryOverdue: '{{count}} of them overdue',
    unknownItem: '(approval item deleted)',
  },
};

export const missingItemMessages = { zhCN, en };
