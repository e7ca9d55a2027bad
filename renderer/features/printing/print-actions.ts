/**
 * The weights the sheets use, of the Noto Sans SC that main.tsx bundles. A face loads only when
 * text first needs it, and document.fonts.ready alone may resolve before layout asked: load both
 * explicitly, so nothing is printed in a fallback font, or as boxes where none is installed.
 */
const sheetFonts = ['400 9pt "Noto Sans SC"', '600 9pt "Noto Sans SC"'];
const sample = '项目审批进度表 第 1 页 / 共 1 页 0123456789';

export async function whenFontsReady(): Promise<void> {
  await Promise.all(sheetFonts.map((font) => document.fonts.load(font, sample)));
  await document.fonts.ready;
}

/** 打印: the system print dialog, once the fonts are in. */
export async function printSheet(): Promise<void> {
  await whenFontsReady();
  window.print();
}
