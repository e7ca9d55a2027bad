import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './files';
import {
  defaultPdfPath,
  exportPdf,
  looksLikePdf,
  pdfPrintOptions,
  pdfTargetPath,
  type PdfExportSteps,
} from './pdf-export';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'daiban-pdf-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const request = { title: '导出 PDF', suggestedName: '项目审批进度表-物流园-20261130.pdf' };

function steps(overrides: Partial<PdfExportSteps> = {}) {
  const calls: string[] = [];
  const chosen = path.join(folder, '进度表.pdf');
  const defaults: PdfExportSteps = {
    chooseTarget: vi.fn((defaultPath: string) => {
      calls.push(`choose ${defaultPath}`);
      return Promise.resolve(chosen);
    }),
    print: vi.fn(() => {
      calls.push('print');
      return Promise.resolve(pdfBytes);
    }),
    write: vi.fn(async (target: string, data: Uint8Array) => {
      calls.push(`write ${target}`);
      await writeFileAtomic(target, data);
    }),
  };
  return { calls, chosen, steps: { ...defaults, ...overrides } };
}

describe('printToPDF options', () => {
  it('let the page’s CSS choose A4 and its margins, with backgrounds, and no Chromium footer', () => {
    expect(pdfPrintOptions).toMatchObject({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      generateTaggedPDF: false,
    });
    // Page ranges, scale and orientation would override the sheet's own layout.
    expect(pdfPrintOptions).not.toHaveProperty('pageRanges');
    expect(pdfPrintOptions).not.toHaveProperty('scale');
    expect(pdfPrintOptions).not.toHaveProperty('landscape');
  });
});

describe('paths', () => {
  it('opens the dialog on the suggested name in the given folder', () => {
    expect(defaultPdfPath('/home/u/文档', 'a.pdf')).toBe(path.join('/home/u/文档', 'a.pdf'));
  });

  it('adds .pdf to a name typed without it, and keeps one typed in any case', () => {
    expect(pdfTargetPath('/home/u/进度表')).toBe('/home/u/进度表.pdf');
    expect(pdfTargetPath('/home/u/进度表.PDF')).toBe('/home/u/进度表.PDF');
    expect(pdfTargetPath('/home/u/进度表.pdf')).toBe('/home/u/进度表.pdf');
    expect(pdfTargetPath('/home/u/进度表.json')).toBe('/home/u/进度表.json.pdf');
  });
});

describe('looksLikePdf', () => {
  it('accepts bytes that start %PDF-, refuses anything else', () => {
    expect(looksLikePdf(pdfBytes)).toBe(true);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('%PDF-'))).toBe(false);
    expect(looksLikePdf(new TextEncoder().encode('<html>%PDF-1.7'))).toBe(false);
  });
});

describe('exportPdf', () => {
  it('asks where, prints, then writes the file there, and names it', async () => {
    const { calls, chosen, steps: run } = steps();
    const result = await exportPdf(request, folder, run);
    expect(result).toEqual({ status: 'saved', name: '进度表.pdf', path: chosen });
    expect(calls).toEqual([
      `choose ${path.join(folder, request.suggestedName)}`,
      'print',
      `write ${chosen}`,
    ]);
    expect(readFileSync(chosen)).toEqual(Buffer.from(pdfBytes));
  });

  it('adds .pdf when the name was typed without it', async () => {
    const { steps: run } = steps({
      chooseTarget: () => Promise.resolve(path.join(folder, '汇总表')),
    });
    const result = await exportPdf(request, folder, run);
    expect(result).toMatchObject({ name: '汇总表.pdf', path: path.join(folder, '汇总表.pdf') });
    expect(existsSync(path.join(folder, '汇总表.pdf'))).toBe(true);
  });

  it('a cancelled dialog prints nothing and writes nothing', async () => {
    const { steps: run } = steps({ chooseTarget: () => Promise.resolve(null) });
    expect(await exportPdf(request, folder, run)).toEqual({ status: 'cancelled' });
    expect(run.print).not.toHaveBeenCalled();
    expect(run.write).not.toHaveBeenCalled();
  });

  it('a failed print writes nothing and says so', async () => {
    const { steps: run } = steps({ print: () => Promise.reject(new Error('渲染进程已退出')) });
    await expect(exportPdf(request, folder, run)).rejects.toThrow('渲染进程已退出');
    expect(run.write).not.toHaveBeenCalled();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses to write what is not a PDF', async () => {
    const { steps: run } = steps({ print: () => Promise.resolve(new Uint8Array([1, 2, 3])) });
    await expect(exportPdf(request, folder, run)).rejects.toThrow(/not return a PDF/);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('a failed write leaves the old file as it was and no temp file behind', async () => {
    const { chosen, steps: run } = steps();
    await exportPdf(request, folder, run);
    const failing = steps({
      write: (target, data) =>
        writeFileAtomic(target, data, {
          open: () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })),
          rename: () => Promise.resolve(),
          rm: () => Promise.resolve(),
        }),
      print: () => Promise.resolve(new TextEncoder().encode('%PDF-1.7 a newer sheet')),
    });
    await expect(exportPdf(request, folder, failing.steps)).rejects.toThrow('no space');
    expect(readFileSync(chosen)).toEqual(Buffer.from(pdfBytes));
    expect(readdirSync(folder)).toEqual(['进度表.pdf']);
  });
});
