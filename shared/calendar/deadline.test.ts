import chineseDays from 'chinese-days';
import { addDays, eachDayOfInterval, lightFormat } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  computeDueDate,
  deadlineTier,
  workingDaysBetween,
  type PausedInterval,
  type TimeLimit,
} from './deadline';
import { createWorkingDayCalendar } from './working-day-calendar';

// Dates below were counted by hand from the 2026 State Council schedule — 春节 holiday
// 02-15..02-23 with make-up Saturdays 02-14 and 02-28; 中秋 09-25..09-27; 国庆 10-01..10-07 with
// make-up Sunday 09-20 and Saturday 10-10 — and checked with chinese-days' findWorkday().

const builtin = createWorkingDayCalendar([]);
const working = (days: number): TimeLimit => ({ days, unit: 'working' });
const calendarDays = (days: number): TimeLimit => ({ days, unit: 'calendar' });
const due = (dueDate: string, estimatedYears: number[] = []) => ({
  status: 'running',
  dueDate,
  estimatedYears,
});

describe('working-day limits around 春节 2026', () => {
  it('accepted the Friday before 春节: day 1 is make-up Saturday 02-14, due 03-19', () => {
    // 02-14 = 1; 02-24..02-28 = 2..6 (02-28 make-up); 03-02.. = 7..; 03-19 = 20.
    expect(computeDueDate(builtin, { start: '2026-02-13', limit: working(20) })).toEqual(
      due('2026-03-19'),
    );
  });

  it('accepted on make-up Saturday 02-14: counting starts 02-24, due 03-20', () => {
    expect(computeDueDate(builtin, { start: '2026-02-14', limit: working(20) })).toEqual(
      due('2026-03-20'),
    );
  });

  it('accepted during the holiday counts from the first day back', () => {
    expect(computeDueDate(builtin, { start: '2026-02-18', limit: working(1) })).toEqual(
      due('2026-02-24'),
    );
    expect(computeDueDate(builtin, { start: '2026-02-18', limit: working(5) })).toEqual(
      due('2026-02-28'),
    );
  });

  it('a limit of 0 days is due on the acceptance day itself', () => {
    expect(computeDueDate(builtin, { start: '2026-02-13', limit: working(0) })).toEqual(
      due('2026-02-13'),
    );
    expect(computeDueDate(builtin, { start: '2026-02-16', limit: calendarDays(0) })).toEqual(
      due('2026-02-16'),
    );
  });
});

