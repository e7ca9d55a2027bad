/** Strings of the shared form parts (renderer/ui): Chinese first, English typed against it. */
const zhCN = {
  recordForm: {
    changedUnderneath:
      '你编辑期间，下列内容已在别处改为不同的值（另一窗口或导入的数据）。请逐项选择保留哪个值，再保存。',
    theirs: '已保存为：{{value}}',
    mine: '你填写的：{{value}}',
    keepMine: '保留我的',
    takeTheirs: '采用已保存的',
    decideFirst: '有内容已在别处被修改：请先在上方逐项选择保留哪个值，再保存。',
    gone: '此记录已被删除（在另一窗口或导入数据时），无法再保存。你填写的内容仍显示在下方，可复制留存。',
    nothingChanged: '没有修改，无需保存',
    empty: '（空）',
    yes: '是',
    no: '否',
    pauseText: '{{from}} 至 {{to}}（含）',
    pauseOpen: '{{from}} 起暂停，尚未恢复',
    money: '{{amount}} 万元',
    deletedRecord: '{{name}}（已删除）',
    unknownRecord: '（未知记录）',
    closeTitle: '放弃未保存的修改？',
    closeContent: '有 {{count}} 处修改尚未保存，关闭后将不再保留。',
    discardAndClose: '放弃修改并关闭',
    keepEditing: '继续编辑',
    tenThousandYuan: '万元',
    unreadableDate: '“{{text}}”不是有效的日期，未采用：请改正，例如 2026-03-02',
    unreadableAmount:
      '无法识别“{{text}}”：请用阿拉伯数字填写，单位万元，例如 50000、5亿元或 5000万',
  },
  // 需核对: a record that breaks a rule after a merge or a related change (shared/domain/record-issues.ts).
  needsReview: {
    tag: '需核对',
    why: '此记录不符合规则（多台电脑的修改合并后，或相关记录改动后），请核对并改正：',
    count: '需核对 {{count}} 条',
    countHint: '以下记录不符合规则（多台电脑的修改合并后，或相关记录改动后），请逐条核对并改正：',
    entry: '{{kind}}“{{title}}”：{{problems}}',
    record: '记录',
    problems: '需核对的内容',
    kind: {
      approvalItems: '审批事项',
      missingItems: '容缺材料',
      handlingSteps: '办理记录',
      problems: '问题',
    },
  },
};

const en: typeof zhCN = {
  recordForm: {
    changedUnderneath:
      'While you were editing, these fields were changed to other values elsewhere (another window or imported data). Choose which value to keep for each, then save.',
    theirs: 'Saved as: {{value}}',
    mine: 'Yours: {{value}}',
    keepMine: 'Keep mine',
    takeTheirs: 'Take the saved value',
    decideFirst:
      'Some fields were changed elsewhere: choose which value to keep for each above, then save.',
    gone: 'This record was deleted (in another window or by an import) and can no longer be saved. What you typed is still shown below so you can copy it.',
    nothingChanged: 'Nothing changed, nothing to save',
    empty: '(empty)',
    yes: 'Yes',
    no: 'No',
    pauseText: '{{from}} to {{to}} (incl.)',
    pauseOpen: 'paused since {{from}}, not resumed',
    money: '{{amount}} × 10k CNY',
    deletedRecord: '{{name}} (deleted)',
    unknownRecord: '(unknown record)',
    closeTitle: 'Discard unsaved changes?',
    closeContent: '{{count}} changes are not saved and will be lost when this closes.',
    discardAndClose: 'Discard and close',
    keepEditing: 'Keep editing',
    tenThousandYuan: '× 10k CNY',
    unreadableDate: '“{{text}}” is not a valid date and was not taken: correct it, e.g. 2026-03-02',
    unreadableAmount:
      '“{{text}}” cannot be read: write digits, in 10k CNY, e.g. 50000, 5亿元 or 5000万',
  },
  needsReview: {
    tag: 'Check',
    why: 'This record breaks a rule (after edits from several computers were merged, or a related record changed). Check and correct it:',
    count: '{{count}} to check',
    countHint:
      'These records break a rule (after edits from several computers were merged, or a related record changed). Check and correct each:',
    entry: '{{kind}} “{{title}}”: {{problems}}',
    record: 'Record',
    problems: 'What to check',
    kind: {
      approvalItems: 'Approval item',
      missingItems: 'Missing item',
      handlingSteps: 'Handling step',
      problems: 'Problem',
    },
  },
};

export const recordFormMessages = { zhCN, en };
