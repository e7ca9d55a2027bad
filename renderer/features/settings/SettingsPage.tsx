import { Alert, Button, Card, Descriptions, Radio, Space, Tabs, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { createWorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { AppInfo } from '../../../shared/ipc/contract';
import type { HolidaySchedule } from '../../../shared/domain/settings';
import { isPlainHttp } from '../../../shared/security/server-origin';
import { schedulesForCounting } from '../../db/live-records';
import { useServerSync } from '../../db/useServerSync';
import { useHolidaySchedules } from '../../db/useTeamData';
import { changeLanguage, type Language } from '../../i18n';
import { bridge } from '../../platform/bridge';
import { readStorageStatus, type StorageStatus } from '../../platform/storage';
import { BackupsSection } from '../backups/BackupsSection';
import { RemindersSection } from '../reminders/RemindersSection';
import { CatalogSection } from './CatalogSection';
import { HelperAgentsSection } from './HelperAgentsSection';
import { HolidayCoverageAlert } from './HolidayCoverageAlert';
import { HolidaySchedulesSection } from './HolidaySchedulesSection';
import { MyInfoSection } from './MyInfoSection';
import { SealedFilesSection } from './SealedFilesSection';
import { WarningSection } from './WarningSection';
import { YearScheduleModal } from './YearScheduleModal';

const tabs = ['general', 'helperAgents', 'catalog', 'holidays', 'backups'] as const;
type Tab = (typeof tabs)[number];

/** undefined: closed; 'new': entering a year; a record: editing that year. */
type ScheduleEditing = undefined | 'new' | HolidaySchedule;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Said for as long as it is true: the team server is reached over plain http (allowed only for
 * loopback and private addresses, shared/security/server-origin.ts), so the token and any
 * unencrypted data cross the network readable.
 */
function PlainHttpWarning() {
  const { t } = useTranslation();
  const origin = useServerSync()?.config?.origin;
  if (!origin || !isPlainHttp(origin)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="plain-http-warning"
      title={t('settings.plainHttpServer', { origin })}
      description={t('settings.plainHttpServerDetail')}
    />
  );
}

/** This install's own settings, under 常规: language, storage and where the data lives. */
function GeneralCards({ onBackups }: { onBackups: () => void }) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<AppInfo>();
  const [storage, setStorage] = useState<StorageStatus>();

  useEffect(() => {
    void bridge.appInfo().then(setInfo);
    void readStorageStatus().then(setStorage);
  }, []);

  return (
    <>
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
          <Space>
            <Typography.Text type="secondary">
              {t('settings.storageUsage', {
                used: megabytes(storage.usage),
                quota: megabytes(storage.quota),
              })}
            </Typography.Text>
            {!storage.persisted && (
              <Button size="small" onClick={onBackups}>
                {t('settings.goToBackups')}
              </Button>
            )}
          </Space>
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
    </>
  );
}

function isTab(value: string | null): value is Tab {
  return tabs.some((tab) => tab === value);
}

export function SettingsPage() {
  const { t } = useTranslation();
  // The tab lives in the URL (#/settings?tab=holidays), so other screens can link straight to it.
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'general';
  const setTab = (next: Tab) => setSearchParams(next === 'general' ? {} : { tab: next });

  const schedules = useHolidaySchedules();
  // From the same read as the list, so the coverage alert never flashes before the years load.
  const calendar = useMemo(
    () => createWorkingDayCalendar(schedulesForCounting(schedules ?? [])),
    [schedules],
  );
  const [scheduleEditing, setScheduleEditing] = useState<ScheduleEditing>();

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      {/* Only once the saved years are known: no flash of a warning that is not true. */}
      {schedules !== undefined && (
        <div style={{ marginBottom: 12 }}>
          <HolidayCoverageAlert
            calendar={calendar}
            onEnter={() => {
              setTab('holidays');
              setScheduleEditing('new');
            }}
          />
        </div>
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(isTab(key) ? key : 'general')}
        size="small"
        items={[
          {
            key: 'general',
            label: t('teamSettings.tabs.general'),
            children: (
              <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 760 }}>
                <PlainHttpWarning />
                <MyInfoSection />
                <WarningSection />
                <SealedFilesSection />
                <RemindersSection />
                <GeneralCards onBackups={() => setTab('backups')} />
              </Space>
            ),
          },
          {
            key: 'helperAgents',
            label: t('teamSettings.tabs.helperAgents'),
            children: <HelperAgentsSection />,
          },
          { key: 'catalog', label: t('teamSettings.tabs.catalog'), children: <CatalogSection /> },
          {
            key: 'holidays',
            label: t('teamSettings.tabs.holidays'),
            children: (
              <HolidaySchedulesSection
                schedules={schedules}
                onEdit={(existing) => setScheduleEditing(existing ?? 'new')}
              />
            ),
          },
          { key: 'backups', label: t('backup.tab'), children: <BackupsSection /> },
        ]}
      />
      {scheduleEditing !== undefined && (
        <YearScheduleModal
          existing={scheduleEditing === 'new' ? undefined : scheduleEditing}
          saved={schedules ?? []}
          onClose={() => setScheduleEditing(undefined)}
        />
      )}
    </>
  );
}
