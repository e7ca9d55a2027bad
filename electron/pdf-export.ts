// Type-only: erased from the build, so this module runs (and is tested) without Electron.
import type { PrintToPDFOptions } from 'electron';
import path from 'node:path';
import type { PrintToPdfRequest, PrintToPdfResult } from '../shared/ipc/contract';

/**
 * 导出 PDF on the desktop: the decisions, apart from Electron so that Node tests them. ipc.ts
 * wires them to the save dialog, webContents.printToPDF and writeFileAtomic.
 */

/**
 * printToPDF's own default is Letter and it ignores the page's `@page { size }` unless told: the
 * sheets' CSS (renderer/features/printing/print.css) sets A4, portrait or landscape per section,
 * and the margins whose boxes carry 第 x 页 / 共 y 页, so the page decides and A4 is only the
 * fallback. Backgrounds carry the tables' header shading. No Chromium header or footer: the
 * page's own margin boxes are the footer. Not tagged: a tagged city summary came out ten times
 * larger (7.6 MB against 0.8 MB for 1,000 projects) and a third slower, and its text extracts
 * the same without tags (the e2e suite reads it with pdftotext).
 */
export const pdfPrintOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  // Said, not left to the default: Chromium's own (headless) default is to tag.
  generateTaggedPDF: false,
} as const satisfies PrintToPDFOptions;

export const pdfDialogFilters = [{ name: 'PDF', extensions: ['pdf'] }];

/** Where the save dialog opens: the folder of the last PDF saved, else the documents folder. */
export function defaultPdfPath(folder: string, suggestedName: string): string {
  return path.join(folder, suggestedName);
}

/** The path written: what the user chose, with .pdf added when they typed a name without it. */
export function pdfTargetPath(chosen: string): string {
  return chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`;
}

const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether bytes start as a PDF does: what printToPDF returned is checked before it is written. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length > pdfMagic.length && pdfMagic.every((byte, index) => bytes[index] === byte);
}

/** The three things an export does, injected so tests run it without a window or a dialog. */
export type PdfExportSteps = {
  /** Shows the save dialog; null when the user cancels it. */
  chooseTarget(defaultPath: string): Promise<string | null>;
  /** Prints the window's page to PDF bytes. */
  print(): Promise<Uint8Array>;
  /** Writes the file whole or not at all (writeFileAtomic). */
  write(target: string, data: Uint8Array): Promise<void>;
};

/**
 * Asks where first, so a cancelled dialog costs no printing; then prints and writes. A failed
 * print or write throws (the renderer says so) and leaves no file, nor a half-written one.
 */
export async function exportPdf(
  request: PrintToPdfRequest,
  folder: string,
  steps: PdfExportSteps,
): Promise<PrintToPdfResult> {
  const chosen = await steps.chooseTarget(defaultPdfPath(folder, request.suggestedName));
  if (chosen === null) return { status: 'cancelled' };
  const target = pdfTargetPath(chosen);
  const bytes = await steps.print();
  if (!looksLikePdf(bytes)) throw new Error('printToPDF did not return a PDF');
  await steps.write(target, bytes);
  return { status: 'saved', name: path.basename(target), path: target };
}
