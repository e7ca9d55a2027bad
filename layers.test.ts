import { ESLint } from 'eslint';
import path from 'node:path';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { layerRules } from './eslint.layers.js';

// Proves the layer check fails on planted violations: lint for imports, shared/'s tsconfig for globals.

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } },
    ...layerRules,
  ],
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.message);
}

describe('layer check (lint)', () => {
  it.each([
    ["import { app } from 'electron';", 'Electron'],
    ["import { useState } from 'react';", 'React'],
    ["import { Dexie } from 'dexie';", 'Dexie'],
    ["import { readFile } from 'node:fs/promises';", 'Node'],
    ["import path from 'path';", 'Node'],
    ["import { db } from '../../renderer/db';", 'renderer/'],
    ["import { x } from '../electron/main';", 'electron/'],
    ["import { x } from '../server/routes';", 'server/'],
    ['export const width = window.innerWidth;', 'DOM'],
    ["export const home = process.env['HOME'];", 'Node'],
  ])('fails shared/ on `%s`', async (code, expected) => {
    const errors = await layerErrors('shared/domain/planted.ts', code);
    expect(errors.join('\n')).toContain(expected);
  });

  it.each([
    ["import { ipcRenderer } from 'electron';", 'window.daiban'],
    ["import { registerIpcHandlers } from '../../electron/ipc';", 'electron/'],
    ["import { readFileSync } from 'node:fs';", 'Node'],
    ["import { x } from '../../server/db';", 'server/'],
  ])('fails renderer/ on `%s`', async (code, expected) => {
    const errors = await layerErrors('renderer/features/planted.tsx', code);
    expect(errors.join('\n')).toContain(expected);
  });

  it('fails electron/ importing renderer/ and server/ importing electron/', async () => {
    expect(
      await layerErrors('electron/planted.ts', "import { db } from '../renderer/db';"),
    ).toHaveLength(1);
    expect(
      await layerErrors('server/planted.ts', "import { x } from '../electron/ipc';"),
    ).toHaveLength(1);
  });

  it('passes the imports each layer is allowed', async () => {
    expect(
      await layerErrors(
        'shared/domain/ok.ts',
        "import { z } from 'zod';\nimport { x } from '../ipc/channels';",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'renderer/ok.tsx',
        "import { useState } from 'react';\nimport { x } from '../shared/ipc/contract';",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'electron/ok.ts',
        "import { app } from 'electron';\nimport path from 'node:path';\nimport { x } from '../shared/ipc/contract';",
      ),
    ).toEqual([]);
  });
});

describe('layer check (shared/ tsconfig)', () => {
  const configFile = path.resolve('shared/tsconfig.json');
  const configJson: unknown = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file)).config;
  const { options } = ts.parseJsonConfigFileContent(configJson, ts.sys, path.dirname(configFile));

  function typeErrors(code: string): string[] {
    const planted = path.resolve('shared/planted-violation.ts');
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, language, ...rest) =>
      path.resolve(name) === planted
        ? ts.createSourceFile(name, code, language)
        : getSourceFile(name, language, ...rest);
    const program = ts.createProgram({ rootNames: [planted], options, host });
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }

  it.each([
    ['export const title = document.title;', "Cannot find name 'document'"],
    ["export const saved = localStorage.getItem('x');", "Cannot find name 'localStorage'"],
    ['export const cwd = process.cwd();', "Cannot find name 'process'"],
    ["export const bytes = Buffer.from('x');", "Cannot find name 'Buffer'"],
  ])('fails `%s`', (code, expected) => {
    expect(typeErrors(code).join('\n')).toContain(expected);
  });

  it('compiles plain ES2022', () => {
    expect(typeErrors('export const sum = [1, 2].reduce((a, b) => a + b, 0);')).toEqual([]);
  });
});
