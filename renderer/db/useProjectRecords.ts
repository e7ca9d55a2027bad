import { useLiveQuery } from 'dexie-react-hooks';
import { db } from './index';
import {
  readLiveProjectData,
  readLiveProjectRecords,
  type LiveDataOptions,
  type LiveProjectData,
  type ProjectRecords,
} from './live-records';

export type { LiveProjectData, ProjectRecords };

const noRecords: ProjectRecords = {
  approvalItems: [],
  missingItems: [],
  handlingSteps: [],
  problems: [],
};

/** Everything live under one project, in the order its tabs show it; undefined while loading. */
export function useProjectRecords(projectId: string | undefined): ProjectRecords | undefined {
  return useLiveQuery(async () => {
    if (!projectId) return noRecords;
    const records = await readLiveProjectRecords(db, projectId);
    return {
      approvalItems: records.approvalItems.sort((a, b) => a.sortOrder - b.sortOrder),
      missingItems: records.missingItems.sort((a, b) => a.promisedOn.localeCompare(b.promisedOn)),
      handlingSteps: records.handlingSteps.sort(
        (a, b) => b.on.localeCompare(a.on) || b.createdAt.localeCompare(a.createdAt),
      ),
      problems: records.problems.sort((a, b) => b.raisedOn.localeCompare(a.raisedOn)),
    };
  }, [projectId]);
}

/**
 * Every live project, most recently changed first, with everything live under it: the inputs of
 * every count across projects (工作台, the project list). One read, so the counts agree.
 */
export function useAllProjectRecords(options: LiveDataOptions = {}): LiveProjectData | undefined {
  const steps = options.handlingSteps ?? 'all';
  return useLiveQuery(async () => {
    const data = await readLiveProjectData(db, { handlingSteps: steps });
    data.projects.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return data;
  }, [steps]);
}
