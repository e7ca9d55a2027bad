import { describe, expect, it } from 'vitest';
import { testApprovalItem, testProject } from '../domain/test-records';
import type { HandlingStep } from '../domain/handling-step';
import type { MissingItem } from '../domain/missing-item';
import type { Problem } from '../domain/problem';
import { cachedPinyinForms, pinyinForms } from './pinyin-forms';
import { searchDocuments, type SearchableRecords } from './search-documents';
import { queryWords, SearchIndex, type SearchResults } from './search-index';

const meta = {
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  deleted: false,
};
const ids = {
  binjiang: '11111111-1111-4111-8111-111111111111',
  yinhang: '22222222-2222-4222-8222-222222222222',
  permit: '33333333-3333-4333-8333-333333333333',
  planning: '44444444-4444-4444-8444-444444444444',
  missing: '55555555-5555-4555-8555-555555555555',
  step: '66666666-6666-4666-8666-666666666666',
  problem: '77777777-7777-4777-8777-777777777777',
  agent: '88888888-8888-4888-8888-888888888888',
  permitPark: '99999999-9999-4999-8999-999999999999',
};

function records(): SearchableRecords {
  const missing: MissingItem = {
    id: ids.missing,
    projectId: ids.binjiang,
    approvalItemId: ids.permit,
    material: '消防设计审查意见',
    supplier: '建设单位',
    promisedOn: '2026-12-01',
    status: 'pending',
    suppliedOn: null,
    notes: '',
    ...meta,
  };
  const step: HandlingStep = {
    id: ids.step,
    projectId: ids.yinhang,
    approvalItemId: null,
    on: '2026-11-20',
    by: '李娜',
    kind: 'meeting',
    summary: '召开协调会，明确供水接入方案由水务集团负责',
    nextAction: '督促企业补充材料',
    nextActionDueOn: '2026-11-25',
    nextActionDone: false,
    ...meta,
  };
  const problem: Problem = {
    id: ids.problem,
    projectId: ids.binjiang,
    title: '征地未完成',
    description: '东侧地块尚有三户未签协议',
    responsibleDepartment: '区自然资源局',
    raisedOn: '2026-11-01',
    escalation: 'bureau',
    status: 'open',
    resolution: '',
    resolvedOn: null,
    ...meta,
  };
  return {
    projects: [
      testProject({
        id: ids.binjiang,
        name: '滨江智能制造产业园',
        code: 'XM-2026-017',
        ownerCompany: '滨江智造科技有限公司',
        helperAgentIds: [ids.agent],
      }),
      testProject({ id: ids.yinhang, name: '重庆银行数据中心', ownerCompany: '重庆银行' }),
      testProject({ id: ids.permitPark, name: '施工许可服务中心', ownerCompany: '区政务服务中心' }),
    ],
    approvalItems: [
      testApprovalItem({
        id: ids.permit,
        projectId: ids.binjiang,
        name: '建筑工程施工许可证核发',
        department: '区住房和城乡建设局',
      }),
      testApprovalItem({
        id: ids.planning,
        projectId: ids.yinhang,
        name: '建设工程规划许可证核发',
        department: '区自然资源局',
      }),
    ],
    missingItems: [missing],
    handlingSteps: [step],
    problems: [problem],
    helperAgents: [{ id: ids.agent, name: '张伟', unit: '', phone: '', active: true, ...meta }],
  };
}

function indexOf(data: SearchableRecords = records()): SearchIndex {
  const index = new SearchIndex(cachedPinyinForms());
  index.setDocuments(searchDocuments(data));
  return index;
}

const titles = (results: SearchResults, kind?: string) =>
  results
    .filter((group) => !kind || group.kind === kind)
    .flatMap((g) => g.hits.map((h) => h.title));

describe('pinyin forms', () => {
  it('gives initials and full pinyin, non-Chinese characters kept lowercased', () => {
    const forms = pinyinForms('施工许可');
    expect(forms.initials[0]).toBe('sgxk');
    expect(forms.full[0]).toBe('shigongxuke');
    expect(pinyinForms('A区 12号').initials[0]).toBe('aq12h');
  });

  it('reads polyphones in context first, and the other reading as a variant', () => {
    const forms = pinyinForms('重庆银行');
    expect(forms.initials[0]).toBe('cqyh');
    expect(forms.full[0]).toBe('chongqingyinhang');
    expect(forms.initials).toContain('zqyh');
    expect(forms.initials).toContain('cqyx');
    expect(forms.full).toContain('zhongqingyinhang');
  });
});

