import type { DaibanBridge } from '../../shared/ipc/contract';
import { browserBridge } from './browser-bridge';

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Set by Electron's preload; absent in a plain browser. */
    daiban?: DaibanBridge;
  }
}

/** The desktop bridge when running in Electron, the browser implementation otherwise. */
export const bridge: DaibanBridge = window.daiban ?? browserBridge;
