import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWindowSize,
  initialBounds,
  loadWindowState,
  restoreWindowState,
  saveWindowState,
  windowStateFile,
  type Rect,
} from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const monitorOnTheRight: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const saved = { x: 2200, y: 100, width: 1280, height: 800, maximized: false };

describe('restoreWindowState', () => {
  it('keeps a state on a screen that is still there', () => {
    expect(restoreWindowState(saved, [laptop, monitorOnTheRight])).toEqual(saved);
    expect(restoreWindowState(JSON.stringify(saved), [laptop, monitorOnTheRight])).toEqual(saved);
  });

  it('drops a state whose screen is gone (the monitor was unplugged)', () => {
    expect(restoreWindowState(saved, [laptop])).toBeNull();
    expect(initialBounds(restoreWindowState(saved, [laptop]))).toEqual(defaultWindowSize);
  });

  it('keeps a window partly off screen while enough of it shows to grab it', () => {
    const halfOff = { ...saved, x: -640, y: 200 };
    expect(restoreWindowState(halfOff, [laptop])).toEqual(halfOff);
    const straddling = { ...saved, x: 1500 };
    expect(restoreWindowState(straddling, [laptop])).toEqual(straddling);
  });

  it('drops a window of which only a sliver would show', () => {
    expect(restoreWindowState({ ...saved, x: 1900 }, [laptop])).toBeNull();
    expect(restoreWindowState({ ...saved, y: 1020 }, [laptop])).toBeNull();
    expect(restoreWindowState({ ...saved, x: -1270 }, [laptop])).toBeNull();
  });

  it('drops anything when no screen is reported', () => {
    expect(restoreWindowState(saved, [])).toBeNull();
  });

  it.each([
    ['corrupt JSON', '{"x": 10, "y":'],
    ['an empty file', ''],
    ['JSON of another shape', '{"width": 800}'],
    ['a window too small to use', JSON.stringify({ ...saved, x: 0, width: 10 })],
    ['fractional coordinates', JSON.stringify({ ...saved, x: 0.5 })],
    ['null', 'null'],
    ['a number', 42],
    ['undefined', undefined],
  ])('answers null for %s', (_case, raw) => {
    expect(restoreWindowState(raw, [laptop, monitorOnTheRight])).toBeNull();
  });

  it('gives the saved bounds, or the default size when there are none', () => {
    expect(initialBounds(saved)).toEqual({ x: 2200, y: 100, width: 1280, height: 800 });
    expect(initialBounds(null)).toEqual(defaultWindowSize);
  });
});

describe('window-state.json', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-window-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('round-trips through the data folder, written whole', async () => {
    const file = windowStateFile(folder);
    await saveWindowState(file, saved);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved);
    expect(readdirSync(folder)).toEqual(['window-state.json']);
    expect(await loadWindowState(file, [laptop, monitorOnTheRight])).toEqual(saved);
    expect(await loadWindowState(file, [laptop])).toBeNull();
  });

  it('answers null for a missing, corrupt or unreadable file', async () => {
    const file = windowStateFile(folder);
    expect(await loadWindowState(file, [laptop])).toBeNull();
    writeFileSync(file, '{"x":');
    expect(await loadWindowState(file, [laptop])).toBeNull();
    writeFileSync(file, Buffer.from([0xff, 0xff, 0xff]));
    expect(await loadWindowState(file, [laptop])).toBeNull();
  });
});
