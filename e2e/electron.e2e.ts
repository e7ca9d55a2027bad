import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DaibanBridge } from '../shared/ipc/contract';
import { ipcChannels } from '../shared/ipc/channels';
import { AppPage } from './pages/app.page';
import { readPdf } from './pages/pdf';
import { PrintPage } from './pages/print.page';

/** The Electron binary when it was downloaded; null where it cannot be (as on our CI machines). */
function electronBinary(): string | null {
  const packageDir = path.resolve('node_modules/electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
test.skip(
  binary === null,
  'Electron 可执行文件不存在（本机无法下载），桌面端测试跳过；同一应用的浏览器端测试照常运行',
);

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = mkdtempSync(path.join(os.tmpdir(), 'daiban-electron-'));
  app = await electron.launch({
    executablePath: binary ?? undefined,
    // Chromium refuses its own sandbox when run as root (as CI is); users never run as root.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '.'],
    env: { ...process.env, DAIBAN_USER_DATA: userData },
  });
});

test.afterEach(async () => {
  await app.close();
});

test('launches the built app from app:// with the Chinese UI', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('menuitem', { name: '重点项目' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/daiban\/index\.html/);
  expect(await page.title()).toBe('帮代通');
});

test('the window runs isolated, sandboxed, without Node', async () => {
  await app.firstWindow();
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is undocumented (absent from the types) but is what Electron applied.
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
      getLastWebPreferences(): Electron.WebPreferences;
    };
    const prefs = contents.getLastWebPreferences();
    return {
      contextIsolation: prefs?.contextIsolation,
      sandbox: prefs?.sandbox,
      nodeIntegration: prefs?.nodeIntegration,
      webSecurity: prefs?.webSecurity,
    };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
  });
});

test('navigation away and window.open are refused', async () => {
  const page = await app.firstWindow();
  await expect(page.getByRole('menu')).toBeVisible();
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/daiban\//);
  expect(app.windows()).toHaveLength(1);
});

test('the bridge exposes named methods only, and reports the data folder', async () => {
  const page = await app.firstWindow();
  const exposed = await page.evaluate(() => ({
    methods: Object.keys((window as { daiban?: object }).daiban ?? {}).sort(),
    hasRequire: 'require' in window,
    hasIpcRenderer: 'ipcRenderer' in window,
    hasProcess: 'process' in window,
  }));
  expect(exposed).toEqual({
    // One method per IPC channel, and nothing else.
    methods: Object.keys(ipcChannels).sort(),
    hasRequire: false,
    hasIpcRenderer: false,
    hasProcess: false,
  });
  const info = await page.evaluate(() =>
    (window as unknown as { daiban: DaibanBridge }).daiban.appInfo(),
  );
  expect(info).toMatchObject({ platform: 'electron', dataFolder: userData });
});

test('the first start writes the daily backup into the data folder, and it is listed', async () => {
  const page = await app.firstWindow();
  const firstStart = page.getByRole('button', { name: '开始使用' });
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('派出单位').fill('某某镇人民政府');
  await firstStart.click();
  await expect(page.getByRole('menu')).toBeVisible();
  const listBackups = () =>
    page.evaluate(() => (window as unknown as { daiban: DaibanBridge }).daiban.listBackups());
  await expect.poll(async () => (await listBackups()).entries.length).toBe(1);
  const list = await listBackups();
  expect(list.folder).toBe(path.join(userData, 'backups'));
  expect(list.entries[0]).toMatchObject({ reason: 'daily' });
  expect(existsSync(path.join(list.folder, list.entries[0]?.name ?? ''))).toBe(true);
  expect(await page.evaluate(() => navigator.storage.persisted())).toBe(true);
});

test('导出 PDF writes the previewed sheet as an A4 PDF where the save dialog points', async () => {
  const page = await app.firstWindow();
  await page.getByLabel('姓名').fill('王小明');
  await page.getByLabel('派出单位').fill('某某镇人民政府');
  await page.getByRole('button', { name: '开始使用' }).click();
  await new AppPage(page).createProject({
    name: '冷链物流中心',
    ownerCompany: '某冷链物流有限公司',
    stages: ['施工许可'],
  });
  // The save dialog answers for the user; everything after it is the app's own path.
  const target = path.join(userData, '进度表');
  await app.evaluate(({ dialog }, filePath) => {
    dialog.showSaveDialog = () => Promise.resolve({ canceled: false, filePath });
  }, target);
  await page.getByRole('button', { name: '打印进度表' }).click();
  const preview = new PrintPage(page);
  await preview.ready();
  await preview.button('导出 PDF').click();
  await expect(page.getByText('已导出 PDF：进度表.pdf')).toBeVisible();
  const pdf = readPdf(`${target}.pdf`);
  expect(new Set(pdf.sizes)).toEqual(new Set(['A4 portrait']));
  expect(pdf.pageTexts[0]).toContain('项目审批进度表');
  expect(pdf.pageTexts[0]).toContain('冷链物流中心');
  expect(pdf.pageTexts[0]).toContain(`第1页/共${pdf.pages}页`);
  // The toolbar and the toast are the window's, not the sheet's.
  expect(pdf.pageTexts.join('')).not.toContain('导出PDF');
});
