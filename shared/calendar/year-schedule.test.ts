import { describe, expect, it } from 'vitest';
import { isoDateSchema, parseYearScheduleText, yearScheduleSchema } from './year-schedule';

describe('isoDateSchema', () => {
  it('accepts real days, leap day included', () => {
    expect(isoDateSchema.safeParse('2026-02-14').success).toBe(true);
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-13-01',
    '2026-2-3',
    '20260214',
    '2026-02-14T00:00',
    '',
  ])('refuses %j with the validation.date key', (text) => {
    const result = isoDateSchema.safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('validation.date');
  });

  it('refuses a non-string with the same key', () => {
    expect(isoDateSchema.safeParse(20260214).error?.issues[0]?.message).toBe('validation.date');
  });
});

describe('yearScheduleSchema', () => {
  const valid = { year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-09'] };

  it('accepts a consistent schedule', () => {
    expect(yearScheduleSchema.parse(valid)).toEqual(valid);
  });

  const issuesOf = (value: unknown) =>
    yearScheduleSchema
      .safeParse(value)
      .error?.issues.map((issue) => [issue.path.join('.'), issue.message]);

  it('refuses a date outside the year', () => {
    expect(issuesOf({ ...valid, makeUpWorkdays: ['2026-12-26'] })).toEqual([
      ['makeUpWorkdays.0', 'validation.scheduleYear'],
    ]);
  });

  it('refuses a day listed twice', () => {
    expect(issuesOf({ ...valid, holidays: ['2027-01-01', '2027-01-01'] })).toEqual([
      ['holidays.1', 'validation.scheduleDuplicate'],
    ]);
  });

  it('refuses a day that is both a holiday and a make-up workday', () => {
    expect(issuesOf({ ...valid, makeUpWorkdays: ['2027-01-01'] })).toEqual([
      ['makeUpWorkdays.0', 'validation.scheduleConflict'],
    ]);
  });

  it('refuses unreal dates and bad years', () => {
    expect(issuesOf({ ...valid, holidays: ['2027-02-30'] })).toEqual([
      ['holidays.0', 'validation.date'],
    ]);
    expect(issuesOf({ ...valid, year: 2027.5 })?.[0]).toEqual(['year', 'validation.scheduleYear']);
    expect(issuesOf({ ...valid, year: '2027' })?.[0]).toEqual(['year', 'validation.scheduleYear']);
    expect(issuesOf({ year: 2027 })).toEqual([
      ['holidays', 'validation.scheduleJson'],
      ['makeUpWorkdays', 'validation.scheduleJson'],
    ]);
  });
});

describe('parseYearScheduleText', () => {
  it('reads single days, ranges in every separator, make-up days, comments and blank lines', () => {
    const text = [
      '# 2027 年部分节假日安排（示例）',
      '',
      '休 2027-01-01',
      '  休 2027-02-06~2027-02-08  ',
      '休 2027-02-09 至 2027-02-10',
      '休：2027-2-11～2027-2-12   # 春节，月日可省略前导零',
      '班 2027-02-14',
      '＃ 全角井号也是注释',
      '班 2027-01-09',
    ].join('\r\n');
    expect(parseYearScheduleText(text)).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: [
          '2027-01-01',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
        ],
        makeUpWorkdays: ['2027-01-09', '2027-02-14'],
      },
    });
  });

  it('expands a range across a month end', () => {
    const result = parseYearScheduleText('休 2027-04-30~2027-05-02');
    expect(result).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: ['2027-04-30', '2027-05-01', '2027-05-02'],
        makeUpWorkdays: [],
      },
    });
  });

  it('accepts JSON of a YearSchedule and sorts its lists', () => {
    const json = JSON.stringify({
      year: 2027,
      holidays: ['2027-02-07', '2027-01-01'],
      makeUpWorkdays: ['2027-02-14'],
    });
    expect(parseYearScheduleText(`  ${json}\n`)).toEqual({
      ok: true,
      schedule: {
        year: 2027,
        holidays: ['2027-01-01', '2027-02-07'],
        makeUpWorkdays: ['2027-02-14'],
      },
    });
  });

  it.each([
    ['an unknown kind', '休 2027-01-01\n放 2027-01-02', 2],
    ['slashes', '休 2027/01/01', 1],
    ['a note without #', '休 2027-01-01 元旦', 1],
    ["'-' as a range separator", '休 2027-02-06-2027-02-12', 1],
    ['no date', '\n\n班', 3],
    ['a two-digit year', '休 27-01-01', 1],
  ])('reports %s as validation.scheduleLine on its line', (_, text, line) => {
    expect(parseYearScheduleText(text)).toEqual({
      ok: false,
      errors: [{ line, error: 'validation.scheduleLine' }],
    });
  });

  it('lists every line that cannot be taken, not only the first', () => {
    const text = [
      '休 2027-01-01',
      '放 2027-01-02',
      '休 2027-02-30',
      '班 2027-01-01',
      '休 2027-03-01',
    ];
    expect(parseYearScheduleText(text.join('\n'))).toEqual({
      ok: false,
      errors: [
        { line: 2, error: 'validation.scheduleLine' },
        { line: 3, error: 'validation.date' },
        { line: 4, error: 'validation.scheduleConflict' },
      ],
    });
  });

  it('reports dates from two years on the line that changes year', () => {
    expect(parseYearScheduleText('休 2027-01-01\n# note\n班 2026-12-26')).toEqual({
      ok: false,
      errors: [{ line: 3, error: 'validation.scheduleYear' }],
    });
    expect(parseYearScheduleText('休 2026-12-31~2027-01-02')).toEqual({
      ok: false,
      errors: [{ line: 1, error: 'validation.scheduleYear' }],
    });
  });

  it('reports a day that is both a holiday and a make-up workday', () => {
    expect(parseYearScheduleText('休 2027-02-06~2027-02-12\n班 2027-02-08')).toEqual({
      ok: false,
      errors: [{ line: 2, error: 'validation.scheduleConflict' }],
    });
  });

  it('reports a day listed twice', () => {
    expect(parseYearScheduleText('休 2027-02-06~2027-02-12\n休 2027-02-12')).toEqual({
      ok: false,
      errors: [{ line: 2, error: 'validation.scheduleDuplicate' }],
    });
  });

  it('reports a day that does not exist', () => {
    expect(parseYearScheduleText('休 2027-02-01\n休 2027-02-30')).toEqual({
      ok: false,
      errors: [{ line: 2, error: 'validation.date' }],
    });
    expect(parseYearScheduleText('休 2027-02-25~2027-02-30')).toEqual({
      ok: false,
      errors: [{ line: 1, error: 'validation.date' }],
    });
  });

  it('reports a range that ends before it starts', () => {
    expect(parseYearScheduleText('休 2027-02-12~2027-02-06')).toEqual({
      ok: false,
      errors: [{ line: 1, error: 'validation.scheduleRange' }],
    });
  });

  it('reports text with no entries', () => {
    expect(parseYearScheduleText('')).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleEmpty' }],
    });
    expect(parseYearScheduleText('# 只有注释\n\n')).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleEmpty' }],
    });
  });

  it('reports JSON problems with their keys on line 0', () => {
    const json = (value: unknown) => parseYearScheduleText(JSON.stringify(value));
    expect(parseYearScheduleText('{ "year": 2027, ')).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleJson' }],
    });
    expect(json({ year: 2027, holidays: ['2027-02-30'], makeUpWorkdays: [] })).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.date' }],
    });
    expect(json({ year: 2027, holidays: ['2028-01-01'], makeUpWorkdays: [] })).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleYear' }],
    });
    expect(json({ year: 2027, holidays: ['2027-01-01'], makeUpWorkdays: ['2027-01-01'] })).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleConflict' }],
    });
    expect(json({ year: 2027, holidays: '2027-01-01' })).toEqual({
      ok: false,
      errors: [{ line: 0, error: 'validation.scheduleJson' }],
    });
  });
});
