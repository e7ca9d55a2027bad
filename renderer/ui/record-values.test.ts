import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { fieldLabel, recordValueText, referencedIds, type RecordName } from './record-values';

const names = new Map<string, RecordName>([
  ['agent-1', { name: '王小明', deleted: false }],
  ['item-1', { name: '施工图联合审查', deleted: true }],
]);
const text = (table: string, field: string, value: unknown) =>
  recordValueText(table, field, value, i18n.t, (id) => names.get(id));

beforeAll(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('修改记录 in words', () => {
  it('names enumeration values', () => {
    expect(text('approvalItems', 'handlingMode', 'missingAccepted')).toBe('容缺受理');
    expect(text('approvalItems', 'status', 'approved')).toBe('已办结');
    expect(text('projects', 'status', 'active')).toBe('在办');
    expect(text('problems', 'escalation', 'districtLeader')).toBe('区领导');
    expect(text('problems', 'status', 'resolved')).toBe('已解决');
    expect(text('projects', 'attorneyStages', ['landPlanning', 'completion'])).toBe(
      '立项用地规划许可、竣工验收',
    );
  });

  it('says 是/否, 万元, and empty', () => {
    expect(text('projects', 'startOnLandDeal', true)).toBe('是');
    expect(text('handlingSteps', 'nextActionDone', false)).toBe('否');
    expect(text('projects', 'totalInvestment', 50000)).toBe('50,000 万元');
    expect(text('projects', 'notes', '')).toBe('（空）');
    expect(text('projects', 'landDealOn', null)).toBe('（空）');
  });

  it('names linked records by id, saying when one was deleted', () => {
    expect(text('projects', 'helperAgentIds', ['agent-1'])).toBe('王小明');
    expect(text('missingItems', 'approvalItemId', 'item-1')).toBe('施工图联合审查（已删除）');
    expect(text('handlingSteps', 'approvalItemId', 'nobody')).toBe('（未知记录）');
    expect(referencedIds('projects', 'helperAgentIds', ['agent-1', 'agent-2'])).toEqual([
      'agent-1',
      'agent-2',
    ]);
    expect(referencedIds('projects', 'name', 'agent-1')).toEqual([]);
  });

  it('reads limits, pauses with both ends, date lists and timestamps', () => {
    expect(text('approvalItems', 'timeLimit', { days: 20, unit: 'working' })).toBe('20 个工作日');
    expect(
      text('approvalItems', 'pausedIntervals', [
        { from: '2026-03-09', to: '2026-03-13', reason: '检测' },
        { from: '2026-04-01', to: null, reason: '' },
      ]),
    ).toBe('2026-03-09 至 2026-03-13（含） 检测；2026-04-01 起暂停，尚未恢复');
    expect(
      text('holidaySchedules', 'holidays', [
        '2027-01-01',
        '2027-01-02',
        '2027-01-03',
        '2027-02-05',
      ]),
    ).toBe('2027-01-01~2027-01-03、2027-02-05');
    expect(text('settings', 'updatedAt', '2026-03-02T01:02:03.000Z')).toMatch(
      /^2026-03-0\d \d\d:\d\d$/,
    );
  });

  it('labels fields by their table where the word differs', () => {
    expect(fieldLabel('helperAgents', 'name', i18n.t)).toBe('姓名');
    expect(fieldLabel('projects', 'name', i18n.t)).toBe('名称');
    expect(fieldLabel('approvalItems', 'handlingMode', i18n.t)).toBe('办理方式');
  });
});
