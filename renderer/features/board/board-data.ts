import type { HelperAgent } from '../../../shared/domain/helper-agent';
import type { DaibanDatabase } from '../../db/database';
import { readPackedItems } from '../../db/derived-rows';
import { keepLive, readLiveRows, type LiveProjectData } from '../../db/live-records';

export type BoardData = { records: LiveProjectData; helperAgents: HelperAgent[] };

/**
 * What 看板 reads, in one snapshot: the projects, their approval items and the helper-agents.
 * No chart counts missing items, handling steps or problems, so they are not read (of a city's
 * 145,000 rows, 93,000), and the approval items come from their per-project packs
 * (renderer/db/derived-rows.ts); liveness is renderer/db/live-records.ts's.
 */
export function readBoardData(db: DaibanDatabase): Promise<BoardData> {
  return db.transaction('r', [db.projects, db.itemPacks, db.helperAgents], async () => {
    const [projects, approvalItems, helperAgents] = await Promise.all([
      db.projects.toArray(),
      readPackedItems(db),
      readLiveRows(db, 'helperAgents'),
    ]);
    return {
      records: keepLive({
        projects,
        approvalItems,
        missingItems: [],
        handlingSteps: [],
        problems: [],
      }),
      helperAgents,
    };
  });
}
