import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './cli';

describe('the admin CLI', () => {
  let folder: string;
  let output: string[];

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-cli-'));
    output = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    vi.stubEnv('DATABASE_URL', '');
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    rmSync(folder, { recursive: true, force: true });
  });

  const run = async (...args: string[]) => {
    output = [];
    const code = await main([...args, '--data', folder]);
    return { code, text: output.join('') };
  };

  it('creates a team, issues a join code per computer, lists and revokes them', async () => {
    const created = await run('create-team', '城区帮办代办团队');
    expect(created.code).toBe(0);
    expect(created.text).toContain('已创建团队“城区帮办代办团队”');
    const teamId = /团队编号 \(team id\): (\S+)/.exec(created.text)![1]!;
    expect(created.text).toContain(`add-device ${teamId}`);

    const added = await run('add-device', '城区帮办代办团队', '王小明的电脑', '--days', '3');
    expect(added.code).toBe(0);
    expect(added.text).toMatch(
      /加入码 \(join code\): [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/,
    );

    const listed = await run('list');
    expect(listed.text).toContain('城区帮办代办团队');
    expect(listed.text).toContain('王小明的电脑');
    expect(listed.text).toContain('未加入');

    expect((await run('revoke-device', teamId, '王小明的电脑')).text).toContain('已停用');
    expect((await run('list')).text).toContain('已停用 (revoked)');
  });

  it('refuses what it cannot do, saying why, with a non-zero exit', async () => {
    expect((await run('add-device', '没有的团队', '电脑')).code).toBe(1);
    await run('create-team', '甲');
    const twice = await run('create-team', '甲');
    expect(twice.code).toBe(1);
    expect(twice.text).toContain('已有团队叫“甲”');
    expect((await run('create-team', '乙', '--id', 'not-a-uuid')).code).toBe(1);
    expect((await run('revoke-device', '甲', '没有的电脑')).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('keeps a team id already used in sync files', async () => {
    const id = '3f2b8c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect((await run('create-team', '丙', '--id', id)).text).toContain(id);
  });
});
