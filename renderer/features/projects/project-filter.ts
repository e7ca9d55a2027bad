import {
  projectLevels,
  projectStatuses,
  type KeyProject,
  type ProjectLevel,
  type ProjectStatus,
} from '../../../shared/domain/project';
import { stages, type Stage } from '../../../shared/domain/stages';

/**
 * The project list's filter. It lives in the list's URL, so the summary sheet printed from the
 * list covers exactly the projects the list shows, and going back from the preview finds the
 * list as it was left.
 */
export type ProjectFilter = {
  query: string;
  stage?: Stage;
  level?: ProjectLevel;
  agentId?: string;
  status?: ProjectStatus;
  hasOverdue: boolean;
};

export const emptyProjectFilter: ProjectFilter = { query: '', hasOverdue: false };

/** What the filter looks at of a project's summary (see useProjectSummaries). */
export type FilteredSummary = { project: KeyProject; stage: Stage | null; overdue: number };

export function matchesFilter(
  summary: FilteredSummary,
  filter: ProjectFilter,
  agentNames: ReadonlyMap<string, string>,
): boolean {
  const { project } = summary;
  const needle = filter.query.trim().toLowerCase();
  const text = [
    project.name,
    project.code,
    project.ownerCompany,
    ...project.helperAgentIds.map((id) => agentNames.get(id) ?? ''),
  ];
  return (
    (!needle || text.some((value) => value.toLowerCase().includes(needle))) &&
    (!filter.stage || summary.stage === filter.stage) &&
    (!filter.level || project.level === filter.level) &&
    (!filter.agentId || project.helperAgentIds.includes(filter.agentId)) &&
    (!filter.status || project.status === filter.status) &&
    (!filter.hasOverdue || summary.overdue > 0)
  );
}

/** True when the filter lets every project through. */
export function isEmptyFilter(filter: ProjectFilter): boolean {
  return (
    filter.query.trim() === '' &&
    !filter.stage &&
    !filter.level &&
    !filter.agentId &&
    !filter.status &&
    !filter.hasOverdue
  );
}

/** The filter as URL parameters; what is not set is left out. */
export function filterToSearch(filter: ProjectFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.query) params.set('q', filter.query);
  if (filter.stage) params.set('stage', filter.stage);
  if (filter.level) params.set('level', filter.level);
  if (filter.agentId) params.set('agent', filter.agentId);
  if (filter.status) params.set('status', filter.status);
  if (filter.hasOverdue) params.set('overdue', '1');
  return params;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.find((candidate) => candidate === value);

/** The filter from URL parameters; a value the app does not know (an old link) is dropped. */
export function filterFromSearch(params: URLSearchParams): ProjectFilter {
  const filter: ProjectFilter = {
    query: params.get('q') ?? '',
    hasOverdue: params.get('overdue') === '1',
  };
  const stage = oneOf(stages, params.get('stage'));
  const level = oneOf(projectLevels, params.get('level'));
  const status = oneOf(projectStatuses, params.get('status'));
  const agentId = params.get('agent');
  if (stage) filter.stage = stage;
  if (level) filter.level = level;
  if (status) filter.status = status;
  if (agentId) filter.agentId = agentId;
  return filter;
}

/** The filter in words, for the summary sheet's scope line: 当前阶段：施工许可；项目级别：区重点. */
export function describeFilter(
  filter: ProjectFilter,
  t: (key: string, values?: Record<string, string>) => string,
  agentNames: ReadonlyMap<string, string>,
): string {
  const parts: string[] = [];
  const query = filter.query.trim();
  if (query) parts.push(t('print.summary.filter.query', { value: query }));
  if (filter.stage) {
    parts.push(t('print.summary.filter.stage', { value: t(`stage.${filter.stage}`) }));
  }
  if (filter.level) {
    parts.push(t('print.summary.filter.level', { value: t(`level.${filter.level}`) }));
  }
  if (filter.agentId) {
    const name = agentNames.get(filter.agentId) ?? filter.agentId;
    parts.push(t('print.summary.filter.agent', { value: name }));
  }
  if (filter.status) {
    parts.push(t('print.summary.filter.status', { value: t(`projectStatus.${filter.status}`) }));
  }
  if (filter.hasOverdue) parts.push(t('print.summary.filter.hasOverdue'));
  return parts.join('；');
}
