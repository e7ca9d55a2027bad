import builtinData from 'chinese-days/dist/chinese-days.json';
import { eachDayOfInterval, isWeekend, lightFormat } from 'date-fns';
import { describe, expect, it } from 'vitest';
import notice2024 from './fixtures/notice-2024.txt?raw';
import notice2025 from './fixtures/notice-2025.txt?raw';
import notice2026 from './fixtures/notice-2026.txt?raw';
import { looksLikeNotice, parseHolidayNotice, type ParsedNotice } from './holiday-notice';
import type { YearSchedule } from './year-schedule';

const notices: Record<number, string> = { 2024: notice2024, 2025: notice2025, 2026: notice2026 };
const parse = (text: string, referenceYear = 2026) => parseHolidayNotice(text, { referenceYear });

/** Whether each day of the year is worked, by a schedule: weekends off unless made up. */
function workingDays(schedule: YearSchedule): boolean[] {
  const off = new Set(schedule.holidays);
  const worked = new Set(schedule.makeUpWorkdays);
  return eachDayOfInterval({
    start: new Date(schedule.year, 0, 1),
    end: new Date(schedule.year, 11, 31),
  }).map((day) => {
    const date = lightFormat(day, 'yyyy-MM-dd');
    return worked.has(date) || (!off.has(date) && !isWeekend(day));
  });
}

/** chinese-days' schedule of a year: the independent record the notices are checked against. */
function published(year: number): YearSchedule {
  const ofYear = (dates: Record<string, string>) =>
    Object.keys(dates)
      .filter((date) => date.startsWith(`${year}-`))
      .sort();
  return {
    year,
    holidays: ofYear(builtinData.holidays),
    makeUpWorkdays: ofYear(builtinData.workdays),
  };
}

function scheduleOf(result: ParsedNotice): YearSchedule {
  expect(result.problems).toEqual([]);
  if (!result.schedule) throw new Error('no schedule');
  return result.schedule;
}

describe('the real notices of 2024, 2025 and 2026', () => {
  it.each([2024, 2025, 2026])('%i: the same working days as chinese-days’ data', (year) => {
    const schedule = scheduleOf(parse(notices[year] ?? '', 2030));
    const expected = published(year);
    expect(schedule.year).toBe(year);
    expect(schedule.makeUpWorkdays).toEqual(expected.makeUpWorkdays);
    // Days off as the notice words them: 2024's "1月1日放假，与周末连休" lists no weekend.
    expect(schedule.holidays.filter((date) => !expected.holidays.includes(date))).toEqual([]);
    expect(workingDays(schedule)).toEqual(workingDays(expected));
  });

  it('2026: each festival’s entry', () => {
    expect(
      parse(notice2026).entries.map(({ festival, holidays, makeUpWorkdays }) => [
        festival,
        `${holidays[0]}~${holidays.at(-1)} ${holidays.length}`,
        makeUpWorkdays.join(' '),
      ]),
    ).toEqual([
      ['元旦', '2026-01-01~2026-01-03 3', '2026-01-04'],
      ['春节', '2026-02-15~2026-02-23 9', '2026-02-14 2026-02-28'],
      ['清明节', '2026-04-04~2026-04-06 3', ''],
      ['劳动节', '2026-05-01~2026-05-05 5', '2026-05-09'],
      ['端午节', '2026-06-19~2026-06-21 3', ''],
      ['中秋节', '2026-09-25~2026-09-27 3', ''],
      ['国庆节', '2026-10-01~2026-10-07 7', '2026-09-20 2026-10-10'],
    ]);
  });

  it('2025: 国庆节、中秋节 as one entry, and lines named where they start', () => {
    const { entries } = parse(notice2025);
    expect(entries.map((entry) => [entry.festival, entry.line])).toEqual([
      ['元旦', 10],
      ['春节', 12],
      ['清明节', 14],
      ['劳动节', 16],
      ['端午节', 18],
      ['国庆节、中秋节', 20],
    ]);
    expect(entries.at(-1)?.holidays).toHaveLength(8);
  });

  it('2025: the preamble’s principles, dates and all, are not read as days off', () => {
    // "国庆节自10月1日起放假调休7天" is a rule, not the schedule; 2025-01-01 is off as 元旦.
    const result = parse(notice2025);
    expect(result.problems).toEqual([]);
    expect(result.schedule?.holidays).toHaveLength(28);
  });

  it('2024: 除夕 is only recommended as a day of rest, and is said to be passed over', () => {
    const result = parse(notice2024);
    expect(result.schedule?.holidays).not.toContain('2024-02-09');
    expect(result.remarks).toEqual([
      {
        line: 11,
        code: 'notAHoliday',
        text: '鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。',
        params: { dates: '2月9日' },
      },
    ]);
  });

  it('finds the year in the title even when the title is split over two lines', () => {
    expect(parse(notice2024, 2030).year).toBe(2024);
  });
});

