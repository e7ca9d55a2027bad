import chineseDays from 'chinese-days';
import { addDays, eachDayOfInterval, lightFormat } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { builtinYears, createWorkingDayCalendar } from './working-day-calendar';

const builtin = createWorkingDayCalendar([]);

describe('built-in 2026 State Council schedule', () => {
  it.each([
    ['2026-02-13', true, 'Friday before 春节'],
    ['2026-02-14', true, 'Saturday make-up workday'],
    ['2026-02-15', false, '春节 first day (Sunday)'],
    ['2026-02-16', false, '春节 on a Monday'],
    ['2026-02-23', false, '春节 last day (Monday)'],
    ['2026-02-24', true, 'first day back'],
    ['2026-02-28', true, 'Saturday make-up workday'],
    ['2026-03-01', false, 'ordinary Sunday'],
    ['2026-09-20', true, 'Sunday make-up workday for 国庆'],
    ['2026-09-25', false, '中秋 on a Friday'],
    ['2026-10-01', false, '国庆 first day'],
    ['2026-10-07', false, '国庆 last day (Wednesday)'],
    ['2026-10-08', true, 'first day back'],
    ['2026-10-10', true, 'Saturday make-up workday'],
    ['2026-10-11', false, 'ordinary Sunday'],
  ])('%s is working: %s (%s)', (date, working) => {
    expect(builtin.isWorkingDay(date)).toBe(working);
  });

  it('finds the next working day across holidays and make-up days', () => {
    expect(builtin.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(builtin.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(builtin.nextWorkingDay('2026-09-19')).toBe('2026-09-20');
    expect(builtin.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(builtin.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(builtin.nextWorkingDay('2026-10-10')).toBe('2026-10-12');
  });

  it('answers the same when asked again (memoised answers stay right)', () => {
    for (let round = 0; round < 2; round += 1) {
      expect(builtin.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
      expect(builtin.isWorkingDay('2026-02-16')).toBe(false);
    }
  });
});

describe('holiday data coverage', () => {
  it('covers exactly the built-in years', () => {
    expect(builtinYears).toEqual({ from: 2004, to: 2026 });
    expect(builtin.hasHolidayData(2003)).toBe(false);
    expect(builtin.hasHolidayData(2004)).toBe(true);
    expect(builtin.hasHolidayData(2026)).toBe(true);
    expect(builtin.hasHolidayData(2027)).toBe(false);
  });

  it('counts the law’s holidays after the data, and weekends only before it', () => {
    expect(builtin.isWorkingDay('2027-01-01')).toBe(false); // 元旦 2027, by the law
    expect(builtin.isWorkingDay('2027-01-02')).toBe(false);
    expect(builtin.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(builtin.isWorkingDay('2003-10-01')).toBe(true);
  });

  // chinese-days' own isWorkday() shifts its tables a day on machines west of UTC, so the
  // comparison is only meaningful where it works; the calendar itself reads time-zone-free data.
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)(
    'agrees with chinese-days on every day from 2004 to 2026',
    () => {
      const mismatches = eachDayOfInterval({
        start: new Date(2004, 0, 1),
        end: new Date(2026, 11, 31),
      })
        .map((day) => lightFormat(day, 'yyyy-MM-dd'))
        .filter((date) => builtin.isWorkingDay(date) !== chineseDays.isWorkday(date));
      expect(mismatches).toEqual([]);
    },
  );

  it('finds a working day after every day of the built-in range', () => {
    let day = new Date(2004, 0, 1);
    for (let i = 0; i < 365 * 23; i += 1, day = addDays(day, 1)) {
      const date = lightFormat(day, 'yyyy-MM-dd');
      const next = builtin.nextWorkingDay(date);
      expect(next > date && builtin.isWorkingDay(next)).toBe(true);
    }
  });
});

describe('user schedules', () => {
  const with2027 = createWorkingDayCalendar([
    { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-09'] },
  ]);

  it('supplies a year the built-in data lacks', () => {
    expect(with2027.hasHolidayData(2027)).toBe(true);
    expect(with2027.isWorkingDay('2027-01-01')).toBe(false);
    expect(with2027.isWorkingDay('2027-01-09')).toBe(true);
    expect(with2027.isWorkingDay('2027-01-10')).toBe(false);
    expect(with2027.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    expect(with2027.nextWorkingDay('2027-01-08')).toBe('2027-01-09');
  });

  it('replaces the built-in schedule of its year entirely', () => {
    // E.g. a correction: this 2026 lists no 春节 at all.
    const corrected = createWorkingDayCalendar([
      { year: 2026, holidays: ['2026-10-12'], makeUpWorkdays: [] },
    ]);
    expect(corrected.isWorkingDay('2026-02-16')).toBe(true);
    expect(corrected.isWorkingDay('2026-02-14')).toBe(false);
    expect(corrected.isWorkingDay('2026-10-12')).toBe(false);
    // Other years keep the built-in data.
    expect(corrected.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('uses the later schedule when a year repeats', () => {
    const calendar = createWorkingDayCalendar([
      { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] },
      { year: 2027, holidays: ['2027-01-04'], makeUpWorkdays: [] },
    ]);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-04')).toBe(false);
  });

  it('refuses an invalid schedule', () => {
    expect(() =>
      createWorkingDayCalendar([{ year: 2027, holidays: ['2026-12-31'], makeUpWorkdays: [] }]),
    ).toThrow();
    expect(() =>
      createWorkingDayCalendar([{ year: 2027, holidays: ['2027-02-30'], makeUpWorkdays: [] }]),
    ).toThrow();
  });
});

describe('refusing nonsense', () => {
  it.each(['2026-02-30', '2026-2-14', '', 'today', '2026-02-14T08:00:00Z'])(
    'throws on the date %j',
    (date) => {
      expect(() => builtin.isWorkingDay(date)).toThrow(/yyyy-MM-dd/);
      expect(() => builtin.nextWorkingDay(date)).toThrow(/yyyy-MM-dd/);
    },
  );

  it('throws on a fractional year', () => {
    expect(() => builtin.hasHolidayData(2026.5)).toThrow();
  });
});
