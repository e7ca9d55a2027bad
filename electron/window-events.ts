import type { BrowserWindow } from 'electron';
import { saveWindowState, type WindowState } from './window-state';

/**
 * Saves size, position and maximised state whenever they settle, and on close. Returns the
 * pending save, which main awaits before quitting so the last write is not cut off.
 */
export function rememberWindowState(window: BrowserWindow, file: string): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const state: WindowState = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    // A window position is not worth interrupting the user for.
    saving = saving.then(() => saveWindowState(file, state)).catch(() => undefined);
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
  return () => saving;
}
