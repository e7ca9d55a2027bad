import { addDays, addHours, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, backupsToPrune, type DatedBackup } from './retention';

/** A backup made at a local time, named after it as main names them. */
function backup(year: number, month: number, day: number, hour = 9, minute = 0): DatedBackup {
  const createdAt = new Date(year, month - 1, day, hour, minute);
  return { name: `帮代通备份-${format(createdAt, 'yyyyMMdd-HHmmss')}.json`, createdAt };
}

const names = (backups: readonly DatedBackup[]) => backups.map((entry) => entry.name);

describe('backup retention', () => {
  it('keeps everything while there are few backups', () => {
    const few = [backup(2026, 3, 2), backup(2026, 3, 3), backup(2026, 3, 4)];
    expect(backupsToPrune(few)).toEqual([]);
    expect(backupsToKeep([])).toEqual(new Set());
  });

  it('keeps the newest backup of a day, not the earlier ones of the same day', () => {
    const morning = backup(2026, 3, 4, 8);
    const noon = backup(2026, 3, 4, 12);
    const evening = backup(2026, 3, 4, 18);
    const policy = { daily: 7, weekly: 4, monthly: 12, recentHours: 0 };
    expect(names(backupsToPrune([morning, evening, noon], policy))).toEqual(names([noon, morning]));
  });

  it('keeps every backup of the last 24 hours, so a second restore cannot delete the first’s', () => {
    const dailyYesterday = backup(2026, 3, 3, 9);
    const beforeFirstRestore = backup(2026, 3, 3, 16);
    const beforeSecondRestore = backup(2026, 3, 4, 10);
    const lastWeek = backup(2026, 2, 25, 9);
    const lastWeekLater = backup(2026, 2, 25, 17);
    expect(
      names(
        backupsToPrune([
          dailyYesterday,
          beforeFirstRestore,
          beforeSecondRestore,
          lastWeek,
          lastWeekLater,
        ]),
      ),
    ).toEqual(names([dailyYesterday, lastWeek])); // 25 hours old, and not its day's newest
    // 24 hours or more before the newest one, only the day's newest stays.
    const dayBefore = backup(2026, 3, 3, 10);
    const earlier = backup(2026, 3, 3, 9, 59);
    expect(names(backupsToPrune([beforeSecondRestore, dayBefore, earlier]))).toEqual(
      names([earlier]),
    );
  });

  it('with a backup every day for a year keeps 7 days, 4 weeks and 12 months', () => {
    // Wednesday 2026-12-30 back to 2026-01-01, one backup a day at 09:00.
    const daily: DatedBackup[] = [];
    for (
      let day = new Date(2026, 0, 1, 9);
      day <= new Date(2026, 11, 30, 9);
      day = addDays(day, 1)
    ) {
      daily.push(backup(day.getFullYear(), day.getMonth() + 1, day.getDate()));
    }
    const kept = backupsToKeep(daily);
    const keptDays = [...kept].map((name) => name.slice(6, 14)).sort();
    expect(keptDays).toEqual(
      [
        // The last day of each month (its newest backup), Jan–Nov; December's is 12-30.
        '20260131',
        '20260228',
        '20260331',
        '20260430',
        '20260531',
        '20260630',
        '20260731',
        '20260831',
        '20260930',
        '20261031',
        '20261130',
        // The Sundays ending the 3 ISO weeks before the current one (Mon 12-28 – 12-30).
        '20261213',
        '20261220',
        // The 7 most recent days; 12-27 is also its week's newest.
        '20261224',
        '20261225',
        '20261226',
        '20261227',
        '20261228',
        '20261229',
        '20261230',
      ].sort(),
    );
    expect(kept.size).toBe(20);
  });

  it('counts the days that have backups, not the calendar: a holiday gap keeps older days', () => {
    const beforeHoliday = [1, 2, 3, 4, 5, 6, 7, 8].map((day) => backup(2026, 9, day + 20));
    const afterHoliday = [backup(2026, 10, 9)];
    // The 7 days are 10-09 and the six newest before the National Day holiday, not 10-03..10-09.
    // 09-21 and 09-22 are neither: their week's newest is 09-27, their month's 09-28.
    expect(names(backupsToPrune([...beforeHoliday, ...afterHoliday]))).toEqual(
      names([backup(2026, 9, 22), backup(2026, 9, 21)]),
    );
  });

  it('uses ISO weeks, Monday to Sunday, across a year boundary', () => {
    // 2026-12-28 (Mon) … 2027-01-03 (Sun) is ISO week 2026-W53.
    const sameWeek = [backup(2026, 12, 28), backup(2027, 1, 3)];
    const weekBefore = backup(2026, 12, 27); // Sunday of W52
    const weekly = { daily: 0, weekly: 1, monthly: 0, recentHours: 0 };
    expect(backupsToKeep([...sameWeek, weekBefore], weekly)).toEqual(
      new Set([backup(2027, 1, 3).name]),
    );
    expect(backupsToKeep([...sameWeek, weekBefore], { ...weekly, weekly: 2 })).toEqual(
      new Set([backup(2027, 1, 3).name, weekBefore.name]),
    );
  });

  it('counts local days: 23:30 and 00:30 are different days wherever the computer is', () => {
    const late = backup(2026, 5, 1, 23, 30);
    const early = addHours(late.createdAt, 1);
    const next = { name: 'next', createdAt: early };
    expect(
      backupsToKeep([late, next], { daily: 2, weekly: 0, monthly: 0, recentHours: 0 }),
    ).toEqual(new Set([late.name, 'next']));
  });

  it('keeps the months of the last year that have backups, newest of each', () => {
    const monthly = Array.from({ length: 15 }, (_, index) => backup(2025, index + 1, 10));
    const kept = backupsToKeep(monthly, { daily: 0, weekly: 0, monthly: 12, recentHours: 0 });
    expect([...kept].sort()).toEqual(names(monthly.slice(3)).sort());
    expect(
      names(backupsToPrune(monthly, { daily: 0, weekly: 0, monthly: 12, recentHours: 0 })),
    ).toEqual(names(monthly.slice(0, 3).reverse()));
  });

  it('does not depend on the order it is given the backups in', () => {
    const some = [
      backup(2026, 1, 5),
      backup(2026, 2, 9),
      backup(2026, 2, 9, 10),
      backup(2026, 3, 1),
    ];
    const expected = backupsToKeep(some, { daily: 2, weekly: 1, monthly: 1, recentHours: 0 });
    expect(
      backupsToKeep([...some].reverse(), { daily: 2, weekly: 1, monthly: 1, recentHours: 0 }),
    ).toEqual(expected);
  });

  it('fails loudly on an invalid date rather than deleting by accident', () => {
    expect(() => backupsToKeep([{ name: 'x', createdAt: new Date(Number.NaN) }])).toThrow(
      RangeError,
    );
  });
});
