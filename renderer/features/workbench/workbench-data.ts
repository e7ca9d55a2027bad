import {
  helperAgentsOfUser,
  projectsInScope,
  type WorkbenchScope,
} from '../../../shared/dashboard/workbench';
import { actorSchema } from '../../../shared/domain/change';
import type { HelperAgent } from '../../../shared/domain/helper-agent';
import type { DaibanDatabase } from '../../db/database';
import { readPackedItems } from '../../db/derived-rows';
import { isLiveRow, keepLive, readLiveRows, type LiveProjectData } from '../../db/live-records';

/** What 工作台 shows, read in one snapshot: the user, whose projects are theirs, and those records. */
export type WorkbenchData = {
  userName: string;
  /** The helper-agents the user is (by name); none when the user is not one. */
  myAgents: HelperAgent[];
  /** 我的 only when asked for and the user is a helper-agent; else 全队. */
  scope: WorkbenchScope;
  /** The live records of the projects in scope (every project on 全队). */
  records: LiveProjectData;
};

/**
 * Reads 工作台's records. On 我的 only the user's projects' records are read, through the
 * projectId indexes — a helper-agent holds a few dozen of a city's 2,000 projects, so the screen
 * a user opens on reads a small part of the database. 全队 reads the approval items from their
 * per-project packs, and of the handling steps, missing items and problems only those 工作台 may
 * show (renderer/db/derived-rows.ts). Liveness is renderer/db/live-records.ts's, applied to the rows read.
 */
export function readWorkbenchData(
  db: DaibanDatabase,
  requested: WorkbenchScope,
): Promise<WorkbenchData> {
  const tables = [
    db.projects,
    db.approvalItems,
    db.itemPacks,
    db.missingItems,
    db.handlingSteps,
    db.problems,
    db.helperAgents,
    db.device,
  ];
  return db.transaction('r', tables, async () => {
    const [projects, agents, actorEntry] = await Promise.all([
      db.projects.toArray(),
      readLiveRows(db, 'helperAgents'),
      db.device.get('actor'),
    ]);
    const actor = actorSchema.safeParse(actorEntry?.value);
    const userName = actor.success ? actor.data.name : '';
    const myAgents = helperAgentsOfUser(userName, agents);
    if (requested === 'team' || myAgents.length === 0) {
      // Only the records 工作台 may show (renderer/db/derived-rows.ts), the items from their packs.
      const [approvalItems, missingItems, handlingSteps, problems] = await Promise.all([
        readPackedItems(db),
        db.missingItems.where('_attention').equals(1).toArray(),
        db.handlingSteps.where('_attention').equals(1).toArray(),
        db.problems.where('_attention').equals(1).toArray(),
      ]);
      return {
        userName,
        myAgents,
        scope: 'team',
        records: keepLive({
          projects,
          approvalItems,
          missingItems,
          handlingSteps,
          problems,
        }),
      };
    }
    const mine = projectsInScope(
      projects.filter(isLiveRow),
      myAgents.map((agent) => agent.id),
    );
    const ids = mine.map((project) => project.id);
    // One getAll per project and table: anyOf() would walk a cursor, a round trip per row.
    const ofMine = async <T>(read: (projectId: string) => PromiseLike<T[]>) =>
      (await Promise.all(ids.map(read))).flat();
    const [approvalItems, missingItems, handlingSteps, problems] = await Promise.all([
      ofMine((id) => db.approvalItems.where('projectId').equals(id).toArray()),
      ofMine((id) => db.missingItems.where('projectId').equals(id).toArray()),
      ofMine((id) => db.handlingSteps.where('projectId').equals(id).toArray()),
      ofMine((id) => db.problems.where('projectId').equals(id).toArray()),
    ]);
    return {
      userName,
      myAgents,
      scope: 'mine',
      records: keepLive({ projects: mine, approvalItems, missingItems, handlingSteps, problems }),
    };
  });
}
