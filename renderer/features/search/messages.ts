/** Strings of 搜索 (Ctrl+K): Chinese first, English typed against it. */
const zhCN = {
  search: {
    open: '搜索',
    shortcut: 'Ctrl+K',
    placeholder: '搜索项目、审批事项、容缺材料、办理记录、问题——可输入拼音首字母，如 sgxk',
    building: '正在建立搜索索引…',
    empty: '没有找到符合的记录',
    hint: '输入任意字词（多个字词用空格分开，须全部匹配）或拼音、拼音首字母',
    more: '另有 {{count}} 条，请输入更多字词缩小范围',
    keys: '↑↓ 选择　Enter 打开　Esc 关闭',
    kinds: {
      project: '重点项目',
      approvalItem: '审批事项',
      missingItem: '容缺材料',
      handlingStep: '办理记录',
      problem: '问题协调',
    },
  },
};

const en: typeof zhCN = {
  search: {
    open: 'Search',
    shortcut: 'Ctrl+K',
    placeholder:
      'Search projects, approval items, missing items, steps, problems — pinyin initials work, e.g. sgxk',
    building: 'Building the search index…',
    empty: 'Nothing matches',
    hint: 'Type any words (separated by spaces, all must match), pinyin or pinyin initials',
    more: '{{count}} more: type more words to narrow down',
    keys: '↑↓ select  Enter open  Esc close',
    kinds: {
      project: 'Key projects',
      approvalItem: 'Approval items',
      missingItem: 'Missing items',
      handlingStep: 'Handling steps',
      problem: 'Problems',
    },
  },
};

export const searchMessages = { zhCN, en };
