// `npm start`: open the desktop app; where Electron's binary cannot be had, serve the same built
// app on 127.0.0.1 for a browser instead, so the work can still go on.
import { spawn, spawnSync } from 'node:child_process';
import { preview } from 'vite';

function electronBinary() {
  // require('electron') downloads the binary on first use and returns its path, or throws.
  const probe = spawnSync(
    process.execPath,
    ['-e', "process.stdout.write('\\nELECTRON=' + require('electron'))"],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60 * 1000 },
  );
  const found = /\nELECTRON=(.+)$/.exec(probe.stdout ?? '');
  return probe.status === 0 && found ? found[1] : null;
}

async function serveInBrowser() {
  const server = await preview({
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: Number(process.env.PORT ?? 4173) },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4173/';
  console.log(
    `无法获取 Electron 可执行文件（本机无法下载），已改为在浏览器中提供同一应用：请用 Chromium 打开 ${url}  (Electron binary unavailable; open ${url})`,
  );
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  await serveInBrowser();
}
