// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { assembleProjectSheet } from '../../../shared/reports/project-sheet';
import { assembleSummarySheet } from '../../../shared/reports/summary-sheet';
import {
  idOf,
  testAgent,
  testApprovalItem,
  testMissingItem,
  testProblem,
  testProject,
  testStep,
} from '../../../shared/reports/test-sheet-records';
import { changeLanguage, i18n, type Language } from '../../i18n';
import { sheetFormat } from './print-format';
import { ProjectSheet } from './ProjectSheet';
import { SummarySheet } from './SummarySheet';

/**
 * Both sheets rendered in both languages from records that reach every branch (each clock, tier
 * and list): nothing left as a raw i18n key, the marks and the 年月日 dates on the page. How they
 * print is the e2e suite's (e2e/printing.e2e.ts).
 */

const calendar = createWorkingDayCalendar([]);
const today = '2026-03-23';
const clock = { calendar, today, warnWithinWorkingDays: 3 };
const project = testProject({
  helperAgentIds: [idOf(601)],
  leaderInCharge: '张副区长',
  totalInvestment: 12_000.5,
  landDealOn: '2026-02-13',
  constructionPermitOn: '2026-03-19',
  startOnLandDeal: true,
});
const records = {
  approvalItems: [
    testApprovalItem({
      id: idOf(1),
      status: 'reviewing',
      acceptedOn: '2026-02-13',
      name: '施工图联合审查',
    }),
    testApprovalItem({
      id: idOf(2),
      status: 'accepted',
      acceptedOn: '2026-03-20',
      timeLimit: { days: 3, unit: 'working' },
      department: '市住建局',
      departmentLevel: 'city',
    }),
    testApprovalItem({
      id: idOf(3),
      status: 'reviewing',
      acceptedOn: '2026-03-02',
      pausedIntervals: [{ from: '2026-03-10', to: null, reason: '专家评审' }],
    }),
    testApprovalItem({
      id: idOf(4),
      stage: 'landPlanning',
      status: 'approved',
      acceptedOn: '2026-02-13',
      completedOn: '2026-03-20',
      handlingMode: 'onCommitment',
      commitmentCheck: { dueOn: '2026-03-20', result: 'pending', checkedOn: null, notes: '' },
      certificateNo: '宁发改〔2026〕1号',
    }),
    testApprovalItem({ id: idOf(5), stage: 'completion', status: 'notStarted' }),
  ],
  missingItems: [testMissingItem({ approvalItemId: idOf(1), promisedOn: '2026-03-18' })],
  handlingSteps: [
    testStep({ approvalItemId: idOf(1), nextAction: '补交图纸', nextActionDueOn: '2026-03-25' }),
  ],
  problems: [testProblem(), testProblem({ id: idOf(801), responsibleDepartment: '' })],
};
const helperAgents = [testAgent({ id: idOf(601), name: '李四' })];

afterEach(async () => {
  cleanup();
  await changeLanguage('zh-CN');
});

function renderBoth(language: Language) {
  const t = i18n.getFixedT(language);
  const format = sheetFormat(t, language);
  const printed = {
    printedBy: '王小明（某某镇人民政府）',
    printedAt: new Date(2026, 2, 23, 9, 30),
  };
  const projectSheet = assembleProjectSheet({ ...clock, project, records, helperAgents });
  const summary = assembleSummarySheet({ ...clock, projects: [project], records, helperAgents });
  return render(
    <>
      <ProjectSheet
        sheet={projectSheet}
        format={format}
        warnWithinWorkingDays={3}
        today={today}
        {...printed}
      />
      <SummarySheet
        sheet={summary}
        format={format}
        warnWithinWorkingDays={3}
        today={today}
        filter={language === 'en' ? 'level: district' : '项目级别：区重点'}
        {...printed}
      />
    </>,
  );
}

describe('the printed sheets', () => {
  it('in Chinese: dates in 年月日, amounts in 万元, tiers marked in words', () => {
    const { container } = renderBoth('zh-CN');
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/print\.|itemStatus\.|stage\./);
    for (const expected of [
      '项目审批进度表',
      '重点项目推进情况汇总表',
      '施工图联合审查',
      '12,000.5 万元',
      '2026年3月23日',
      '【逾期】 逾期 2 个工作日',
      '〔预警〕 剩 2 个工作日',
      '自 2026年3月10日 暂停计时，已用 5 天',
      '超期办结',
      '20 个工作日',
      '范围：项目列表的筛选结果（1 个）——项目级别：区重点',
      '未明确责任部门（1 个）',
      '打印人：王小明（某某镇人民政府）',
      '打印时间：2026年3月23日 09:30',
    ]) {
      expect(text).toContain(expected);
    }
    // Every tier on paper carries its word, not only a colour.
    for (const marked of container.querySelectorAll(
      '[data-tier="overdue"], [data-tier="warning"]',
    )) {
      expect(marked.textContent).toMatch(/逾期|预警|超期/);
    }
  });

  it('in English, with no Chinese-only key missing', async () => {
    await changeLanguage('en');
    const { container } = renderBoth('en');
    const text = container.textContent ?? '';
    expect(text).not.toMatch(/print\.|itemStatus\.|stage\./);
    expect(text).toContain('Project approval progress sheet');
    expect(text).toContain('23 Mar 2026');
    expect(text).toContain('[OVERDUE]');
  });
});
