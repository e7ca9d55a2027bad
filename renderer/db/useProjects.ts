import { useLiveQuery } from 'dexie-react-hooks';
import type { KeyProject } from '../../shared/domain/project';
import { db } from './index';

/** Live list of projects that are not deleted, most recently changed first; undefined while loading. */
export function useProjects(): KeyProject[] | undefined {
  return useLiveQuery(async () => {
    const projects = await db.projects.orderBy('updatedAt').reverse().toArray();
    return projects.filter((project) => !project.deleted);
  });
}

/** One live project; null when it does not exist or was deleted, undefined while loading. */
export function useProject(id: string | undefined): KeyProject | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const project = await db.projects.get(id);
    return project && !project.deleted ? project : null;
  }, [id]);
}
