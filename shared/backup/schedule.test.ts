import { describe, expect, it } from 'vitest';
import { backupReminderDue, dailyBackupDue } from './schedule';

const now = new Date('2026-11-29T08:00:00.000Z');

describe('backup schedule', () => {
  it('makes the daily backup when there is none or the newest is more than a day old', () => {
    expect(dailyBackupDue(undefined, now)).toBe(true);
    expect(dailyBackupDue('2026-11-28T07:59:59.000Z', now)).toBe(true);
    expect(dailyBackupDue('2026-11-28T08:00:00.000Z', now)).toBe(false);
    expect(dailyBackupDue('2026-11-29T07:00:00.000Z', now)).toBe(false);
  });

  it('reminds a browser user after 7 days without a backup, not a fresh install', () => {
    expect(backupReminderDue('2026-11-22T08:00:00.000Z', undefined, now)).toBe(false);
    expect(backupReminderDue('2026-11-22T07:59:00.000Z', undefined, now)).toBe(true);
    // Never backed up: counted from the oldest data.
    expect(backupReminderDue(undefined, '2026-11-25T00:00:00.000Z', now)).toBe(false);
    expect(backupReminderDue(undefined, '2026-11-01T00:00:00.000Z', now)).toBe(true);
    expect(backupReminderDue(undefined, undefined, now)).toBe(false);
    // A recent backup wins over old data.
    expect(backupReminderDue('2026-11-28T00:00:00.000Z', '2026-01-01T00:00:00.000Z', now)).toBe(
      false,
    );
  });
});
