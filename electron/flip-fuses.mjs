// Sets the Electron fuses of a packaged 帮代通 as electron/fuses.ts decides, then reads them back
// and fails on any difference. Two ways in, both after the app is packed and before it is signed:
//
//   npm run fuses -- <packed Electron executable, or the .app on macOS>
//   electron-builder: "afterPack": "electron/flip-fuses.mjs"   (this module's default export)
//
// Node 20 cannot run TypeScript itself: Vite's module runner loads electron/fuses.ts, as
// server/run.mjs does for the server.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

async function fuses() {
  const { module } = await runnerImport(fileURLToPath(new URL('./fuses.ts', import.meta.url)), {
    configFile: false,
    logLevel: 'warn',
  });
  return module;
}

/** electron-builder's afterPack hook: the packed folder, before signing and installers. */
export default async function afterPack(context) {
  const { flipAppFuses, packagedExecutable } = await fuses();
  const executable = packagedExecutable({
    appOutDir: context.appOutDir,
    platform: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    executableName: context.packager.executableName,
  });
  await flipAppFuses(executable, context.electronPlatformName);
  console.log(`Electron fuses set: ${executable}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const executable = process.argv[2];
  if (!executable) {
    console.error('用法：npm run fuses -- <打包后的 Electron 可执行文件（macOS 为 .app）>');
    process.exitCode = 2;
  } else {
    const { flipAppFuses } = await fuses();
    try {
      await flipAppFuses(executable, process.platform);
      console.log(`已设置 Electron fuses (fuses set): ${executable}`);
    } catch (error) {
      console.error(`设置 Electron fuses 失败 (failed): ${error.message}`);
      process.exitCode = 1;
    }
  }
}
