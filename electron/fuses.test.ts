import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack from './flip-fuses.mjs';
import {
  flipAppFuses,
  fuseConfig,
  fuseDecisions,
  fuseMismatches,
  knownFuses,
  packagedExecutable,
} from './fuses';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));

describe('the fuses of the packaged app', () => {
  it('turns off what would let someone run their own code as the app', () => {
    expect(fuseDecisions.RunAsNode.enabled).toBe(false);
    expect(fuseDecisions.EnableNodeOptionsEnvironmentVariable.enabled).toBe(false);
    expect(fuseDecisions.EnableNodeCliInspectArguments.enabled).toBe(false);
    expect(fuseDecisions.GrantFileProtocolExtraPrivileges.enabled).toBe(false);
  });

  it('turns on cookie encryption, ASAR integrity, and loading the app from ASAR only', () => {
    expect(fuseDecisions.EnableCookieEncryption.enabled).toBe(true);
    expect(fuseDecisions.EnableEmbeddedAsarIntegrityValidation.enabled).toBe(true);
    expect(fuseDecisions.OnlyLoadAppFromAsar.enabled).toBe(true);
  });

  it('decides every fuse @electron/fuses knows, and requires all of them when flipping', () => {
    expect(Object.keys(fuseDecisions).sort()).toEqual(knownFuses().sort());
    const config = fuseConfig('linux') as unknown as Record<number | string, unknown>;
    expect(config.strictlyRequireAllFuses).toBe(true);
    for (const [name, { enabled }] of Object.entries(fuseDecisions)) {
      expect(config[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(enabled);
    }
  });

  it('re-signs ad hoc on macOS only (flipping breaks the signature)', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig('linux').resetAdHocDarwinSignature).toBe(false);
  });

  it('finds the packed executable per platform', () => {
    const pack = { appOutDir: '/out', productFilename: '帮代通', executableName: 'daiban-desk' };
    expect(packagedExecutable({ ...pack, platform: 'win32' })).toBe(
      path.join('/out', '帮代通.exe'),
    );
    expect(packagedExecutable({ ...pack, platform: 'darwin' })).toBe(
      path.join('/out', '帮代通.app'),
    );
    expect(packagedExecutable({ ...pack, platform: 'linux' })).toBe(
      path.join('/out', 'daiban-desk'),
    );
  });

  it('reports a fuse not as decided, and ignores one Electron removed', () => {
    const wire = {
      [FuseV1Options.RunAsNode]: FuseState.ENABLE,
      [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.REMOVED,
    };
    expect(fuseMismatches(wire)).toContainEqual({
      fuse: 'RunAsNode',
      expected: false,
      found: 'enabled',
    });
    expect(fuseMismatches(wire).map(({ fuse }) => fuse)).not.toContain('OnlyLoadAppFromAsar');
    expect(fuseMismatches(wire)).toContainEqual({
      fuse: 'EnableCookieEncryption',
      expected: true,
      found: 'missing',
    });
  });
});

/**
 * A stand-in for an Electron executable: bytes around the fuse wire exactly as Electron lays it
 * out (the sentinel @electron/fuses looks for, the wire's version and length, one byte a fuse),
 * with the wire Electron 45 ships: RunAsNode, NODE_OPTIONS, --inspect, file:// privileges and
 * WebAssembly trap handlers on, the rest off.
 */
const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const stockWire = '101100011';

function fakeElectron(folder: string, wire = stockWire): string {
  const file = path.join(folder, 'daiban-desk');
  const before = Buffer.alloc(70_000, 0x7f);
  const after = Buffer.from('rest of the executable');
  writeFileSync(
    file,
    Buffer.concat([
      before,
      Buffer.from(sentinel),
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      after,
    ]),
  );
  return file;
}

describe('flipping a packed executable', () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const folder = () => {
    const made = mkdtempSync(path.join(os.tmpdir(), 'daiban-fuses-'));
    folders.push(made);
    return made;
  };
  const decidedWire = Object.values(fuseDecisions)
    .map(({ enabled }) => (enabled ? '1' : '0'))
    .join('');

  it('sets every fuse as decided and changes nothing else in the file', async () => {
    const file = fakeElectron(folder());
    const before = readFileSync(file);
    await flipAppFuses(file, 'linux');
    expect(fuseMismatches(await getCurrentFuseWire(file))).toEqual([]);
    const after = readFileSync(file);
    expect(after.length).toBe(before.length);
    const wireAt = before.indexOf(sentinel) + sentinel.length + 2;
    expect(after.subarray(wireAt, wireAt + stockWire.length).toString()).toBe(decidedWire);
    expect(after.subarray(0, wireAt).equals(before.subarray(0, wireAt))).toBe(true);
    expect(
      after.subarray(wireAt + stockWire.length).equals(before.subarray(wireAt + stockWire.length)),
    ).toBe(true);
  });

  it('refuses an Electron with a fuse nobody decided (after an upgrade), leaving it untouched', async () => {
    const file = fakeElectron(folder(), `${stockWire}1`);
    const before = readFileSync(file);
    await expect(flipAppFuses(file, 'linux')).rejects.toThrow(
      /not long enough|strictlyRequireAllFuses/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('runs as electron-builder’s afterPack hook on the packed folder', async () => {
    const out = folder();
    const file = fakeElectron(out);
    await afterPack({
      appOutDir: out,
      electronPlatformName: 'linux',
      packager: { appInfo: { productFilename: '帮代通' }, executableName: 'daiban-desk' },
    });
    expect(fuseMismatches(await getCurrentFuseWire(file))).toEqual([]);
  });

  it('runs as `npm run fuses -- <executable>`, and fails on a file that is not Electron', async () => {
    const file = fakeElectron(folder());
    const { stdout } = await run(process.execPath, ['electron/flip-fuses.mjs', file], {
      cwd: root,
    });
    expect(stdout).toContain('已设置 Electron fuses');
    expect(fuseMismatches(await getCurrentFuseWire(file))).toEqual([]);

    const notElectron = path.join(folder(), 'notes.txt');
    writeFileSync(notElectron, 'no fuses here');
    const failed = await run(process.execPath, ['electron/flip-fuses.mjs', notElectron], {
      cwd: root,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('设置 Electron fuses 失败');
  });
});
