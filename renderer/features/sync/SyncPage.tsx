import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConflictsCard } from './ConflictsCard';
import { ExchangesCard } from './ExchangesCard';
import { ExportForm } from './ExportForm';
import { QuarantineCard } from './QuarantineCard';
import { ServerSyncCard } from './ServerSyncCard';
import { ImportProgressBar, useImportFile } from './useImportFile';

/** 同步: the team server, sync files by USB stick (export, import), conflicts to review, and the exchange log. */
export function SyncPage() {
  const { t } = useTranslation();
  const { importFile, progress } = useImportFile();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('sync.title')}
      </Typography.Title>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ServerSyncCard />
        <QuarantineCard />
        <Card size="small" title={t('sync.fileTitle')}>
          <Typography.Paragraph>{t('sync.fileIntro')}</Typography.Paragraph>
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <ExportForm />
            </Col>
            <Col xs={24} lg={12}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Button
                  icon={<ImportOutlined />}
                  loading={progress !== null}
                  onClick={() => void importFile()}
                >
                  {t('sync.import')}
                </Button>
                <ImportProgressBar progress={progress} />
              </Space>
            </Col>
          </Row>
        </Card>
        <ConflictsCard />
        <ExchangesCard />
      </Space>
    </>
  );
}
