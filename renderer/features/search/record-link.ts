import type { SearchKind } from '../../../shared/search/search-index';

/** The project tab each kind of record lives on (see ProjectPage's tabs). */
const tabOfKind: Record<SearchKind, string> = {
  project: 'overview',
  approvalItem: 'items',
  missingItem: 'missing',
  handlingStep: 'steps',
  problem: 'problems',
};

/**
 * Where a record opens: its project's page on the record's tab, with `open` naming the record so
 * the tab opens its drawer or form (useOpenLinked). Search and reminders both link this way.
 */
export function recordLink(target: { kind: SearchKind; id: string; projectId: string }): string {
  const tab = tabOfKind[target.kind];
  const open = target.kind === 'project' ? '' : `&open=${encodeURIComponent(target.id)}`;
  return `/projects/${encodeURIComponent(target.projectId)}?tab=${tab}${open}`;
}
