import { Button, Card, Descriptions, Radio, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { changeLanguage, type Language } from '../../i18n';
import { bridge } from '../../platform/bridge';
import { readStorageStatus, type StorageStatus } from '../../platform/storage';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
  const [storage, setStorage] = useState<StorageStatus>();

  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void readStorageStatus().then(setStorage);
  }, []);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Space direction="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
        <Card size="small" title={t('settings.language')}>
          <Radio.Group
            value={i18n.language}
            onChange={(event) => void changeLanguage(event.target.value as Language)}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Card>
        <Card size="small" title={t('settings.storage')}>
          <Typography.Paragraph data-testid="storage-status" style={{ marginBottom: 4 }}>
            {storage === undefined
              ? t('common.loading')
              : !storage.supported
                ? t('settings.storageUnsupported')
                : storage.persisted
                  ? t('settings.storagePersisted')
                  : t('settings.storageNotPersisted')}
          </Typography.Paragraph>
          {storage?.supported && (
            <Typography.Text type="secondary">
              {t('settings.storageUsage', {
                used: megabytes(storage.usage),
                quota: megabytes(storage.quota),
              })}
            </Typography.Text>
          )}
        </Card>
        <Card size="small" title={t('settings.about')}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('settings.version')}>{info?.version}</Descriptions.Item>
            <Descriptions.Item label={t('settings.platform')}>
              {info &&
                t(
                  info.platform === 'electron'
                    ? 'settings.platformElectron'
                    : 'settings.platformBrowser',
                )}
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.dataFolder')}>
              <Space>
                <span data-testid="data-folder">{info?.dataFolder}</span>
                {info?.platform === 'electron' && (
                  <Button
                    size="small"
                    onClick={() => void bridge.revealFile({ path: info.dataFolder })}
                  >
                    {t('settings.revealDataFolder')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Space>
    </>
  );
}
