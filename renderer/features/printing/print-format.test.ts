import { describe, expect, it } from 'vitest';
import { pdfFileNameSchema } from '../../../shared/ipc/contract';
import { i18n } from '../../i18n';
import { cssString, sheetFileName, sheetFormat } from './print-format';

const zh = sheetFormat(i18n.getFixedT('zh-CN'), 'zh-CN');
const en = sheetFormat(i18n.getFixedT('en'), 'en');

describe('sheetFormat', () => {
  it('writes dates in 年月日 form, and in English for the English UI', () => {
    expect(zh.date('2026-03-02')).toBe('2026年3月2日');
    expect(zh.date('2026-11-30')).toBe('2026年11月30日');
    expect(zh.date(null)).toBe('—');
    expect(en.date('2026-03-02')).toBe('2 Mar 2026');
    expect(zh.dateTime(new Date(2026, 10, 30, 9, 5))).toBe('2026年11月30日 09:05');
  });

  it('writes amounts in 万元, grouped, with at most two decimals', () => {
    expect(zh.wanYuan(80_000)).toBe('80,000');
    expect(zh.wanYuan(12_345.678)).toBe('12,345.68');
    expect(zh.wanYuan(0)).toBe('0');
    expect(zh.wanYuan(null)).toBe('—');
  });

  it('marks tiers with text that reads in black and white, never by colour alone', () => {
    const marks = (['overdue', 'warning', 'normal'] as const).map((tier) => zh.tierMark(tier));
    expect(marks).toEqual(['【逾期】', '〔预警〕', '正常']);
    expect(new Set(marks).size).toBe(3);
    expect(
      zh.dueText({ dueDate: '2026-03-19', tier: 'overdue', workingDays: 2, estimatedYears: [] }),
    ).toBe('【逾期】 逾期 2 个工作日');
    expect(
      zh.dueText({ dueDate: '2026-03-19', tier: 'warning', workingDays: 0, estimatedYears: [] }),
    ).toBe('〔预警〕 今日到期');
    expect(
      zh.dueText({ dueDate: '2026-03-19', tier: 'normal', workingDays: 12, estimatedYears: [] }),
    ).toBe('正常 剩 12 个工作日');
  });

  it('words land to construction permit', () => {
    expect(
      zh.landToPermit({
        status: 'done',
        landOn: '2026-02-13',
        permitOn: '2026-03-19',
        workingDays: 20,
      }),
    ).toBe('20 个工作日');
    expect(zh.landToPermit({ status: 'running', landOn: '2026-02-13', workingDays: 5 })).toBe(
      '已用 5 个工作日（未取得施工许可）',
    );
    expect(zh.landToPermit({ status: 'noLand' })).toBe('尚未取得土地');
    expect(
      zh.landToPermitShort({
        status: 'done',
        landOn: '2026-02-13',
        permitOn: '2026-03-19',
        workingDays: 20,
      }),
    ).toBe('20');
    expect(zh.landToPermitShort({ status: 'running', landOn: '2026-02-13', workingDays: 5 })).toBe(
      '已用 5',
    );
    expect(zh.landToPermitShort({ status: 'noPermit', landOn: '2026-02-13' })).toBe('未取得');
    expect(zh.landToPermitShort({ status: 'noLand' })).toBe('—');
  });
});

describe('cssString', () => {
  it('quotes a name so it cannot end the string or the rule', () => {
    expect(cssString('物流园')).toBe('"物流园"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('一期\n二期')).toBe('"一期 二期"');
    expect(cssString('x" } body { display: none } @page { content: "')).toBe(
      '"x\\" } body { display: none } @page { content: \\""',
    );
  });
});

describe('sheetFileName', () => {
  it('joins title, subject and the day into a name the contract accepts', () => {
    const name = sheetFileName(['项目审批进度表', '物流园'], '2026-11-30');
    expect(name).toBe('项目审批进度表-物流园-20261130.pdf');
    expect(pdfFileNameSchema.safeParse(name).success).toBe(true);
  });

  it('replaces characters a file system refuses, and keeps the day on a very long name', () => {
    const odd = sheetFileName(['项目审批进度表', 'A/B:C*D?"E"<F>|G\u0007H'], '2026-11-30');
    expect(odd).toBe('项目审批进度表-A B C D E F G H-20261130.pdf');
    const long = sheetFileName(['项目审批进度表', '名'.repeat(400)], '2026-11-30');
    expect(long.endsWith('-20261130.pdf')).toBe(true);
    expect(pdfFileNameSchema.safeParse(long).success).toBe(true);
    expect(pdfFileNameSchema.safeParse(odd).success).toBe(true);
  });
});
