import { addDays, addHours, isAfter } from 'date-fns';

/** The desktop backs up at start when its newest backup is older than this. */
export const dailyBackupHours = 24;
/** A browser, which cannot back up by itself, reminds the user after this many days. */
export const backupReminderDays = 7;

/** True when the desktop should make its daily backup now. */
export function dailyBackupDue(newestBackupAt: string | undefined, now: Date): boolean {
  return !newestBackupAt || isAfter(now, addHours(new Date(newestBackupAt), dailyBackupHours));
}

/**
 * True when a browser should remind the user to back up: the last backup is older than 7 days,
 * or there never was one and the team's data is older than that (a fresh install has nothing to
 * lose yet, so it is not nagged).
 */
export function backupReminderDue(
  newestBackupAt: string | undefined,
  oldestDataAt: string | undefined,
  now: Date,
): boolean {
  const since = newestBackupAt ?? oldestDataAt;
  return since !== undefined && isAfter(now, addDays(new Date(since), backupReminderDays));
}
