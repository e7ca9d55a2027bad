import { describe, expect, it } from 'vitest';
import { testApprovalItem, testProject } from '../domain/test-records';
import type { CellValue } from './cells';
import { itemColumns, projectColumns } from './columns';
import { columnWidths, ledgerSheetsOf } from './export-rows';
import { findHeaderRow, guessMapping, headersOf, type SheetTable } from './mapping';
import {
  missingRequiredColumns,
  planLedgerImport,
  type ImportContext,
  type MappedSheet,
} from './validate';

const noContext: ImportContext = { existingProjects: [], catalog: [] };
const agentId = '11111111-2222-4333-8444-555555555555';

function mapped(sheet: SheetTable, kind: 'projects' | 'items'): MappedSheet {
  const columns = kind === 'projects' ? projectColumns : itemColumns;
  const headerRow = findHeaderRow(sheet.rows, columns);
  return { sheet, headerRow, mapping: guessMapping(headersOf(sheet, headerRow), columns) };
}

const projectHeaders = [
  '项目名称',
  '项目代码',
  '建设单位',
  '总投资（万元）',
  '项目级别',
  '土地成交日期',
];
const itemHeaders = ['项目名称', '阶段', '事项名称', '审批部门', '办理状态', '受理日期'];

function plan(projectRows: CellValue[][], itemRows: CellValue[][] | null, context = noContext) {
  return planLedgerImport(
    mapped({ name: '重点项目', rows: [projectHeaders, ...projectRows] }, 'projects'),
    itemRows ? mapped({ name: '审批事项', rows: [itemHeaders, ...itemRows] }, 'items') : null,
    context,
  );
}

