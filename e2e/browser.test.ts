import { describe, expect, it } from 'vitest';
import { chooseBrowser, choosePdfTools, debianChromium, type Machine } from './browser.mjs';

const playwrightChromium = '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const machine = (overrides: Partial<Machine> & { present?: string[] } = {}): Machine => {
  const present = new Set(overrides.present ?? []);
  return {
    chromiumPath: undefined,
    exists: (path) => present.has(path),
    playwrightChromium,
    isRoot: false,
    hasAptGet: true,
    tried: [],
    ...overrides,
  };
};

describe('which Chromium npm test uses', () => {
  it('takes CHROMIUM_PATH when it exists, and stops in one line when it does not', () => {
    expect(
      chooseBrowser(machine({ chromiumPath: '/opt/chromium', present: ['/opt/chromium'] })),
    ).toEqual({ kind: 'use', env: { CHROMIUM_PATH: '/opt/chromium' } });
    const stop = chooseBrowser(machine({ chromiumPath: '/opt/none', present: [debianChromium] }));
    expect(stop).toMatchObject({ kind: 'stop' });
    expect(stop.kind === 'stop' && stop.line).toMatch(/^CHROMIUM_PATH 指向的 \/opt\/none 不存在/);
  });

  it('prefers Debian’s Chromium, then Playwright’s own download already there', () => {
    expect(chooseBrowser(machine({ present: [debianChromium, playwrightChromium] }))).toEqual({
      kind: 'use',
      env: { CHROMIUM_PATH: debianChromium },
    });
    expect(chooseBrowser(machine({ present: [playwrightChromium] }))).toEqual({
      kind: 'use',
      env: { DAIBAN_CHROMIUM: 'playwright' },
    });
  });

  it('installs Debian’s package as root, Playwright’s download otherwise', () => {
    expect(chooseBrowser(machine({ isRoot: true }))).toMatchObject({ kind: 'install', via: 'apt' });
    expect(chooseBrowser(machine({ isRoot: false }))).toMatchObject({
      kind: 'install',
      via: 'playwright',
    });
    expect(chooseBrowser(machine({ isRoot: true, hasAptGet: false }))).toMatchObject({
      via: 'playwright',
    });
  });

  it('falls back once, then stops with one line saying what to run', () => {
    expect(chooseBrowser(machine({ isRoot: true, tried: ['apt'] }))).toMatchObject({
      via: 'playwright',
    });
    const stop = chooseBrowser(machine({ isRoot: true, tried: ['apt', 'playwright'] }));
    expect(stop.kind).toBe('stop');
    expect(stop.kind === 'stop' && stop.line.split('\n')).toHaveLength(1);
    expect(stop.kind === 'stop' && stop.line).toContain('apt-get install -y chromium');
    expect(chooseBrowser(machine({ tried: ['playwright'] })).kind).toBe('stop');
  });
});

describe('poppler-utils for the printing tests', () => {
  const tools = { hasPoppler: false, isRoot: true, hasAptGet: true, tried: false };

  it('uses it when there, installs it once as root, else names it in one line and goes on', () => {
    expect(choosePdfTools({ ...tools, hasPoppler: true })).toEqual({ kind: 'ready' });
    expect(choosePdfTools(tools)).toMatchObject({ kind: 'install' });
    for (const missing of [
      { ...tools, tried: true },
      { ...tools, isRoot: false },
      { ...tools, hasAptGet: false },
    ]) {
      const choice = choosePdfTools(missing);
      expect(choice.kind).toBe('warn');
      expect(choice.kind === 'warn' && choice.line).toMatch(/apt-get install -y poppler-utils/);
    }
  });
});