describe('working-day limits around 中秋 and 国庆 2026', () => {
  it('accepted 09-30: 国庆 skipped, make-up Saturday 10-10 counted, due 11-03', () => {
    // 10-08 = 1, 10-09 = 2, 10-10 = 3, 10-12..10-16 = 4..8, … 10-30 = 18, 11-02 = 19, 11-03 = 20.
    expect(computeDueDate(builtin, { start: '2026-09-30', limit: working(20) })).toEqual(
      due('2026-11-03'),
    );
  });

  it('can fall due on make-up Saturday 10-10', () => {
    expect(computeDueDate(builtin, { start: '2026-09-30', limit: working(3) })).toEqual(
      due('2026-10-10'),
    );
  });

  it('accepted Friday 09-18: make-up Sunday 09-20 is day 1, 中秋 skipped', () => {
    expect(computeDueDate(builtin, { start: '2026-09-18', limit: working(5) })).toEqual(
      due('2026-09-24'),
    );
    expect(computeDueDate(builtin, { start: '2026-09-18', limit: working(6) })).toEqual(
      due('2026-09-28'),
    );
  });

  it('counts the national 120 working days across both holidays', () => {
    // Accepted on 劳动节 2026-05-01: also counted with a separate script from the published
    // schedule (劳动节 05-01..05-05 + make-up 05-09, 端午, 中秋, 国庆).
    expect(computeDueDate(builtin, { start: '2026-05-01', limit: working(120) })).toEqual(
      due('2026-10-26'),
    );
  });

  // An independent oracle where chinese-days works (not west of UTC; see the calendar tests).
  it.skipIf(new Date(2026, 0, 1).getTimezoneOffset() > 0)(
    'matches chinese-days.findWorkday for every 2026 acceptance day and limits 1..30',
    () => {
      const mismatches: string[] = [];
      for (const day of eachDayOfInterval({
        start: new Date(2026, 0, 1),
        end: new Date(2026, 11, 31),
      })) {
        const start = lightFormat(day, 'yyyy-MM-dd');
        for (let days = 1; days <= 30; days += 1) {
          const result = computeDueDate(builtin, { start, limit: working(days) });
          const expected = chineseDays.findWorkday(days, start);
          // chinese-days knows nothing of 2027: from there on the estimate has its own tests.
          if (expected >= '2027-01-01') continue;
          if (result.status !== 'running' || result.dueDate !== expected) {
            mismatches.push(`${start}+${days}`);
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});

describe('paused intervals (行政许可法 art. 45)', () => {
  const start = '2026-02-13';
  const limit = working(20);
  const withPauses = (...paused: PausedInterval[]) =>
    computeDueDate(builtin, { start, limit, paused });

  it('a closed pause of 5 working days moves the due date 5 working days', () => {
    expect(withPauses({ from: '2026-03-02', to: '2026-03-06' })).toEqual(due('2026-03-26'));
  });

  it('two closed pauses add up', () => {
    expect(
      withPauses(
        { from: '2026-03-02', to: '2026-03-06' },
        { from: '2026-03-16', to: '2026-03-17' },
      ),
    ).toEqual(due('2026-03-30'));
  });

  it('overlapping pauses do not count a day twice', () => {
    expect(
      withPauses(
        { from: '2026-03-02', to: '2026-03-04' },
        { from: '2026-03-03', to: '2026-03-06' },
      ),
    ).toEqual(due('2026-03-26'));
  });

  it('a one-day pause counts that one day (both ends included)', () => {
    expect(withPauses({ from: '2026-03-19', to: '2026-03-19' })).toEqual(due('2026-03-20'));
  });

  it('a pause over the 春节 holiday changes nothing', () => {
    expect(withPauses({ from: '2026-02-15', to: '2026-02-23' })).toEqual(due('2026-03-19'));
  });

  it('a pause over an ordinary weekend changes nothing', () => {
    expect(withPauses({ from: '2026-03-07', to: '2026-03-08' })).toEqual(due('2026-03-19'));
  });

  it('a pause from make-up Saturday 02-14 to 02-24 removes just those two working days', () => {
    expect(withPauses({ from: '2026-02-14', to: '2026-02-24' })).toEqual(due('2026-03-23'));
  });

  it('pauses entirely before acceptance or after the due date change nothing', () => {
    expect(
      withPauses(
        { from: '2026-02-01', to: '2026-02-10' },
        { from: '2026-03-20', to: '2026-04-10' },
      ),
    ).toEqual(due('2026-03-19'));
  });

  it('an open pause reached by the count stops the clock with the days used so far', () => {
    // 02-14, 02-24..02-28 counted = 6.
    expect(withPauses({ from: '2026-03-02', to: null })).toEqual({
      status: 'paused',
      pausedSince: '2026-03-02',
      daysUsed: 6,
      estimatedYears: [],
    });
  });

  it('an open pause starting on a Sunday stops the clock before the Monday', () => {
    expect(withPauses({ from: '2026-03-01', to: null })).toMatchObject({
      status: 'paused',
      pausedSince: '2026-03-01',
      daysUsed: 6,
    });
  });

  it('an open pause after closed ones reports working days net of the closed ones', () => {
    // 02-14, 02-26, 02-27, 02-28, 03-02, 03-03, 03-04.
    expect(
      withPauses({ from: '2026-02-24', to: '2026-02-25' }, { from: '2026-03-05', to: null }),
    ).toMatchObject({ status: 'paused', pausedSince: '2026-03-05', daysUsed: 7 });
  });

  it('an open pause from acceptance has used no days', () => {
    expect(withPauses({ from: '2026-02-13', to: null })).toEqual({
      status: 'paused',
      pausedSince: '2026-02-13',
      daysUsed: 0,
      estimatedYears: [],
    });
  });

  it('an open pause starting after the due date does not save a late item', () => {
    expect(withPauses({ from: '2026-03-20', to: null })).toEqual(due('2026-03-19'));
  });

  it('of two open pauses the earlier one stops the clock', () => {
    expect(
      withPauses({ from: '2026-03-10', to: null }, { from: '2026-03-02', to: null }),
    ).toMatchObject({ status: 'paused', pausedSince: '2026-03-02', daysUsed: 6 });
  });
});

describe('calendar-day limits', () => {
  it('due on an ordinary working day stays there', () => {
    expect(computeDueDate(builtin, { start: '2026-03-02', limit: calendarDays(10) })).toEqual(
      due('2026-03-12'),
    );
  });

  it('a last day on a weekend moves to Monday (民法典 art. 203)', () => {
    expect(computeDueDate(builtin, { start: '2026-03-02', limit: calendarDays(5) })).toEqual(
      due('2026-03-09'),
    );
  });

  it('a last day on 国庆 moves to the first day back', () => {
    expect(computeDueDate(builtin, { start: '2026-09-24', limit: calendarDays(7) })).toEqual(
      due('2026-10-08'),
    );
  });

  it('a last day on 春节 moves past the whole holiday', () => {
    expect(computeDueDate(builtin, { start: '2026-02-01', limit: calendarDays(15) })).toEqual(
      due('2026-02-24'),
    );
  });

  it('a last day on a make-up Saturday stays there', () => {
    expect(computeDueDate(builtin, { start: '2026-10-03', limit: calendarDays(7) })).toEqual(
      due('2026-10-10'),
    );
    expect(computeDueDate(builtin, { start: '2026-02-13', limit: calendarDays(15) })).toEqual(
      due('2026-02-28'),
    );
  });

  it('paused days extend the count, then the roll-forward applies', () => {
    // 10 days → 03-12; 2 paused days → 03-14, a Saturday → 03-16.
    expect(
      computeDueDate(builtin, {
        start: '2026-03-02',
        limit: calendarDays(10),
        paused: [{ from: '2026-03-05', to: '2026-03-06' }],
      }),
    ).toEqual(due('2026-03-16'));
  });

  it('a paused weekend still extends a calendar-day count', () => {
    // Unlike working days, every calendar day counts, so pausing 03-07..03-08 costs two days.
    expect(
      computeDueDate(builtin, {
        start: '2026-03-02',
        limit: calendarDays(10),
        paused: [{ from: '2026-03-07', to: '2026-03-08' }],
      }),
    ).toEqual(due('2026-03-16'));
  });

  it('an open pause stops a calendar-day count too', () => {
    expect(
      computeDueDate(builtin, {
        start: '2026-03-02',
        limit: calendarDays(10),
        paused: [{ from: '2026-03-05', to: null }],
      }),
    ).toEqual({ status: 'paused', pausedSince: '2026-03-05', daysUsed: 2, estimatedYears: [] });
  });
});

describe('beyond the built-in data (2027)', () => {
  it('counts 2027 with the statutory holidays (元旦 off) and says it is an estimate', () => {
    // 2026-12-16..12-31 = 12; 2027-01-01 元旦 (by the law); 01-04..01-08 = 13..17; 01-11..01-13.
    expect(computeDueDate(builtin, { start: '2026-12-15', limit: working(20) })).toEqual(
      due('2027-01-13', [2027]),
    );
    expect(computeDueDate(builtin, { start: '2026-12-15', limit: working(18) })).toEqual(
      due('2027-01-11', [2027]),
    );
  });

  it('does not warn while the count stays inside covered years', () => {
    expect(computeDueDate(builtin, { start: '2026-12-15', limit: working(12) })).toEqual(
      due('2026-12-31'),
    );
  });

  it('a user schedule for 2027 changes the result and clears the warning', () => {
    const holidayOnly = createWorkingDayCalendar([
      { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] },
    ]);
    expect(computeDueDate(holidayOnly, { start: '2026-12-15', limit: working(20) })).toEqual(
      due('2027-01-13'),
    );

    const withMakeUp = createWorkingDayCalendar([
      { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-09'] },
    ]);
    // 元旦 not counted, Saturday 01-09 counted: day 18 is that Saturday.
    expect(computeDueDate(withMakeUp, { start: '2026-12-15', limit: working(18) })).toEqual(
      due('2027-01-09'),
    );
    expect(computeDueDate(withMakeUp, { start: '2026-12-15', limit: working(20) })).toEqual(
      due('2027-01-12'),
    );
  });

  it('a calendar-day limit ending on 2027-01-01 rolls forward over 元旦, estimated or entered', () => {
    expect(computeDueDate(builtin, { start: '2026-12-20', limit: calendarDays(12) })).toEqual(
      due('2027-01-04', [2027]),
    );
    const with2027 = createWorkingDayCalendar([
      { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: [] },
    ]);
    expect(computeDueDate(with2027, { start: '2026-12-20', limit: calendarDays(12) })).toEqual(
      due('2027-01-04'),
    );
  });

  it('lists every uncovered year the span touches', () => {
    const result = computeDueDate(builtin, { start: '2026-06-01', limit: working(500) });
    expect(result).toMatchObject({ status: 'running', estimatedYears: [2027, 2028] });
    const with2027 = createWorkingDayCalendar([{ year: 2027, holidays: [], makeUpWorkdays: [] }]);
    expect(computeDueDate(with2027, { start: '2026-06-01', limit: working(500) })).toMatchObject({
      estimatedYears: [2028],
    });
  });

  it('warns about the years up to an open pause', () => {
    // 2026-12-16..12-31 = 12, 2027-01-01 off (元旦), 01-04 = 13, then paused from 01-05.
    expect(
      computeDueDate(builtin, {
        start: '2026-12-15',
        limit: working(20),
        paused: [{ from: '2027-01-05', to: null }],
      }),
    ).toEqual({
      status: 'paused',
      pausedSince: '2027-01-05',
      daysUsed: 13,
      estimatedYears: [2027],
    });
  });

  it('warns about an uncovered acceptance year even when the pause began earlier', () => {
    expect(
      computeDueDate(builtin, {
        start: '2027-03-01',
        limit: working(20),
        paused: [{ from: '2026-12-01', to: null }],
      }),
    ).toEqual({ status: 'paused', pausedSince: '2026-12-01', daysUsed: 0, estimatedYears: [2027] });
  });

  it('warns for years before the data too', () => {
    expect(computeDueDate(builtin, { start: '2003-12-01', limit: working(40) })).toMatchObject({
      estimatedYears: [2003],
    });
  });
});

describe('refusing nonsense', () => {
  it.each([
    ['an impossible start', { start: '2026-02-30', limit: working(20) }],
    ['a start in another format', { start: '2026/02/13', limit: working(20) }],
    ['negative days', { start: '2026-02-13', limit: working(-1) }],
    ['fractional days', { start: '2026-02-13', limit: working(1.5) }],
    ['NaN days', { start: '2026-02-13', limit: working(Number.NaN) }],
    ['infinite days', { start: '2026-02-13', limit: calendarDays(Number.POSITIVE_INFINITY) }],
    [
      'an unknown unit',
      { start: '2026-02-13', limit: { days: 5, unit: 'weeks' } as unknown as TimeLimit },
    ],
    [
      'a pause ending before it starts',
      {
        start: '2026-02-13',
        limit: working(20),
        paused: [{ from: '2026-03-06', to: '2026-03-02' }],
      },
    ],
    [
      'a pause with a bad date',
      { start: '2026-02-13', limit: working(20), paused: [{ from: '2026-02-30', to: null }] },
    ],
  ])('throws on %s', (_, input) => {
    expect(() => computeDueDate(builtin, input)).toThrow(Error);
  });
});

describe('deadlineTier', () => {
  // Due Thursday 2026-03-19 (the 春节 example above).
  const dueDate = '2026-03-19';

  it('warning at exactly N working days left', () => {
    expect(deadlineTier(builtin, dueDate, '2026-03-16')).toEqual({
      tier: 'warning',
      workingDaysLeft: 3,
    });
  });

  it('normal at N + 1', () => {
    expect(deadlineTier(builtin, dueDate, '2026-03-13')).toEqual({
      tier: 'normal',
      workingDaysLeft: 4,
    });
  });

  it('a weekend today does not count itself', () => {
    expect(deadlineTier(builtin, dueDate, '2026-03-14')).toEqual({
      tier: 'normal',
      workingDaysLeft: 4,
    });
  });

  it('due today is a warning with 0 left', () => {
    expect(deadlineTier(builtin, dueDate, dueDate)).toEqual({
      tier: 'warning',
      workingDaysLeft: 0,
    });
  });

  it('one day over is overdue', () => {
    expect(deadlineTier(builtin, dueDate, '2026-03-20')).toEqual({
      tier: 'overdue',
      workingDaysLeft: 0,
    });
  });

  it('a due date on a weekend is overdue only after that day', () => {
    expect(deadlineTier(builtin, '2026-03-07', '2026-03-06')).toEqual({
      tier: 'warning',
      workingDaysLeft: 0,
    });
    expect(deadlineTier(builtin, '2026-03-07', '2026-03-08').tier).toBe('overdue');
  });

  it('counts only working days across 春节', () => {
    // 12 calendar days away but only 02-14 (make-up), 02-24 and 02-25 are working days.
    expect(deadlineTier(builtin, '2026-02-25', '2026-02-13')).toEqual({
      tier: 'warning',
      workingDaysLeft: 3,
    });
    expect(deadlineTier(builtin, '2026-02-25', '2026-02-12')).toEqual({
      tier: 'normal',
      workingDaysLeft: 4,
    });
  });

  it('honours a custom threshold', () => {
    expect(deadlineTier(builtin, dueDate, '2026-03-18', 0)).toEqual({
      tier: 'normal',
      workingDaysLeft: 1,
    });
    expect(deadlineTier(builtin, dueDate, dueDate, 0).tier).toBe('warning');
    // 03-10..03-13 and 03-16..03-19.
    expect(deadlineTier(builtin, dueDate, '2026-03-09', 10)).toEqual({
      tier: 'warning',
      workingDaysLeft: 8,
    });
  });

  it('counts a far deadline in full', () => {
    expect(deadlineTier(builtin, '2026-11-03', '2026-09-30')).toEqual({
      tier: 'normal',
      workingDaysLeft: 20,
    });
  });

  it('uses the estimate, then the user schedule, beyond the data', () => {
    expect(deadlineTier(builtin, '2027-01-04', '2026-12-31').workingDaysLeft).toBe(1);
    const with2027 = createWorkingDayCalendar([
      { year: 2027, holidays: [], makeUpWorkdays: ['2027-01-02'] },
    ]);
    expect(deadlineTier(with2027, '2027-01-04', '2026-12-31').workingDaysLeft).toBe(3);
  });

  it('throws on bad input', () => {
    expect(() => deadlineTier(builtin, '2026-02-30', '2026-02-01')).toThrow(Error);
    expect(() => deadlineTier(builtin, dueDate, '')).toThrow(Error);
    expect(() => deadlineTier(builtin, dueDate, '2026-03-01', -1)).toThrow(Error);
    expect(() => deadlineTier(builtin, dueDate, '2026-03-01', 1.5)).toThrow(Error);
  });
});

describe('performance', () => {
  it('computes 5000 due dates of 120 working days, with tiers, quickly', () => {
    const calendar = createWorkingDayCalendar([]);
    const first = new Date(2025, 0, 1);
    const started = performance.now();
    for (let i = 0; i < 5000; i += 1) {
      const start = lightFormat(addDays(first, i % 600), 'yyyy-MM-dd');
      const result = computeDueDate(calendar, {
        start,
        limit: working(120),
        paused: [{ from: '2025-06-01', to: '2025-06-10' }],
      });
      if (result.status === 'running') deadlineTier(calendar, result.dueDate, '2026-03-01');
    }
    // Takes ~0.3 s here on 2 cores; a generous bound so only an O(n²) regression trips it.
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the first date up to and including the second', () => {
    // Mon 03-02 → Fri 03-06: 03-03..03-06.
    expect(workingDaysBetween(builtin, '2026-03-02', '2026-03-06')).toBe(4);
    // Over a weekend: 03-09 only.
    expect(workingDaysBetween(builtin, '2026-03-06', '2026-03-09')).toBe(1);
    expect(workingDaysBetween(builtin, '2026-03-07', '2026-03-08')).toBe(0);
  });

  it('is 0 for the same day or a second date before the first', () => {
    expect(workingDaysBetween(builtin, '2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween(builtin, '2026-03-09', '2026-03-02')).toBe(0);
  });

  it('skips 春节 and counts its make-up Saturdays, as a 20-day limit does', () => {
    // The limit accepted 02-13 is due 03-19 on its 20th working day (see above).
    expect(workingDaysBetween(builtin, '2026-02-13', '2026-03-19')).toBe(20);
    // 02-14 (make-up), 02-24..02-27, 02-28 (make-up).
    expect(workingDaysBetween(builtin, '2026-02-13', '2026-02-28')).toBe(6);
  });

  it('agrees with deadlineTier on the days left', () => {
    expect(workingDaysBetween(builtin, '2026-09-30', '2026-11-03')).toBe(
      deadlineTier(builtin, '2026-11-03', '2026-09-30').workingDaysLeft,
    );
  });

  it('throws on bad dates', () => {
    expect(() => workingDaysBetween(builtin, '2026-02-30', '2026-03-01')).toThrow(Error);
    expect(() => workingDaysBetween(builtin, '2026-03-01', '')).toThrow(Error);
  });
});
