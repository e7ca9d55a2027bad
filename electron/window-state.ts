import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const defaultSize = { width: 1280, height: 800 };

/** The saved window state, or null when none was saved, it is corrupt, or it is off every screen. */
export function loadWindowState(userData: string): WindowState | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'));
    const state = windowStateSchema.parse(raw);
    const visible = screen.getAllDisplays().some((display) => overlaps(display.workArea, state));
    return visible ? state : null;
  } catch {
    return null;
  }
}

export function initialBounds(state: WindowState | null): Partial<Rectangle> {
  return state ? { x: state.x, y: state.y, width: state.width, height: state.height } : defaultSize;
}

/** Saves size, position and maximised state whenever they settle, and on close. */
export function rememberWindowState(window: BrowserWindow, userData: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    const state: WindowState = { ...bounds, maximized: window.isMaximized() };
    try {
      writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify(state));
    } catch {
      // A window position is not worth interrupting the user for.
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

function overlaps(area: Rectangle, state: WindowState): boolean {
  return (
    state.x < area.x + area.width &&
    state.x + state.width > area.x &&
    state.y < area.y + area.height &&
    state.y + state.height > area.y
  );
}
