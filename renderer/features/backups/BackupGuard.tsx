import { App, Alert, Button } from 'antd';
import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupReminderDue, dailyBackupDue } from '../../../shared/backup/schedule';
import { syncFiles } from '../../db';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { makeBackup, onBackupMade } from './backup-actions';

/** The daily backup runs once per app start, even if React mounts the layout twice. */
let dailyBackupChecked = false;

/**
 * Keeps the user's data backed up. On the desktop: the daily backup at start; a failure is shown
 * until dismissed, never silent. In a browser, which cannot write files unasked: a reminder above
 * every screen when the last backup is more than 7 days old.
 */
export function BackupGuard() {
  const { t } = useTranslation();
  const { notification, message } = App.useApp();
  const [lastBackupAt, setLastBackupAt] = useState<string | null>();

  useEffect(() => {
    let live = true;
    void (async () => {
      const [info, list, oldestData] = await Promise.all([
        bridge.appInfo(),
        bridge.listBackups(),
        syncFiles.oldestProjectAt(),
      ]);
      const newest = list.entries[0]?.createdAt;
      if (info.platform === 'electron') {
        if (dailyBackupChecked || !dailyBackupDue(newest, new Date())) return;
        dailyBackupChecked = true;
        try {
          await makeBackup('daily');
        } catch (error) {
          notification.error({
            key: 'daily-backup',
            title: t('backup.autoFailedTitle'),
            description: t('backup.autoFailed', { message: failureMessage(error) }),
            duration: 0,
          });
        }
      } else if (live && backupReminderDue(newest, oldestData, new Date())) {
        setLastBackupAt(newest ?? null);
      }
    })();
    const stop = onBackupMade(() => setLastBackupAt(undefined));
    return () => {
      live = false;
      stop();
    };
  }, [notification, t]);

  if (lastBackupAt === undefined) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('backup.reminderTitle')}
      description={
        lastBackupAt === null
          ? t('backup.reminderNever')
          : t('backup.reminderOld', { date: format(new Date(lastBackupAt), 'yyyy年M月d日') })
      }
      action={
        <Button
          size="small"
          type="primary"
          onClick={() =>
            void makeBackup('manual').catch((error: unknown) =>
              message.error(t('backup.failed', { message: failureMessage(error) })),
            )
          }
        >
          {t('backup.backupNow')}
        </Button>
      }
    />
  );
}
