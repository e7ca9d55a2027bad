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
  },
};

export const recordFormMessages = { zhCN, en };
