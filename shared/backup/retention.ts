import { differenceInMilliseconds, format, getISOWeek, getISOWeekYear } from 'date-fns';

/**
 * Which automatic backups to keep (自动备份的保留规则): the newest backup of each of the 7 most
 * recent days that have one, of the 4 most recent ISO weeks (Monday to Sunday, as the working week
 * is counted here), and of the 12 most recent months. The union is kept; every other backup may
 * be deleted. Days, weeks and months are the computer's local ones, as the user sees them.
 * So a team that backs up daily keeps a week day by day, a month week by week and a year month by
 * month, in about 20 files.
 *
 * Besides, every backup made in the 24 hours before the newest one is kept. Without that, the
 * "newest of the day" rule would let a second restore on the same day delete the backup the first
 * restore made of the data as it was, which is the one backup that user needs.
 */
export type RetentionPolicy = {
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups less than this many hours older than the newest one are all kept. */
  recentHours: number;
};

export const defaultRetention: RetentionPolicy = {
  daily: 7,
  weekly: 4,
  monthly: 12,
  recentHours: 24,
};

type Period = 'daily' | 'weekly' | 'monthly';

export type DatedBackup = { name: string; createdAt: Date };

const periods: { [K in Period]: (date: Date) => string } = {
  daily: (date) => format(date, 'yyyy-MM-dd'),
  weekly: (date) => `${getISOWeekYear(date)}-W${getISOWeek(date)}`,
  monthly: (date) => format(date, 'yyyy-MM'),
};

/** Newest first; a tie in time is broken by name, so the choice never depends on input order. */
function newestFirst(a: DatedBackup, b: DatedBackup): number {
  const byTime = b.createdAt.getTime() - a.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

/** The names of the backups the policy keeps. */
export function backupsToKeep(
  backups: readonly DatedBackup[],
  policy: RetentionPolicy = defaultRetention,
): Set<string> {
  for (const backup of backups) {
    if (Number.isNaN(backup.createdAt.getTime())) {
      throw new RangeError(`backup ${backup.name} has an invalid date`);
    }
  }
  const sorted = [...backups].sort(newestFirst);
  const keep = new Set<string>();
  const newest = sorted[0];
  if (newest) {
    const recentMs = policy.recentHours * 60 * 60 * 1000;
    for (const backup of sorted) {
      if (differenceInMilliseconds(newest.createdAt, backup.createdAt) < recentMs) {
        keep.add(backup.name);
      }
    }
  }
  for (const kind of Object.keys(periods) as Period[]) {
    const seen = new Set<string>();
    for (const backup of sorted) {
      const period = periods[kind](backup.createdAt);
      if (seen.has(period)) continue;
      if (seen.size >= policy[kind]) break;
      seen.add(period);
      keep.add(backup.name);
    }
  }
  return keep;
}

/** The backups the policy lets go, newest first. */
export function backupsToPrune<T extends DatedBackup>(
  backups: readonly T[],
  policy: RetentionPolicy = defaultRetention,
): T[] {
  const keep = backupsToKeep(backups, policy);
  return backups.filter((backup) => !keep.has(backup.name)).sort(newestFirst);
}
