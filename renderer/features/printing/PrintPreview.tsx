import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Spin } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { printSheet, whenFontsReady } from './print-actions';
import { cssString, sheetFileName, type SheetFormat } from './print-format';
import './print.css';

type Props = {
  /** The sheet's title (项目审批进度表): for the page header, the file name and the window title. */
  title: string;
  /** What it is about: the project's name, or the scope of a summary. */
  subject: string;
  /** 'yyyy-MM-dd' */
  today: string;
  format: SheetFormat;
  /** Where 返回 goes when the preview was opened directly (not from a page of the app). */
  backTo: string;
  /** 'missing': nothing to print, e.g. a project deleted meanwhile (says `missingText`). */
  state: 'loading' | 'missing' | 'ready';
  missingText?: string;
  children: ReactNode;
};

/**
 * 打印预览: the sheet on screen as it will print, with 打印 (the system dialog) and 导出 PDF (a
 * save dialog on the desktop; the browser's print dialog, with 另存为 PDF, in a browser). The
 * toolbar never prints (print.css). `data-print-ready` says when the data and fonts are in.
 */
export function PrintPreview({
  title,
  subject,
  today,
  format,
  backTo,
  state,
  missingText,
  children,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [fontsReady, setFontsReady] = useState(false);
  const [desktop, setDesktop] = useState<boolean | null>(null);
  const [exporting, setExporting] = useState(false);
  const fileName = sheetFileName([title, subject], today);

  useEffect(() => {
    let current = true;
    void whenFontsReady().then(() => current && setFontsReady(true));
    void bridge.appInfo().then((info) => current && setDesktop(info.platform === 'electron'));
    return () => {
      current = false;
    };
  }, []);

  // A browser's 另存为 PDF offers the page's title as the file name.
  useEffect(() => {
    const before = document.title;
    document.title = fileName.replace(/\.pdf$/, '');
    return () => {
      document.title = before;
    };
  }, [fileName]);

  const ready = state === 'ready' && fontsReady;

  async function exportPdf() {
    setExporting(true);
    try {
      await whenFontsReady();
      const result = await bridge.printToPdf({
        title: t('print.dialogTitle'),
        suggestedName: fileName,
      });
      if (result.status === 'saved') {
        void message.success({
          content: (
            <>
              {t('print.saved', { name: result.name })}{' '}
              <Button
                type="link"
                size="small"
                onClick={() => void bridge.revealFile({ path: result.path })}
              >
                {t('print.showInFolder')}
              </Button>
            </>
          ),
          duration: 8,
        });
      }
    } catch (error) {
      void message.error(t('print.exportFailed', { message: failureMessage(error) }));
    } finally {
      setExporting(false);
    }
  }

  const pageHeader = `@page {
  @top-left { content: ${cssString(`${title} · ${subject}`)}; font-family: 'Noto Sans SC', sans-serif; font-size: 8pt; }
  @top-right { content: ${cssString(t('print.printedOn', { date: format.date(today) }))}; font-family: 'Noto Sans SC', sans-serif; font-size: 8pt; }
}`;

  return (
    <div className="print-preview" data-print-ready={ready ? 'true' : 'false'}>
      <style>{pageHeader}</style>
      <div className="print-toolbar" role="toolbar" aria-label={title}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => void (location.key === 'default' ? navigate(backTo) : navigate(-1))}
        >
          {t('print.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          onClick={() => void printSheet()}
        >
          {t('print.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={!ready}
          loading={exporting}
          onClick={() => void exportPdf()}
        >
          {t('print.exportPdf')}
        </Button>
        <span className="print-toolbar-note">
          {desktop === false ? t('print.browserPdfHint') : t('print.previewNote')}
        </span>
      </div>
      {state === 'loading' && (
        <Spin tip={t('print.preparing')} style={{ display: 'block', marginTop: 64 }}>
          <div />
        </Spin>
      )}
      {state === 'missing' && <Empty style={{ marginTop: 64 }} description={missingText} />}
      {state === 'ready' && children}
    </div>
  );
}
