import path from 'node:path';
import { z } from 'zod';
import { readTextFile, writeFileAtomic } from './files';

const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export type Rect = { x: number; y: number; width: number; height: number };

export const defaultWindowSize = { width: 1280, height: 800 };

/**
 * How much of the window must still be on some screen for the saved place to be kept: enough of
 * its title bar to grab it. Less than that (the screen it was on was unplugged, or a laptop
 * left its dock) and the window opens at the default place instead.
 */
const minVisible = { width: 100, height: 50 };

export function windowStateFile(userData: string): string {
  return path.join(userData, 'window-state.json');
}

/**
 * The saved state to restore, given the file's text (or its parsed value) and the work areas of
 * the screens attached now; null when there is none, it is corrupt, or it is off every screen.
 */
export function restoreWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = windowStateSchema.safeParse(value);
  if (!parsed.success) return null;
  const state = parsed.data;
  const visible = workAreas.some((area) => {
    const overlap = intersection(area, state);
    return overlap.width >= minVisible.width && overlap.height >= minVisible.height;
  });
  return visible ? state : null;
}

function intersection(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

export function initialBounds(state: WindowState | null): Partial<Rect> {
  return state
    ? { x: state.x, y: state.y, width: state.width, height: state.height }
    : defaultWindowSize;
}

/** A window position is not worth a dialog: any failure to read it means "use the default". */
export async function loadWindowState(
  file: string,
  workAreas: readonly Rect[],
): Promise<WindowState | null> {
  try {
    const result = await readTextFile(file, 64 * 1024);
    return result.status === 'read' ? restoreWindowState(result.text, workAreas) : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, JSON.stringify(state));
}