describe('planLedgerImport', () => {
  it('turns valid rows into projects with their items', () => {
    const result = plan(
      [['物流园', 'P-1', '某物流公司', '3500', '市重点', '2026/3/5']],
      [['物流园', '施工许可', '建筑工程施工许可证', '区住建局', '已受理', '2026-04-01']],
    );
    expect(result.problems).toEqual([]);
    expect(result.projects).toHaveLength(1);
    expect(result.projects[0]?.input).toMatchObject({
      name: '物流园',
      code: 'P-1',
      ownerCompany: '某物流公司',
      totalInvestment: 3500,
      level: 'city',
      landDealOn: '2026-03-05',
      category: 'other',
      status: 'active',
    });
    expect(result.projects[0]?.items[0]?.input).toMatchObject({
      stage: 'constructionPermit',
      status: 'accepted',
      acceptedOn: '2026-04-01',
      handlingMode: 'regular',
    });
    expect(result.counts).toEqual({
      projectRows: 1,
      itemRows: 1,
      validProjects: 1,
      validItems: 1,
      duplicates: 0,
    });
  });

  it('lists every problem by sheet row and the file’s column header', () => {
    const result = plan(
      [
        ['某区2026年', null, null, null, null, null],
        ['物流园', 'P-1', '', '壹仟万元', '很重点', '2026-02-30'],
        ['数据中心', 'P-2', '某科技公司', 800, '区重点', null],
      ],
      [
        ['不存在的项目', '施工许可', '施工许可证', '住建', '未启动', null],
        ['物流园', '施工许可', '施工许可证', '住建', '未启动', null],
        ['数据中心', '大概施工', '施工许可证', '住建', '已受理', null],
      ],
    );
    const where = result.problems.map((p) => `${p.sheet}:${p.row}:${p.column}:${p.problem}`);
    expect(where).toEqual([
      '重点项目:2:建设单位:validation.required',
      '重点项目:3:建设单位:validation.required',
      '重点项目:3:总投资（万元）:ledger.problem.notAnAmount',
      '重点项目:3:项目级别:ledger.problem.unknownLabel',
      '重点项目:3:土地成交日期:ledger.problem.noSuchDate',
      '审批事项:2:项目名称:ledger.problem.projectNotFound',
      '审批事项:3:项目名称:ledger.problem.projectRowInvalid',
      '审批事项:4:阶段:ledger.problem.unknownLabel',
    ]);
    expect(result.problems[6]?.values).toEqual({ row: '3' });
    expect(result.counts).toMatchObject({
      projectRows: 3,
      validProjects: 1,
      itemRows: 3,
      validItems: 0,
    });
  });

  it('applies the domain’s rules: an accepted item needs its acceptance date', () => {
    const result = plan(
      [['物流园', 'P-1', '某物流公司', null, null, null]],
      [['物流园', '施工许可', '施工许可证', '住建', '已办结', '2026-04-01']],
    );
    expect(result.problems.map((p) => [p.row, p.column, p.problem])).toEqual([
      [2, '办结日期', 'validation.completedOnRequired'],
    ]);
  });

  it('flags a project listed twice in the file, and finds the projects kept already', () => {
    const context: ImportContext = {
      existingProjects: [{ id: testProject().id, name: '数据中心', code: '' }],
      catalog: [],
    };
    const result = plan(
      [
        ['物流园', 'P-1', '甲公司', null, null, null],
        ['物流园', 'P-9', '乙公司', null, null, null],
        ['数据中心', 'P-2', '丙公司', null, null, null],
      ],
      [['数据中心', '施工许可', '施工许可证', '住建', null, null]],
      context,
    );
    expect(result.problems).toEqual([
      {
        sheet: '重点项目',
        row: 3,
        column: '项目名称',
        problem: 'ledger.problem.duplicateInFile',
        values: { row: '2' },
      },
    ]);
    expect(result.projects.map((p) => [p.input.name, p.existingId])).toEqual([
      ['物流园', null],
      ['数据中心', testProject().id],
    ]);
    expect(result.counts.duplicates).toBe(1);
    expect(result.projects[1]?.items).toHaveLength(1);
  });

  it('fills an item’s stage and department from the catalog when the file leaves them out', () => {
    const catalogId = '22222222-3333-4444-8555-666666666666';
    const result = plan(
      [['物流园', null, '甲公司', null, null, null]],
      [['物流园', null, '建筑工程施工许可证', null, null, null]],
      {
        existingProjects: [],
        catalog: [
          {
            id: catalogId,
            name: '建筑工程施工许可证',
            stage: 'constructionPermit',
            department: '住建',
            departmentLevel: 'district',
          },
        ],
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.projects[0]?.items[0]?.input).toMatchObject({
      catalogItemId: catalogId,
      stage: 'constructionPermit',
      department: '住建',
    });
  });

  it('says which required columns a mapping leaves out', () => {
    expect(missingRequiredColumns('projects', { name: 0 })).toEqual(['建设单位']);
    expect(missingRequiredColumns('approvalItems', { name: 0 })).toEqual(['项目名称/项目代码']);
    expect(missingRequiredColumns('approvalItems', { name: 0, projectCode: 1 })).toEqual([]);
  });
});

describe('an exported ledger read back', () => {
  it('gives the same projects and items', () => {
    const project = testProject({
      code: '2026-000001',
      totalInvestment: 12345.67,
      level: 'province',
      category: 'industry',
      landStatus: 'sold',
      landDealOn: '2026-01-15',
      startOnLandDeal: true,
      helperAgentIds: [agentId],
      attorneyStages: ['landPlanning', 'constructionPermit'],
      status: 'started',
      notes: '第一行\n第二行',
    });
    const item = testApprovalItem({
      status: 'approved',
      submittedOn: '2026-02-01',
      acceptedOn: '2026-02-03',
      completedOn: '2026-02-20',
      timeLimit: { days: 7, unit: 'calendar' },
      certificateNo: '施许-001',
      handlingMode: 'missingAccepted',
      departmentLevel: 'city',
    });
    const sheets = ledgerSheetsOf({
      projects: [project],
      approvalItems: [item],
      missingItems: [],
      handlingSteps: [],
      agentNames: new Map([[agentId, '王小明']]),
    });
    expect(sheets.map((sheet) => sheet.name)).toEqual([
      '重点项目',
      '审批事项',
      '容缺材料',
      '办理记录',
    ]);
    const table = (index: number): SheetTable => ({
      name: sheets[index]?.name ?? '',
      rows: [sheets[index]?.headers ?? [], ...(sheets[index]?.rows ?? [])],
    });
    const result = planLedgerImport(
      mapped(table(0), 'projects'),
      mapped(table(1), 'items'),
      noContext,
    );
    expect(result.problems).toEqual([]);
    const planned = result.projects[0];
    const {
      id: _id,
      createdAt: _c,
      updatedAt: _u,
      deleted: _d,
      helperAgentIds: _h,
      ...fields
    } = project;
    expect(planned?.input).toEqual({ ...fields, helperAgentIds: [] });
    expect(planned?.agentNames).toEqual(['王小明']);
    const {
      id: _i,
      createdAt: _ic,
      updatedAt: _iu,
      deleted: _id2,
      projectId: _p,
      sortOrder: _s,
      ...itemFields
    } = item;
    expect(planned?.items[0]?.input).toEqual(itemFields);
  });

  it('sizes columns to fit their widest cell, CJK counting double', () => {
    const widths = columnWidths({
      headers: ['项目名称', '代码'],
      rows: [['某某市重点物流园区建设项目', 'A1']],
    });
    expect(widths).toEqual([26 + 2, 6 + 2]);
  });
});
