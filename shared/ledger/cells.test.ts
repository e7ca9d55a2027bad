import { describe, expect, it } from 'vitest';
import {
  amountScaleOfHeader,
  cellOfIsoDate,
  displayWidth,
  parseAmount,
  parseBoolean,
  parseDate,
  parseEnum,
  parseList,
  parseText,
  parseTimeLimit,
  plainCell,
} from './cells';
import { itemStatusLabels, levelLabels, stageLabels } from './labels';

describe('parseDate', () => {
  it('reads date cells, date serials and the ways dates are typed as text', () => {
    expect(parseDate(cellOfIsoDate('2026-03-05'))).toEqual({ ok: true, value: '2026-03-05' });
    // 46086 is 2026-03-05 in Excel's day count.
    expect(parseDate(46086)).toEqual({ ok: true, value: '2026-03-05' });
    for (const text of [
      '2026-03-05',
      '2026/3/5',
      '2026.3.5',
      '2026年3月5日',
      '20260305',
      ' 2026-3-5 ',
    ]) {
      expect(parseDate(text)).toEqual({ ok: true, value: '2026-03-05' });
    }
    expect(parseDate('')).toEqual({ ok: true, value: null });
    expect(parseDate(null)).toEqual({ ok: true, value: null });
  });

  it('refuses days that do not exist and text that is no date', () => {
    expect(parseDate('2026-02-30')).toMatchObject({
      ok: false,
      problem: 'ledger.problem.noSuchDate',
    });
    expect(parseDate('2026年13月1日')).toMatchObject({
      ok: false,
      problem: 'ledger.problem.noSuchDate',
    });
    expect(parseDate('2025-02-29')).toMatchObject({ ok: false });
    expect(parseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('三月五日')).toMatchObject({ ok: false, problem: 'ledger.problem.notADate' });
    expect(parseDate(3.5)).toMatchObject({ ok: false, problem: 'ledger.problem.notADate' });
  });

  it('keeps the day of a cell written at UTC midnight, whatever the time of day it carries', () => {
    expect(parseDate(new Date(Date.UTC(2026, 0, 31, 15, 30)))).toEqual({
      ok: true,
      value: '2026-01-31',
    });
  });
});

describe('parseAmount', () => {
  it('reads numbers and amounts written with separators and units, in 万元', () => {
    expect(parseAmount(1200)).toEqual({ ok: true, value: 1200 });
    expect(parseAmount('1,200.5')).toEqual({ ok: true, value: 1200.5 });
    expect(parseAmount('3500万元')).toEqual({ ok: true, value: 3500 });
    expect(parseAmount('1.5亿')).toEqual({ ok: true, value: 15000 });
    expect(parseAmount('5000000元')).toEqual({ ok: true, value: 500 });
    expect(parseAmount(2.5, amountScaleOfHeader('总投资（亿元）'))).toEqual({
      ok: true,
      value: 25000,
    });
    expect(parseAmount('', 1)).toEqual({ ok: true, value: null });
  });

  it('refuses amounts in words', () => {
    expect(parseAmount('壹仟万元')).toMatchObject({
      ok: false,
      problem: 'ledger.problem.notAnAmount',
    });
    expect(parseAmount('约五千万')).toMatchObject({ ok: false });
    expect(parseAmount('1200左右')).toMatchObject({ ok: false });
  });

  it('takes its scale from the header unit', () => {
    expect(amountScaleOfHeader('总投资（万元）')).toBe(1);
    expect(amountScaleOfHeader('投资额(亿元)')).toBe(10000);
    expect(amountScaleOfHeader('投资额（元）')).toBe(1 / 10000);
  });
});

describe('parseEnum', () => {
  it('reads the Chinese label, other common words for it, and the stored value', () => {
    expect(parseEnum('施工许可', stageLabels)).toEqual({ ok: true, value: 'constructionPermit' });
    expect(parseEnum('立项用地', stageLabels)).toEqual({ ok: true, value: 'landPlanning' });
    expect(parseEnum('市级', levelLabels)).toEqual({ ok: true, value: 'city' });
    expect(parseEnum('completion', stageLabels)).toEqual({ ok: true, value: 'completion' });
    expect(parseEnum(null, stageLabels)).toEqual({ ok: true, value: null });
  });

  it('refuses an unknown label and lists the allowed ones', () => {
    expect(parseEnum('差不多办完了', itemStatusLabels)).toEqual({
      ok: false,
      problem: 'ledger.problem.unknownLabel',
      values: {
        text: '差不多办完了',
        allowed: '未启动、准备材料、已申报、已受理、审查中、已办结、不予许可、退件、无需办理',
      },
    });
  });
});

describe('other cells', () => {
  it('reads yes and no', () => {
    expect(parseBoolean('是')).toEqual({ ok: true, value: true });
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseBoolean(true)).toEqual({ ok: true, value: true });
    expect(parseBoolean('也许')).toMatchObject({ ok: false, problem: 'ledger.problem.notYesNo' });
  });

  it('reads a time limit as days, and its unit when the text says it', () => {
    expect(parseTimeLimit(20)).toEqual({ ok: true, value: { days: 20, unit: null } });
    expect(parseTimeLimit('20个工作日')).toEqual({
      ok: true,
      value: { days: 20, unit: 'working' },
    });
    expect(parseTimeLimit('7日')).toEqual({ ok: true, value: { days: 7, unit: 'calendar' } });
    expect(parseTimeLimit('二十天')).toMatchObject({
      ok: false,
      problem: 'ledger.problem.notDays',
    });
    expect(parseTimeLimit(2.5)).toMatchObject({ ok: false });
  });

  it('splits lists on the usual separators', () => {
    expect(parseList('王小明、李华,张三；赵四')).toEqual(['王小明', '李华', '张三', '赵四']);
    expect(parseList(null)).toEqual([]);
  });

  it('shows numbers stored in text columns as typed, and rich text and formulas as their text', () => {
    expect(parseText(13800138000)).toBe('13800138000');
    expect(plainCell({ richText: [{ text: '物流' }, { text: '园' }] })).toBe('物流园');
    expect(plainCell({ formula: 'A1*2', result: 42 })).toBe(42);
    expect(plainCell({ text: '链接', hyperlink: 'https://x' })).toBe('链接');
    expect(plainCell({ error: '#N/A' })).toBeNull();
  });

  it('counts CJK and full-width characters double', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('项目名称')).toBe(8);
    expect(displayWidth('总投资（万元）')).toBe(14);
  });
});