describe('mangled text', () => {
  const body2026 = notice2026.slice(notice2026.indexOf('一、元旦'), notice2026.indexOf('鼓励'));

  it('reads a notice without its title, finding the year from the weekdays', () => {
    // Pasted in November 2025 or in 2026 alike: only 2026 has these weekdays.
    expect(parse(body2026, 2025).year).toBe(2026);
    expect(parse(body2026, 2026).schedule).toEqual(scheduleOf(parse(notice2026)));
  });

  it('reads every entry without its 共N天', () => {
    const text = notice2026.replace(/，共\d+天/gu, '');
    expect(text).not.toContain('共');
    expect(scheduleOf(parse(text))).toEqual(scheduleOf(parse(notice2026)));
  });

  it('reads full-width digits and half-width punctuation', () => {
    const fullWidth = notice2026.replace(/\d/gu, (digit) =>
      String.fromCharCode(digit.charCodeAt(0) + 0xfee0),
    );
    expect(fullWidth).toContain('２月１５日');
    expect(scheduleOf(parse(fullWidth))).toEqual(scheduleOf(parse(notice2026)));

    const halfWidth = notice2026
      .replace(/（/gu, '(')
      .replace(/）/gu, ')')
      .replace(/：/gu, ':')
      .replace(/，/gu, ',');
    expect(scheduleOf(parse(halfWidth))).toEqual(scheduleOf(parse(notice2026)));
  });

  it('reads a line break inside a sentence, and a line break between an entry’s sentences', () => {
    const broken = notice2026
      .replace('至23日', '至23日\n')
      .replace('5月1日（周五）至5日', '5月1日（周五）\n至5日')
      .replace('共7天。', '共7天。\n');
    expect(broken.split('\n').length).toBe(notice2026.split('\n').length + 3);
    expect(scheduleOf(parse(broken))).toEqual(scheduleOf(parse(notice2026)));
  });

  it('reads traditional characters, spaces, and ranges written with ～ or -', () => {
    const text = [
      '國務院辦公廳關於2026年部分節假日安排的通知',
      '一、元旦：1 月 1 日（週四）～3日（週六）放假調休，共3天。1月4日（週日）上班。',
      '二、清明節：4月4日-6日放假，共3天。',
    ].join('\n');
    expect(scheduleOf(parse(text))).toEqual({
      year: 2026,
      holidays: [
        '2026-01-01',
        '2026-01-02',
        '2026-01-03',
        '2026-04-04',
        '2026-04-05',
        '2026-04-06',
      ],
      makeUpWorkdays: ['2026-01-04'],
    });
  });

  it('lists every line that cannot be read, not only the first', () => {
    const text = [
      '国务院办公厅关于2027年部分节假日安排的通知',
      '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。',
      '二、春节：二月五日至十一日放假调休，共7天。', // Chinese numerals: not read
      '三、清明节：4月3日（周六）至5日（周一）放假，共4天。', // 共4天 but three days
      '四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日上班。',
      '五、端午节：6月9日（周三）放假，共1天。6月32日上班。', // no such day
      '六、中秋节：9月15日（周四）放假1天。', // 2027-09-15 is a Wednesday
      '七、国庆节：10月7日至1日放假调休。', // ends before it starts
      '八、国庆节：9月26日（周日）上班。', // an entry without days off
    ].join('\n');
    const result = parse(text);
    expect(result.schedule).toBeNull();
    expect(result.problems.map(({ line, code, params }) => [line, code, params])).toEqual([
      [3, 'unreadable', {}],
      [4, 'dayCount', { count: 4, days: 3 }],
      [6, 'invalidDate', { date: '6月32日' }],
      [7, 'weekday', { date: '9月15日', written: '周四', actual: '周三' }],
      [8, 'range', {}],
      [9, 'noHolidays', { festival: '国庆节' }],
    ]);
    expect(result.problems[0]?.text).toBe('二月五日至十一日放假调休，共7天。');
  });

  it('names the line a sentence starts on when it was broken over lines', () => {
    const text =
      '2027年\n一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日\n（周日）上班。';
    // 2027-01-04 is a Monday: the text (as in a careless copy) says Sunday.
    expect(parse(text).problems).toMatchObject([
      { line: 2, code: 'weekday', params: { date: '1月4日', written: '周日', actual: '周一' } },
    ]);
  });

  it('refuses a day that is both off and worked', () => {
    const text = '2027年\n元旦：1月1日至3日放假。\n春节：2月5日至11日放假。2月7日上班。';
    expect(parse(text).problems).toMatchObject([
      { line: 3, code: 'conflict', params: { date: '2027-02-07' } },
    ]);
  });

  it('asks for the year when neither the text nor its weekdays give one', () => {
    const result = parse('一、元旦：1月1日至3日放假调休，共3天。');
    expect(result.year).toBeNull();
    expect(result.problems).toMatchObject([{ line: 0, code: 'noYear' }]);
  });

  it('says so when there is no festival entry at all', () => {
    expect(parse('国务院办公厅关于2027年部分节假日安排的通知').problems).toMatchObject([
      { line: 0, code: 'noEntries' },
    ]);
  });

  it('reads a day off in lieu (补休), as the 2017 notice gave one', () => {
    const text = '2017年\n一、元旦：1月1日放假，1月2日（星期一）补休。';
    expect(parse(text).schedule?.holidays).toEqual(['2017-01-01', '2017-01-02']);
  });

  it('reads a range over New Year, keeping this year’s days', () => {
    const text = '2026年\n一、元旦：12月31日（周四）至1月2日放假。';
    expect(parse(text).schedule?.holidays).toEqual(['2026-12-31']);
  });

  it('keeps a range running into the next year to this year’s days, and says so', () => {
    const text = '2018年\n一、元旦：2017年12月30日至2018年1月1日放假，共3天。';
    const result = parse(text);
    expect(result.schedule).toEqual({ year: 2018, holidays: ['2018-01-01'], makeUpWorkdays: [] });
    expect(result.remarks).toMatchObject([
      { line: 2, code: 'otherYear', params: { dates: '2017-12-30、2017-12-31', year: 2018 } },
    ]);
  });
});

describe('looksLikeNotice', () => {
  it('tells a notice from 休/班 lines and JSON', () => {
    expect(looksLikeNotice(notice2026)).toBe(true);
    expect(looksLikeNotice('一、元旦：１月１日放假')).toBe(true);
    expect(looksLikeNotice('休 2027-01-01~2027-01-03\n班 2027-02-14')).toBe(false);
    expect(looksLikeNotice('{"year":2027,"holidays":[],"makeUpWorkdays":[]}')).toBe(false);
  });
});
