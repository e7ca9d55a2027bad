import { execFileSync } from 'node:child_process';

/**
 * What poppler reads from a PDF (Debian's poppler-utils: pdfinfo, pdftotext, pdffonts), so the
 * e2e suite checks the printed sheets as a reader of the file would: paper size per page, the
 * text that can be extracted (copy-paste, search, screen readers), and the fonts embedded.
 */
export type PdfReport = {
  pages: number;
  /** Per page: 'A4 portrait' or 'A4 landscape', or the size in points when it is not A4. */
  sizes: string[];
  /** Per page, the text with all white space removed (Chromium spaces CJK text by position). */
  pageTexts: string[];
  /** Names of the embedded fonts. */
  fonts: string[];
};

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`${command} 未安装：sudo apt-get install -y poppler-utils`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Strips white space, as pdftotext places it by glyph position rather than by the source. */
export const squeeze = (text: string) => text.replace(/\s+/g, '');

export function readPdf(file: string): PdfReport {
  const info = run('pdfinfo', ['-f', '1', '-l', '100000', file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = [
    ...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/gm),
  ].map(([, width, height, name]) => {
    if (name !== 'A4') return `${width} x ${height} pts`;
    return Number(width) < Number(height) ? 'A4 portrait' : 'A4 landscape';
  });
  // -raw keeps the order the page drew its text in (cell by cell): by position, the lines of a
  // wrapped cell would interleave with its neighbours'. Every page ends with a form feed.
  const pageTexts = run('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'])
    .split('\f')
    .slice(0, pages)
    .map(squeeze);
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter(Boolean);
  return { pages, sizes, pageTexts, fonts };
}
