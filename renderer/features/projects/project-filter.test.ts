import { describe, expect, it } from 'vitest';
import { testProject } from '../../../shared/domain/test-records';
import {
  emptyProjectFilter,
  filterFromSearch,
  filterToSearch,
  isEmptyFilter,
  matchesFilter,
  type ProjectFilter,
} from './project-filter';

const agentId = '6f1c8e2a-3b7d-4e59-8a0c-5d2e9b7f4a21';
const agentNames = new Map([[agentId, '张三']]);
const summary = {
  project: testProject({
    name: '智能装备产业园',
    code: '2026-320115',
    level: 'city',
    status: 'active',
    helperAgentIds: [agentId],
  }),
  stage: 'constructionPermit' as const,
  overdue: 0,
};
const filter = (fields: Partial<ProjectFilter>) => ({ ...emptyProjectFilter, ...fields });

describe('matchesFilter', () => {
  it('lets everything through when empty', () => {
    expect(matchesFilter(summary, emptyProjectFilter, agentNames)).toBe(true);
    expect(isEmptyFilter(emptyProjectFilter)).toBe(true);
    expect(isEmptyFilter(filter({ query: '  ' }))).toBe(true);
  });

  it('searches name, code, owner and helper-agent names', () => {
    for (const query of ['产业园', '320115', '物流公司', '张三']) {
      expect(matchesFilter(summary, filter({ query }), agentNames)).toBe(true);
    }
    expect(matchesFilter(summary, filter({ query: '李四' }), agentNames)).toBe(false);
  });

  it('holds each chosen field, all of them together', () => {
    expect(
      matchesFilter(summary, filter({ stage: 'constructionPermit', level: 'city' }), agentNames),
    ).toBe(true);
    expect(matchesFilter(summary, filter({ stage: 'completion' }), agentNames)).toBe(false);
    expect(matchesFilter(summary, filter({ level: 'district' }), agentNames)).toBe(false);
    expect(matchesFilter(summary, filter({ status: 'started' }), agentNames)).toBe(false);
    expect(matchesFilter(summary, filter({ agentId: 'someone-else' }), agentNames)).toBe(false);
    expect(matchesFilter(summary, filter({ hasOverdue: true }), agentNames)).toBe(false);
    expect(
      matchesFilter({ ...summary, overdue: 2 }, filter({ hasOverdue: true }), agentNames),
    ).toBe(true);
    expect(isEmptyFilter(filter({ hasOverdue: true }))).toBe(false);
  });
});

describe('the filter in the URL', () => {
  it('goes there and back unchanged', () => {
    const full = filter({
      query: '产业园 一期',
      stage: 'engineeringPermit',
      level: 'province',
      agentId,
      status: 'suspended',
      hasOverdue: true,
    });
    expect(filterFromSearch(new URLSearchParams(filterToSearch(full).toString()))).toEqual(full);
    expect(filterToSearch(emptyProjectFilter).toString()).toBe('');
    expect(filterFromSearch(new URLSearchParams())).toEqual(emptyProjectFilter);
  });

  it('drops values the app does not know', () => {
    expect(filterFromSearch(new URLSearchParams('stage=moon&level=x&status=&overdue=yes'))).toEqual(
      emptyProjectFilter,
    );
  });
});
