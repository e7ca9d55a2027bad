import { expect, type Page } from '@playwright/test';
import { readPdf, type PdfReport } from './pdf';

/** A sheet's print preview (#/print/…): its toolbar, and the PDF Chromium makes of it. */
export class PrintPage {
  constructor(readonly page: Page) {}

  /** Waits until the sheet's data is in and the bundled fonts are loaded. */
  async ready() {
    await expect(this.page.locator('.print-preview')).toHaveAttribute('data-print-ready', 'true', {
      timeout: 30_000,
    });
  }

  button(name: '打印' | '导出 PDF' | '返回') {
    return this.page.getByRole('toolbar').getByRole('button', { name });
  }

  /**
   * The PDF of the preview as printing makes it: page.pdf uses print media, so the app's print
   * CSS decides the paper (@page A4, landscape sections), margins and page numbers, exactly as
   * Electron's printToPDF does with preferCSSPageSize.
   */
  async savePdf(path: string): Promise<PdfReport> {
    await this.ready();
    await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    return readPdf(path);
  }

  /** Replaces window.print, which would open a dialog, with a counter of calls. */
  async countPrintCalls() {
    await this.page.evaluate(() => {
      const counted = window as unknown as { printCalls: number };
      counted.printCalls = 0;
      window.print = () => {
        counted.printCalls += 1;
      };
    });
    return () => this.page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
  }
}
