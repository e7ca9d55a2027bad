import chineseDays from 'chinese-days';
import { addDays, isWeekend } from 'date-fns';
import { formatIsoDate, requireIsoDate } from './iso-date';

/**
 * The holidays the law itself fixes, for years the State Council has not (yet) published a
 * schedule for — or that nobody entered here. 全国年节及纪念日放假办法 as amended on 2024-11-12,
 * in force since 2025-01-01:
 *
 * art. 2: 全体公民放假的节日 — 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三);
 *   清明节 1 day (农历清明当日); 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日);
 *   中秋节 1 day (农历中秋当日); 国庆节 3 days (10月1日至3日).
 * art. 6: 全体公民放假的假日，如果适逢周六、周日，应当在工作日补假。
 *
 * What only the yearly notice decides — which weekends become make-up workdays (调休上班) and how
 * the days are joined into longer breaks — is unknown, so an estimate has holidays only, and every
 * holiday in it is one the notice will also give (checked against the 2025 and 2026 notices).
 */
export const festivals = [
  'newYear',
  'springFestival',
  'qingming',
  'labourDay',
  'dragonBoat',
  'midAutumn',
  'nationalDay',
] as const;
export type Festival = (typeof festivals)[number];

/** One day off of an estimate: a festival's own day, or a day made up for it (补假, art. 6). */
export type EstimatedHoliday = { date: string; festival: Festival; inLieu: boolean };

/**
 * The years an estimate is made for: after the bundled State Council data (2004–2026), while the
 * bundled lunar table lasts. Earlier years had other rules (劳动节 1 day until 2024, 春节 from
 * 初一 until 2014): counting there needs real data, not today's law.
 */
export const estimatedYearRange = { from: 2027, to: 2099 } as const;

export function canEstimate(year: number): boolean {
  return Number.isInteger(year) && year >= estimatedYearRange.from && year <= estimatedYearRange.to;
}

/** The years the rules can be applied to: 清明's formula and the lunar table cover them. */
export const computableYearRange = { from: 2000, to: 2099 } as const;

/**
 * Each festival's own days in `year`, as art. 2 fixes them, in calendar order. Any year of
 * `computableYearRange`, so that the rules can be checked against published years.
 */
export function statutoryDays(year: number): { festival: Festival; dates: string[] }[] {
  requireComputableYear(year);
  const fixed = (month: number, day: number) => formatIsoDate(new Date(year, month - 1, day));
  const springFestival = lunarToSolar(year, 1, 1);
  const days: { festival: Festival; dates: string[] }[] = [
    { festival: 'newYear', dates: [fixed(1, 1)] },
    {
      festival: 'springFestival',
      // 除夕 is the last day of the twelfth lunar month (29th or 30th): the day before 初一.
      dates: [-1, 0, 1, 2].map((offset) => formatIsoDate(addDays(springFestival, offset))),
    },
    { festival: 'qingming', dates: [qingmingDate(year)] },
    { festival: 'labourDay', dates: [fixed(5, 1), fixed(5, 2)] },
    { festival: 'dragonBoat', dates: [formatIsoDate(lunarToSolar(year, 5, 5))] },
    { festival: 'midAutumn', dates: [formatIsoDate(lunarToSolar(year, 8, 15))] },
    { festival: 'nationalDay', dates: [fixed(10, 1), fixed(10, 2), fixed(10, 3)] },
  ];
  return days.sort((a, b) => (a.dates[0] ?? '').localeCompare(b.dates[0] ?? ''));
}

/**
 * The days off the law gives in `year`: every festival day, and for each that falls on a Saturday
 * or Sunday a weekday off (补假, art. 6) on the first weekdays after that festival that are not
 * already off. A festival day that coincides with another festival's day (中秋 on 10月1日–3日, as
 * in 2001, 2020 and 2028) is made up the same way: the notices count both festivals' days — "国庆节
 * 放假如逢中秋节则合并放假8天" (2025 notice) — which is the reading of art. 6 they follow.
 * Sorted by date.
 */
export function estimateHolidays(year: number): EstimatedHoliday[] {
  const festivalDays = statutoryDays(year);
  const off = new Map<string, EstimatedHoliday>();
  const owed: { festival: Festival; last: string; count: number }[] = [];
  for (const { festival, dates } of festivalDays) {
    let count = 0;
    for (const date of dates) {
      if (isWeekend(requireIsoDate(date, 'date')) || off.has(date)) count += 1;
      if (!off.has(date)) off.set(date, { date, festival, inLieu: false });
    }
    owed.push({ festival, last: dates.at(-1) ?? '', count });
  }
  for (const { festival, last, count } of owed) {
    let day = requireIsoDate(last, 'last');
    for (let left = count; left > 0;) {
      day = addDays(day, 1);
      const date = formatIsoDate(day);
      if (isWeekend(day) || off.has(date)) continue;
      off.set(date, { date, festival, inLieu: true });
      left -= 1;
    }
  }
  return [...off.values()].sort((a, b) => a.date.localeCompare(b.date));
}

function requireComputableYear(year: number) {
  const { from, to } = computableYearRange;
  if (!Number.isInteger(year) || year < from || year > to) {
    throw new Error(`statutory holidays are computed for ${from}–${to}, got ${year}`);
  }
}

/**
 * The solar date of a lunar date (non-leap month) in lunar year `year`, from chinese-days' lunar
 * table. It is given a local Date on purpose: the package reads strings as UTC and its answers in
 * local time, which west of UTC would move every festival a day early; a local Date in, local
 * fields out, is right in every time zone.
 */
function lunarToSolar(year: number, month: number, day: number): Date {
  const { date } = chineseDays.getSolarDateFromLunar(new Date(year, month - 1, day));
  return requireIsoDate(date, 'lunar date');
}

/**
 * 清明 (the solar term pure brightness) in April of `year`: the usual formula
 * ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ with Y the last two digits and C = 4.81 in the 21st century, the constants
 * chinese-days uses (it has no corrections for 清明 between 2000 and 2099). Computed here rather
 * than asked of chinese-days, whose getSolarTermDate formats a UTC-parsed date in local time.
 */
export function qingmingDate(year: number): string {
  requireComputableYear(year);
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return formatIsoDate(new Date(year, 3, day));
}
