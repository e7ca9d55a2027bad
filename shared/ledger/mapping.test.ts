import { describe, expect, it } from 'vitest';
import { itemColumns, projectColumns } from './columns';
import { findHeaderRow, guessMapping, guessSheets } from './mapping';

describe('guessMapping', () => {
  it('maps the template’s own headers one to one', () => {
    const headers = projectColumns.map((column) => column.header);
    const mapping = guessMapping(headers, projectColumns);
    projectColumns.forEach((column, index) => expect(mapping[column.field]).toBe(index));
  });

  it('recognises the headers teams’ own ledgers use', () => {
    const headers = [
      '序号',
      '工程名称',
      '业主单位',
      '投资额(万元)',
      '项目编码',
      '状态',
      '土地状态',
      '包联领导',
      '代办人员',
    ];
    expect(guessMapping(headers, projectColumns)).toEqual({
      name: 1,
      ownerCompany: 2,
      totalInvestment: 3,
      code: 4,
      status: 5,
      landStatus: 6,
      leaderInCharge: 7,
      helperAgents: 8,
    });
  });

  it('uses each of the file’s columns once, the closest match first', () => {
    const mapping = guessMapping(['项目名称', '名称'], projectColumns);
    expect(mapping).toEqual({ name: 0 });
  });

  it('maps an items sheet, with 状态 going to the item’s status', () => {
    const mapping = guessMapping(
      ['所属项目', '审批事项', '办理部门', '状态', '受理时间'],
      itemColumns,
    );
    expect(mapping).toMatchObject({
      projectName: 0,
      name: 1,
      department: 2,
      status: 3,
      acceptedOn: 4,
    });
  });
});

describe('findHeaderRow and guessSheets', () => {
  it('skips a title row above the headers', () => {
    const rows = [
      ['某区2026年重点项目台账', null, null],
      [null],
      ['序号', '项目名称', '建设单位'],
      [1, '物流园', '某公司'],
    ];
    expect(findHeaderRow(rows, projectColumns)).toBe(2);
  });

  it('finds the exported sheets by name, and a lone sheet as projects', () => {
    expect(
      guessSheets([
        { name: '重点项目', rows: [] },
        { name: '审批事项', rows: [] },
        { name: '容缺材料', rows: [] },
      ]),
    ).toEqual({ projects: 0, approvalItems: 1 });
    expect(guessSheets([{ name: 'Sheet1', rows: [['项目名称', '建设单位']] }])).toEqual({
      projects: 0,
      approvalItems: null,
    });
  });
});
