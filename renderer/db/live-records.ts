import type { ApprovalItem } from '../../shared/domain/approval-item';
import type { HandlingStep } from '../../shared/domain/handling-step';
import type { MissingItem } from '../../shared/domain/missing-item';
import type { Problem } from '../../shared/domain/problem';
import type { KeyProject } from '../../shared/domain/project';
import type { RecordOf, SyncedTable } from '../../shared/domain/records';
import type { HolidaySchedule } from '../../shared/domain/settings';
import type { YearSchedule } from '../../shared/calendar/year-schedule';
import type { DaibanDatabase, RowSyncMeta } from './database';
import { readPackedItems } from './derived-rows';

/**
 * Live records: what every list, count and summary of the app shows. Defined here once, so no
 * screen filters rows itself. A stored row is live when
 * - it is not deleted (a delete only sets `deleted`: it must travel to other computers);
 * - it is complete (`_incomplete`: fields of it arrived from another computer before its
 *   creation did, see sync-engine.ts);
 * - and its parents are live: an approval item, a handling step and a problem need their project;
 *   a missing item needs its project and its approval item (of the same project).
 *
 * Parents are looked up, never written: deleting a project leaves its records as they are and they
 * drop out of sight because the project did; a child that arrived before its parent (files come
 * in any order) is kept and appears the moment the parent arrives; a deleted parent that is
 * restored brings its records back.
 *
 * A missing item (容缺材料) goes with its approval item: it is the company's commitment made when
 * that item was accepted, owed to nothing once the item is deleted (an item added by mistake, or
 * found not to be needed), so users expect it gone from the 容缺材料 list and from the deadlines,
 * not left behind as a nameless row that still turns 逾期. A handling step that names a deleted
 * approval item stays: it records what a helper-agent did for the project, which remains true.
 */
export type LiveRow = { deleted: boolean } & RowSyncMeta;

export function isLiveRow(row: LiveRow | null | undefined): boolean {
  return row !== null && row !== undefined && row.deleted !== true && row._incomplete !== true;
}

/** A project's records, live ones only. */
export type ProjectRecords = {
  approvalItems: ApprovalItem[];
  missingItems: MissingItem[];
  handlingSteps: HandlingStep[];
  problems: Problem[];
};

/** Every live project and its live records. */
export type LiveProjectData = ProjectRecords & { projects: KeyProject[] };

type StoredRows = {
  projects: readonly (KeyProject & RowSyncMeta)[];
  approvalItems: readonly (ApprovalItem & RowSyncMeta)[];
  missingItems: readonly (MissingItem & RowSyncMeta)[];
  handlingSteps: readonly (HandlingStep & RowSyncMeta)[];
  problems: readonly (Problem & RowSyncMeta)[];
};

/** The live ones among stored rows, parents checked among the rows given (pure). */
export function keepLive(rows: StoredRows): LiveProjectData {
  const projects = rows.projects.filter(isLiveRow);
  const projectIds = new Set(projects.map((project) => project.id));
  const underLiveProject = <T extends LiveRow & { projectId: string }>(row: T) =>
    isLiveRow(row) && projectIds.has(row.projectId);
  const approvalItems = rows.approvalItems.filter(underLiveProject);
  const itemProjects = new Map(approvalItems.map((item) => [item.id, item.projectId]));
  return {
    projects,
    approvalItems,
    missingItems: rows.missingItems.filter(
      (missing) =>
        underLiveProject(missing) && itemProjects.get(missing.approvalItemId) === missing.projectId,
    ),
    handlingSteps: rows.handlingSteps.filter(underLiveProject),
    problems: rows.problems.filter(underLiveProject),
  };
}

const projectTables = (db: DaibanDatabase) => [
  db.projects,
  db.approvalItems,
  db.missingItems,
  db.handlingSteps,
  db.problems,
];

/** What a reader of every project's records may leave unread. */
export type LiveDataOptions = {
  /**
   * Which handling steps to read: every one (the default); only those 工作台 may show, an open
   * 下一步 or one needing review ('attention', renderer/db/derived-rows.ts); or none. They are the
   * largest table (80,000 rows of a city's 145,000) and the summary sheet does not print them.
   */
  handlingSteps?: 'all' | 'attention' | 'none';
};

/**
 * Every live project and everything live under it, read in one transaction (one snapshot). The
 * approval items come from their per-project packs (renderer/db/derived-rows.ts), which hold the
 * same records at a fraction of the reading.
 */
