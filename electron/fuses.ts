import path from 'node:path';
import {
  flipFuses,
  FuseState,
  FuseV1Options,
  FuseVersion,
  getCurrentFuseWire,
  type FuseV1Config,
} from '@electron/fuses';

/**
 * Electron's fuses: switches compiled into the Electron executable, set once when the app is
 * packaged and beyond the reach of anything at run time (an environment variable, a command-line
 * flag, a file dropped beside the app). Each one the packaged 帮代通 sets, and why. Every fuse
 * this Electron has must be decided here: packaging refuses a fuse left to its default
 * (`strictlyRequireAllFuses`), so an Electron upgrade that adds one makes us choose.
 */
export const fuseDecisions = {
  RunAsNode: {
    enabled: false,
    why: 'ELECTRON_RUN_AS_NODE=1 would turn the installed, signed executable into a plain Node that runs any script with the app’s identity',
  },
  EnableCookieEncryption: {
    enabled: true,
    why: 'the session’s cookie store on disk is encrypted with the OS key store (the app keeps no secrets in cookies, but nothing should lie there in the clear)',
  },
  EnableNodeOptionsEnvironmentVariable: {
    enabled: false,
    why: 'NODE_OPTIONS (--require, --import) would load someone else’s code into main before ours',
  },
  EnableNodeCliInspectArguments: {
    enabled: false,
    why: '--inspect / --inspect-brk would open a debugger on main, which holds the data folder and the one network origin',
  },
  EnableEmbeddedAsarIntegrityValidation: {
    enabled: true,
    why: 'app.asar is checked against the hash the packager embedded: a modified main, preload or page does not load',
  },
  OnlyLoadAppFromAsar: {
    enabled: true,
    why: 'the app is loaded from app.asar only, never from an app/ folder or default_app planted beside it, so the integrity check cannot be side-stepped',
  },
  LoadBrowserProcessSpecificV8Snapshot: {
    enabled: false,
    why: 'the app ships no V8 snapshot of its own',
  },
  GrantFileProtocolExtraPrivileges: {
    enabled: false,
    why: 'pages come from app://daiban (electron/app-protocol.ts); file:// pages get no more than a browser gives them',
  },
  WasmTrapHandlers: {
    enabled: true,
    why: 'Electron’s default: V8’s WebAssembly bounds checks by trap handlers (the app runs no WebAssembly of its own)',
  },
} as const satisfies Record<keyof typeof FuseV1Options, { enabled: boolean; why: string }>;

export type FuseName = keyof typeof fuseDecisions;

/** The names of the fuses @electron/fuses knows (its enum also maps numbers back to names). */
export function knownFuses(): string[] {
  return Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
}

/**
 * The configuration for `flipFuses`. `resetAdHocDarwinSignature` re-signs a macOS build ad hoc
 * (flipping changes the binary, which breaks its signature; the real signing comes after, on the
 * machine that holds the certificate).
 */
export function fuseConfig(platform: string): FuseV1Config {
  const wire = Object.fromEntries(
    Object.entries(fuseDecisions).map(([name, { enabled }]) => [
      FuseV1Options[name as FuseName],
      enabled,
    ]),
  ) as Record<FuseV1Options, boolean>;
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: platform === 'darwin',
    ...wire,
  };
}

/** What a packaged executable's fuses are, against what they should be: the ones that differ. */
export function fuseMismatches(
  current: Partial<Record<FuseV1Options, FuseState>>,
): { fuse: FuseName; expected: boolean; found: 'enabled' | 'disabled' | 'removed' | 'missing' }[] {
  const found = (state: FuseState | undefined) =>
    state === FuseState.ENABLE
      ? 'enabled'
      : state === FuseState.DISABLE
        ? 'disabled'
        : state === FuseState.REMOVED
          ? 'removed'
          : 'missing';
  return (Object.keys(fuseDecisions) as FuseName[]).flatMap((fuse) => {
    const expected = fuseDecisions[fuse].enabled;
    const state = found(current[FuseV1Options[fuse]]);
    // A fuse Electron removed is gone for good: nothing to set, nothing to fear.
    if (state === 'removed' || state === (expected ? 'enabled' : 'disabled')) return [];
    return [{ fuse, expected, found: state }];
  });
}

/**
 * Where the Electron executable of a packed app is, from what electron-builder's afterPack hook
 * (and @electron/packager's afterComplete) know: the output folder, the platform, the name.
 */
export function packagedExecutable(pack: {
  appOutDir: string;
  platform: string;
  productFilename: string;
  executableName?: string;
}): string {
  switch (pack.platform) {
    case 'darwin':
    case 'mas':
      return path.join(pack.appOutDir, `${pack.productFilename}.app`);
    case 'win32':
      return path.join(pack.appOutDir, `${pack.productFilename}.exe`);
    default:
      return path.join(pack.appOutDir, pack.executableName ?? pack.productFilename);
  }
}

/** Flips the packaged executable's fuses as decided, then reads them back: throws on any mismatch. */
export async function flipAppFuses(executable: string, platform: string): Promise<void> {
  await flipFuses(executable, fuseConfig(platform));
  const mismatches = fuseMismatches(await getCurrentFuseWire(executable));
  if (mismatches.length > 0) {
    throw new Error(
      `Electron fuses not as decided in ${executable}: ${mismatches
        .map(
          ({ fuse, expected, found }) =>
            `${fuse} should be ${expected ? 'on' : 'off'}, is ${found}`,
        )
        .join('; ')}`,
    );
  }
}
