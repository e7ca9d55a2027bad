import { ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../../ui/write-error';
import { exportLedger } from './ledger-actions';
import { LedgerImportModal } from './LedgerImportModal';

/** 导出台账 / 导入台账, on the 重点项目 list's toolbar. */
export function LedgerButtons() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);

  async function exportNow() {
    setExporting(true);
    const hide = message.loading(t('ledger.exporting'), 0);
    try {
      const saved = await exportLedger(t);
      if (saved) void message.success(t('ledger.exported', { name: saved.name }));
    } catch (error) {
      void message.error(failureMessage(error));
    } finally {
      hide();
      setExporting(false);
    }
  }

  return (
    <>
      <Button icon={<ExportOutlined />} loading={exporting} onClick={() => void exportNow()}>
        {t('ledger.export')}
      </Button>
      <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
        {t('ledger.import')}
      </Button>
      <LedgerImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