export function readLiveProjectData(
  db: DaibanDatabase,
  options: LiveDataOptions = {},
): Promise<LiveProjectData> {
  const steps = options.handlingSteps ?? 'all';
  return db.transaction('r', [...projectTables(db), db.itemPacks], async () => {
    const [projects, approvalItems, missingItems, handlingSteps, problems] = await Promise.all([
      db.projects.toArray(),
      readPackedItems(db),
      db.missingItems.toArray(),
      steps === 'all'
        ? db.handlingSteps.toArray()
        : steps === 'attention'
          ? db.handlingSteps.where('_attention').equals(1).toArray()
          : [],
      db.problems.toArray(),
    ]);
    return keepLive({ projects, approvalItems, missingItems, handlingSteps, problems });
  });
}

/** One project's live records; none when the project itself is not live. */
export function readLiveProjectRecords(
  db: DaibanDatabase,
  projectId: string,
): Promise<ProjectRecords> {
  return db.transaction('r', projectTables(db), async () => {
    const project = await db.projects.get(projectId);
    if (!isLiveRow(project)) {
      return { approvalItems: [], missingItems: [], handlingSteps: [], problems: [] };
    }
    const [approvalItems, missingItems, handlingSteps, problems] = await Promise.all([
      db.approvalItems.where('projectId').equals(projectId).toArray(),
      db.missingItems.where('projectId').equals(projectId).toArray(),
      db.handlingSteps.where('projectId').equals(projectId).toArray(),
      db.problems.where('projectId').equals(projectId).toArray(),
    ]);
    const { projects: _projects, ...records } = keepLive({
      projects: project ? [project] : [],
      approvalItems,
      missingItems,
      handlingSteps,
      problems,
    });
    return records;
  });
}

/** Tables whose records stand alone (no parent record). */
export type TeamTable = 'helperAgents' | 'catalogItems' | 'holidaySchedules' | 'devices';

/** Every live record of a table that has no parents: helper-agents, catalog, year schedules… */
export async function readLiveRows<K extends TeamTable>(
  db: DaibanDatabase,
  table: K,
): Promise<RecordOf<K>[]> {
  const rows = (await db.table(table).toArray()) as (RecordOf<K> & RowSyncMeta)[];
  return rows.filter(isLiveRow);
}

/** One record if it is live, parents included; null otherwise. For forms open on a record. */
export function readLiveRecord<K extends SyncedTable>(
  db: DaibanDatabase,
  table: K,
  id: string,
): Promise<RecordOf<K> | null> {
  const tables = new Set([db.table(table), ...projectTables(db)]);
  return db.transaction('r', [...tables], async () => {
    const row = (await db.table(table).get(id)) as (RecordOf<K> & RowSyncMeta) | undefined;
    if (!row || !isLiveRow(row)) return null;
    const parents = row as Partial<{ projectId: unknown; approvalItemId: unknown }>;
    const needsProject = table !== 'projects' && typeof parents.projectId === 'string';
    if (needsProject && !isLiveRow(await db.projects.get(parents.projectId as string))) {
      return null;
    }
    if (table === 'missingItems' && typeof parents.approvalItemId === 'string') {
      const item = await db.approvalItems.get(parents.approvalItemId);
      if (!isLiveRow(item) || item?.projectId !== parents.projectId) return null;
    }
    return row;
  });
}

/**
 * The year schedules as the working-day calendar takes them. A merge can leave one day both off
 * and worked (the two lists are two fields, see shared/domain/record-issues.ts): the schedule
 * shows 需核对, and until it is fixed the day counts as worked, as the calendar reads a make-up day
 * first — deadlines then come no later than either reading, so nobody is warned too late.
 */
export function schedulesForCounting(schedules: readonly HolidaySchedule[]): YearSchedule[] {
  return schedules.map(({ year, holidays, makeUpWorkdays }) => {
    // Days of other years or listed twice cannot come from a valid write, but a file can carry
    // anything each field's own schema lets through: the calendar must not fail on them.
    const ofYear = (dates: readonly string[]) =>
      new Set(dates.filter((date) => date.startsWith(`${year}-`)));
    const worked = ofYear(makeUpWorkdays);
    return {
      year,
      holidays: [...ofYear(holidays)].filter((date) => !worked.has(date)),
      makeUpWorkdays: [...worked],
    };
  });
}
