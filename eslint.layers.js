/**
 * The layer rule of README.md (目录 → 分层规则), enforced by lint: shared/ is pure TypeScript;
 * renderer/ reaches the desktop only through the bridge declared in shared/; electron/ and server/
 * import shared/ only. server/ does not exist yet: its rules are in place before its first file.
 * layers.test.ts (at the root) proves each rule fails on a planted violation.
 */

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'http',
  'https',
  'net',
];

const layer = (name) => ({
  group: [`**/${name}/*`, `**/${name}`],
  message: `不可跨层导入 ${name}/（见 README.md 的分层规则）`,
});

export const layerRules = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ 必须是纯 TypeScript：不可导入 Electron' },
            { name: 'react', message: 'shared/ 必须是纯 TypeScript：不可导入 React' },
            { name: 'react-dom', message: 'shared/ 必须是纯 TypeScript：不可导入 React' },
            { name: 'dexie', message: 'shared/ 必须是纯 TypeScript：不可导入 Dexie' },
          ],
          patterns: [
            { group: nodeBuiltins, message: 'shared/ 必须是纯 TypeScript：不可导入 Node 模块' },
            {
              group: ['react/*', 'react-dom/*', 'dexie-*', 'antd', 'antd/*'],
              message: 'shared/ 不可导入界面或数据库库',
            },
            layer('renderer'),
            layer('electron'),
            layer('server'),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'indexedDB',
          'navigator',
          'process',
          'Buffer',
          'require',
        ].map((name) => ({
          name,
          message: 'shared/ 必须是纯 TypeScript：不可使用 DOM 或 Node 全局对象',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'renderer/ 只能通过 shared/ 声明的 window.daiban 访问桌面',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'renderer/ 不可导入 Node 模块' },
            layer('electron'),
            layer('server'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('renderer'), layer('server')] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('renderer'), layer('electron')] }],
    },
  },
];