describe('search', () => {
  it('finds by pinyin initials: sgxk finds 施工许可', () => {
    const results = indexOf().search('sgxk');
    expect(titles(results, 'approvalItem')).toEqual(['建筑工程施工许可证核发']);
    expect(titles(results, 'project')).toEqual(['施工许可服务中心']);
  });

  it('finds by full pinyin and by a polyphone read either way', () => {
    const index = indexOf();
    expect(titles(index.search('chongqing'), 'project')).toEqual(['重庆银行数据中心']);
    expect(titles(index.search('zhongqing'), 'project')).toEqual(['重庆银行数据中心']);
    expect(titles(index.search('cqyx'), 'project')).toEqual(['重庆银行数据中心']);
  });

  it('needs every word, each in any field: project name and item name together', () => {
    const index = indexOf();
    const results = index.search('滨江 许可');
    expect(titles(results, 'approvalItem')).toEqual(['建筑工程施工许可证核发']);
    expect(titles(index.search('滨江 规划'))).toEqual([]);
    expect(titles(index.search('重庆 规划'), 'approvalItem')).toEqual(['建设工程规划许可证核发']);
  });

  it('finds by code, owner company, department, content and helper-agent name', () => {
    const index = indexOf();
    expect(titles(index.search('xm-2026-017'))).toEqual(['滨江智能制造产业园']);
    expect(titles(index.search('智造科技'), 'project')).toEqual(['滨江智能制造产业园']);
    expect(titles(index.search('住房和城乡'), 'approvalItem')).toEqual(['建筑工程施工许可证核发']);
    expect(titles(index.search('供水接入'), 'handlingStep')).toEqual([
      '召开协调会，明确供水接入方案由水务集团负责',
    ]);
    expect(titles(index.search('三户'), 'problem')).toEqual(['征地未完成']);
    expect(titles(index.search('消防'), 'missingItem')).toEqual(['消防设计审查意见']);
    expect(titles(index.search('张伟'), 'project')).toEqual(['滨江智能制造产业园']);
    expect(titles(index.search('zhangwei'), 'project')).toEqual(['滨江智能制造产业园']);
  });

  it('groups by kind in a fixed order, with how many matched in all', () => {
    const results = indexOf().search('许可');
    expect(results.map((group) => group.kind)).toEqual(['project', 'approvalItem', 'missingItem']);
    expect(results[1]?.total).toBe(2);
  });

  it('ranks a title that starts with the query first, then titles holding it, then the rest', () => {
    const data = records();
    const project = data.projects[0]!;
    data.projects = [
      { ...project, id: ids.binjiang, name: '园区道路工程', ownerCompany: '某公司' },
      { ...project, id: ids.yinhang, name: '城东道路', ownerCompany: '道路建设公司' },
      { ...project, id: ids.permitPark, name: '道路提升改造工程二期', ownerCompany: '某公司' },
    ];
    const results = indexOf(data).search('道路');
    expect(titles(results, 'project')).toEqual([
      '道路提升改造工程二期',
      '城东道路',
      '园区道路工程',
    ]);
    expect(titles(indexOf(data).search('dl'), 'project')[0]).toBe('道路提升改造工程二期');
  });

  it('keeps at most the limit per kind', () => {
    const data = records();
    const project = data.projects[0]!;
    data.projects = Array.from({ length: 12 }, (_, n) => ({
      ...project,
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      name: `产业园${n}`,
    }));
    const [group] = indexOf(data).search('产业园', 5);
    expect(group?.hits).toHaveLength(5);
    expect(group?.total).toBe(12);
  });

  it('narrows as one types on, and widens again when a word is removed', () => {
    const index = indexOf();
    // One or two letters find titles starting with them: nearly every record has them somewhere.
    expect(titles(index.search('s'))).toEqual(['施工许可服务中心']);
    expect(titles(index.search('sg'))).toEqual(['施工许可服务中心']);
    expect(titles(index.search('sgx'), 'approvalItem')).toEqual(['建筑工程施工许可证核发']);
    expect(titles(index.search('sgxk 滨江'), 'approvalItem')).toEqual(['建筑工程施工许可证核发']);
    expect(titles(index.search('许可'), 'approvalItem')).toHaveLength(2);
  });

  it('follows changed records, keeping the rest', () => {
    const data = records();
    const index = indexOf(data);
    data.approvalItems = [
      { ...data.approvalItems[0]!, name: '施工图审查' },
      data.approvalItems[1]!,
    ];
    index.setDocuments(searchDocuments(data));
    expect(titles(index.search('sgxk'), 'approvalItem')).toEqual([]);
    expect(titles(index.search('sgtsc'), 'approvalItem')).toEqual(['施工图审查']);
    data.problems = [];
    index.setDocuments(searchDocuments(data));
    expect(index.search('征地')).toEqual([]);
  });

  it('has nothing for an empty query or one of spaces only', () => {
    expect(indexOf().search('  \u3000 ')).toEqual([]);
    expect(queryWords(' 施工  SGXK ')).toEqual(['施工', 'sgxk']);
  });
});
