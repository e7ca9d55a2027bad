import { describe, expect, it } from 'vitest';
import { parseYearScheduleText } from '../../../shared/calendar/year-schedule';
import { dateRanges, scheduleToText, weekdayMakeUpWorkdays } from './schedule-text';

describe('schedule text round trip', () => {
  const schedule = {
    year: 2027,
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-06', '2027-02-28', '2027-03-01'],
    makeUpWorkdays: ['2027-02-14', '2027-01-09'],
  };

  it('folds consecutive days into ranges, across a month end', () => {
    expect(dateRanges(schedule.holidays)).toEqual([
      { from: '2027-01-01', to: '2027-01-03' },
      { from: '2027-02-06', to: '2027-02-06' },
      { from: '2027-02-28', to: '2027-03-01' },
    ]);
    expect(dateRanges([])).toEqual([]);
  });

  it('writes lines the parser reads back to the same schedule', () => {
    const text = scheduleToText(schedule);
    expect(text).toBe(
      [
        '休 2027-01-01~2027-01-03',
        '休 2027-02-06',
        '休 2027-02-28~2027-03-01',
        '班 2027-01-09',
        '班 2027-02-14',
      ].join('\n'),
    );
    expect(parseYearScheduleText(text)).toEqual({
      ok: true,
      schedule: { ...schedule, makeUpWorkdays: ['2027-01-09', '2027-02-14'] },
    });
  });

  it('points out make-up workdays that are not on a weekend', () => {
    expect(weekdayMakeUpWorkdays(schedule)).toEqual([]);
    expect(
      weekdayMakeUpWorkdays({ year: 2027, holidays: [], makeUpWorkdays: ['2027-02-10'] }),
    ).toEqual(['2027-02-10']);
  });
});
