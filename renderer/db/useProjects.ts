import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyProject } from '../../shared/domain/project';
import { db } from './index';
import { isLiveRow } from './live-records';

/** Live list of live projects, most recently changed first; undefined while loading. */
export function useProjects(): KeyProject[] | undefined {
  return useLiveQuery(async () => {
    const projects = await db.projects.orderBy('updatedAt').reverse().toArray();
    return projects.filter(isLiveRow);
  });
}

/** One project; null when it does not exist or is not live, undefined while loading. */
export function useProject(id: string | undefined): KeyProject | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const project = await db.projects.get(id);
    return project && isLiveRow(project) ? project : null;
  }, [id]);
}
