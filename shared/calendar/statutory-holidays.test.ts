import chineseDays from 'chinese-days';
import builtinData from 'chinese-days/dist/chinese-days.json';
import { eachDayOfInterval, getDay, lightFormat, parseISO } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeDueDate } from './deadline';
import {
  canEstimate,
  estimateHolidays,
  estimatedYearRange,
  qingmingDate,
  statutoryDays,
  type Festival,
} from './statutory-holidays';
import { createWorkingDayCalendar } from './working-day-calendar';

const builtin = createWorkingDayCalendar([]);
const daysOf = (year: number, festival: Festival) =>
  statutoryDays(year).find((entry) => entry.festival === festival)?.dates;
const weekday = (date: string) => '日一二三四五六'.charAt(getDay(parseISO(date)));

// The named days of chinese-days' data ("Spring Festival,春节,4"), per year, as an independent
// record of where each festival fell in the years the State Council published.
function publishedDays(year: number, name: string): string[] {
  return Object.entries(builtinData.holidays)
    .filter(([date, label]) => date.startsWith(`${year}-`) && label.split(',')[1] === name)
    .map(([date]) => date)
    .sort();
}

describe('2027 by the law (全国年节及纪念日放假办法 art. 2)', () => {
  // Lunar and solar-term dates of 2027 from the almanac: 春节 (正月初一) Saturday 02-06, so 除夕 is
  // Friday 02-05; 清明 Monday 04-05; 端午 (五月初五) Wednesday 06-09; 中秋 (八月十五) Wednesday 09-15.
  it.each([
    ['newYear', ['2027-01-01']],
    ['springFestival', ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']],
    ['qingming', ['2027-04-05']],
    ['labourDay', ['2027-05-01', '2027-05-02']],
    ['dragonBoat', ['2027-06-09']],
    ['midAutumn', ['2027-09-15']],
    ['nationalDay', ['2027-10-01', '2027-10-02', '2027-10-03']],
  ] as const)('%s falls on %j', (festival, dates) => {
    expect(daysOf(2027, festival)).toEqual(dates);
  });

  it('lunar festivals match chinese-days’ own lunar calendar for every estimated year', () => {
    for (let year = estimatedYearRange.from; year <= estimatedYearRange.to; year += 1) {
      const lunar = (date: string) => {
        const { lunarMon, lunarDay, isLeap } = chineseDays.getLunarDate(
          parseISO(date), // a local Date: see lunarToSolar
        );
        return `${isLeap ? '闰' : ''}${lunarMon}-${lunarDay}`;
      };
      const [eve, first] = daysOf(year, 'springFestival') ?? [];
      expect(first && lunar(first)).toBe('1-1');
      // The eve is the last day of the twelfth month, whichever length that month has.
      expect(eve && lunar(eve)).toMatch(/^12-(29|30)$/);
      expect(lunar(daysOf(year, 'dragonBoat')?.[0] ?? '')).toBe('5-5');
      expect(lunar(daysOf(year, 'midAutumn')?.[0] ?? '')).toBe('8-15');
    }
  });

  it('清明 is the solar term’s day, as chinese-days computes it', () => {
    // getSolarTermDate formats a UTC date in local time: only comparable east of UTC and at UTC.
    if (new Date(2027, 0, 1).getTimezoneOffset() > 0) return;
    for (let year = 2000; year <= 2099; year += 1) {
      expect(qingmingDate(year)).toBe(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'));
    }
  });

  it('清明 and the lunar festivals fall inside the published holidays of 2004–2026', () => {
    // The same computations, checked where the State Council's schedule is known.
    for (let year = 2008; year <= 2026; year += 1) {
      expect(publishedDays(year, '清明')).toContain(qingmingDate(year));
    }
  });
});

describe('补假 (art. 6): a festival day on a Saturday or Sunday is made up on the next weekdays', () => {
  it('2027: 春节 has two weekend days, made up on Tuesday 02-09 and Wednesday 02-10', () => {
    const springFestival = estimateHolidays(2027).filter(
      (day) => day.festival === 'springFestival',
    );
    expect(springFestival.map(({ date, inLieu }) => [date, weekday(date), inLieu])).toEqual([
      ['2027-02-05', '五', false],
      ['2027-02-06', '六', false],
      ['2027-02-07', '日', false],
      ['2027-02-08', '一', false],
      ['2027-02-09', '二', true],
      ['2027-02-10', '三', true],
    ]);
  });

  it('2027: every day off, with its 补假', () => {
    expect(
      estimateHolidays(2027).map(({ date, inLieu }) => `${date}${inLieu ? '补' : ''}`),
    ).toEqual([
      '2027-01-01', // Friday
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09补',
      '2027-02-10补',
      '2027-04-05', // Monday
      '2027-05-01', // Saturday
      '2027-05-02', // Sunday
      '2027-05-03补',
      '2027-05-04补',
      '2027-06-09', // Wednesday
      '2027-09-15', // Wednesday
      '2027-10-01', // Friday
      '2027-10-02',
      '2027-10-03',
      '2027-10-04补',
      '2027-10-05补',
    ]);
  });

  it('every year: as many 补假 as weekend festival days, each on a weekday after its festival', () => {
    for (let year = estimatedYearRange.from; year <= estimatedYearRange.to; year += 1) {
      const estimate = estimateHolidays(year);
      for (const { festival, dates } of statutoryDays(year)) {
        const madeUp = estimate.filter((day) => day.festival === festival && day.inLieu);
        const onWeekend = dates.filter((date) => ['六', '日'].includes(weekday(date)));
        const last = dates.at(-1) ?? '';
        expect(madeUp.length).toBeGreaterThanOrEqual(onWeekend.length);
        for (const { date } of madeUp) {
          expect(date > last && !['六', '日'].includes(weekday(date))).toBe(true);
        }
      }
      const dates = estimate.map((day) => day.date);
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('2028: 中秋 on 10-03 is inside 国庆 and gets a day of its own, as 国庆 and 中秋 did in 2020', () => {
    const october = estimateHolidays(2028).filter((day) => day.date.startsWith('2028-10'));
    expect(october.map(({ date, festival, inLieu }) => [date, festival, inLieu])).toEqual([
      ['2028-10-01', 'nationalDay', false], // Sunday
      ['2028-10-02', 'nationalDay', false],
      ['2028-10-03', 'nationalDay', false], // also 中秋
      ['2028-10-04', 'nationalDay', true],
      ['2028-10-05', 'midAutumn', true],
    ]);
  });
});

describe('the estimate against the published schedules of 2025 and 2026 (the law as amended)', () => {
  // Estimating a published year is what the estimate would have said before its notice: a day it
  // gives off that was worked would put a due date later than the real one.
  it.each([2025, 2026])('%i: every estimated day off was off', (year) => {
    const real = new Set(
      Object.keys(builtinData.holidays).filter((date) => date.startsWith(`${year}-`)),
    );
    const estimate = estimateHolidays(year);
    expect(estimate.filter(({ date }) => !real.has(date))).toEqual([]);
    // Every statutory day is there: 1 + 4 + 1 + 2 + 1 + 1 + 3.
    expect(estimate.filter((day) => !day.inLieu)).toHaveLength(13);
  });

  it.each([
    [2025, 'springFestival', '春节'],
    [2025, 'dragonBoat', '端午'],
    [2025, 'midAutumn', '中秋'],
    [2026, 'springFestival', '春节'],
    [2026, 'qingming', '清明'],
    [2026, 'dragonBoat', '端午'],
    [2026, 'midAutumn', '中秋'],
  ] as const)('%i: %s lies inside the published %s days', (year, festival, name) => {
    const published = publishedDays(year, name);
    for (const date of daysOf(year, festival) ?? []) expect(published).toContain(date);
  });
});

describe('the calendar counts the estimate where there is no schedule', () => {
  it('2026-12-28 + 10 working days is 2027-01-12: 元旦 is not a working day', () => {
    // 12-29, 12-30, 12-31 = 1..3; 01-01 off (元旦); 01-04..01-08 = 4..8; 01-11 = 9; 01-12 = 10.
    expect(
      computeDueDate(builtin, { start: '2026-12-28', limit: { days: 10, unit: 'working' } }),
    ).toEqual({ status: 'running', dueDate: '2027-01-12', estimatedYears: [2027] });
  });

  it('every estimated day off is off; everything else is Monday–Friday; no make-up workdays', () => {
    const off = new Set(estimateHolidays(2027).map(({ date }) => date));
    for (const day of eachDayOfInterval({
      start: new Date(2027, 0, 1),
      end: new Date(2027, 11, 31),
    })) {
      const date = lightFormat(day, 'yyyy-MM-dd');
      const expected = !off.has(date) && getDay(day) !== 0 && getDay(day) !== 6;
      expect(builtin.isWorkingDay(date), date).toBe(expected);
    }
    expect(builtin.hasHolidayData(2027)).toBe(false);
  });

  it('a year’s entered notice replaces the estimate entirely', () => {
    // The schedule as a notice might give it: 春节 02-05..02-11 with make-up Sunday 02-14, but no
    // day off on 10-05 (a 补假 of the estimate), and 2027-01-01 off.
    const entered = createWorkingDayCalendar([
      {
        year: 2027,
        holidays: ['2027-01-01', '2027-02-05', '2027-02-11', '2027-10-01'],
        makeUpWorkdays: ['2027-02-14'],
      },
    ]);
    expect(entered.hasHolidayData(2027)).toBe(true);
    expect(entered.isWorkingDay('2027-02-14')).toBe(true); // a Sunday, worked by the notice
    expect(entered.isWorkingDay('2027-02-11')).toBe(false); // off by the notice, not the law
    expect(entered.isWorkingDay('2027-02-09')).toBe(true); // the estimate's 补假 is gone
    expect(entered.isWorkingDay('2027-10-05')).toBe(true);
    expect(
      computeDueDate(entered, { start: '2026-12-28', limit: { days: 10, unit: 'working' } }),
    ).toEqual({ status: 'running', dueDate: '2027-01-12', estimatedYears: [] });
  });

  it('estimates only after the bundled data and while the lunar table lasts', () => {
    expect(canEstimate(2026)).toBe(false);
    expect(canEstimate(2027)).toBe(true);
    expect(canEstimate(2099)).toBe(true);
    expect(canEstimate(2100)).toBe(false);
    expect(() => statutoryDays(1999)).toThrow(/2000–2099/);
    // Before 2004 the law was another: weekends only, as before.
    expect(builtin.isWorkingDay('2003-10-01')).toBe(true);
    expect(builtin.isWorkingDay('2100-01-01')).toBe(true);
  });
});

describe('time zones', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('gives the same days west of UTC, where chinese-days’ string dates shift a day', () => {
    // Node reads TZ again whenever it changes.
    const inZone = (zone: string) => {
      vi.stubEnv('TZ', zone);
      return [2027, 2028, 2031].map((year) => estimateHolidays(year));
    };
    const beijing = inZone('Asia/Shanghai');
    expect(inZone('America/Los_Angeles')).toEqual(beijing);
    expect(new Date(2027, 0, 1).getTimezoneOffset()).toBeGreaterThan(0);
    expect(inZone('Pacific/Kiritimati')).toEqual(beijing);
  });
});
