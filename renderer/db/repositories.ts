import {
  approvalItemInputSchema,
  type ApprovalItem,
  type ApprovalItemInput,
} from '../../shared/domain/approval-item';
import {
  catalogItemInputSchema,
  type CatalogItem,
  type CatalogItemInput,
} from '../../shared/domain/catalog-item';
import { actorSchema, type Actor } from '../../shared/domain/change';
import {
  handlingStepInputSchema,
  type HandlingStep,
  type HandlingStepInput,
} from '../../shared/domain/handling-step';
import {
  helperAgentInputSchema,
  type HelperAgent,
  type HelperAgentInput,
} from '../../shared/domain/helper-agent';
import {
  missingItemInputSchema,
  type MissingItem,
  type MissingItemInput,
} from '../../shared/domain/missing-item';
import { problemInputSchema, type Problem, type ProblemInput } from '../../shared/domain/problem';
import {
  projectInputSchema,
  type KeyProject,
  type ProjectInput,
} from '../../shared/domain/project';
import {
  teamSettingsId,
  teamSettingsInputSchema,
  type TeamSettings,
  type TeamSettingsInput,
} from '../../shared/domain/settings';
import { yearScheduleSchema, type YearSchedule } from '../../shared/calendar/year-schedule';
import type { HolidaySchedule } from '../../shared/domain/settings';
import type { z } from 'zod';
import type { RecordMeta } from '../../shared/domain/common';
import { createWorkingDayCalendar } from '../../shared/calendar/working-day-calendar';
import type { Device } from '../../shared/domain/device';
import { holidayScheduleId } from '../../shared/domain/settings';
import { itemStatusRule, promisedDateRule } from '../../shared/domain/write-rules';
import { writeCell } from '../../shared/sync/record-cells';
import type { JsonValue } from '../../shared/sync/message';
import { recordSchemas } from '../../shared/domain/records';
import type { Conflict, DaibanDatabase, RowSyncMeta, SyncedTable } from './database';
import {
  createRecordRepository,
  RecordNotFoundError,
  type Clock,
  type WriteRule,
} from './record-repository';
import { readLiveRows, schedulesForCounting } from './live-records';
import { readClocks } from './row-clocks';
import { seedDefaults } from './seeds';
import { syncScope, type SyncEngine } from './sync-engine';

const actorKey = 'actor';

/** An approval item read from a ledger file: its project and place are the import's to give. */
export type ImportedItem = Omit<ApprovalItemInput, 'projectId' | 'sortOrder'>;

export class NoActorError extends Error {
  constructor() {
    super('no user set up on this install');
  }
}

/** Every repository of one database; all writes of the app go through these. */
export function createRepositories(
  db: DaibanDatabase,
  engine: SyncEngine,
  now: Clock = () => new Date(),
) {
  let actor: Actor | null = null;
  const currentActor = () => {
    if (!actor) throw new NoActorError();
    return actor;
  };
  const repository = <Input extends object, Row extends Input & RecordMeta>(
    table: SyncedTable,
    schema: z.ZodType<Input>,
    rule?: WriteRule<Row>,
  ) => createRecordRepository<Input, Row>(db, engine, table, schema, currentActor, now, rule);

  const projects = repository<ProjectInput, KeyProject>('projects', projectInputSchema);
  const approvalItems = repository<ApprovalItemInput, ApprovalItem>(
    'approvalItems',
    approvalItemInputSchema,
    itemStatusRule,
  );
  const missingItems = repository<MissingItemInput, MissingItem>(
    'missingItems',
    missingItemInputSchema,
    async (before, after) => {
      const item = await db.approvalItems.get(after.approvalItemId);
      const schedules = await readLiveRows(db, 'holidaySchedules');
      const calendar = createWorkingDayCalendar(schedulesForCounting(schedules));
      return promisedDateRule(before, after, item, calendar);
    },
  );
  const catalogItems = repository<CatalogItemInput, CatalogItem>(
    'catalogItems',
    catalogItemInputSchema,
  );
  const holidaySchedules = repository<YearSchedule, HolidaySchedule>(
    'holidaySchedules',
    yearScheduleSchema,
  );
  const settings = repository<TeamSettingsInput, TeamSettings>('settings', teamSettingsInputSchema);

  /** The next sort order after a project's existing items of a stage. */
  async function nextSortOrder(projectId: string): Promise<number> {
    const items = await db.approvalItems.where('projectId').equals(projectId).toArray();
    return items.reduce((max, item) => Math.max(max, item.sortOrder), 0) + 10;
  }

  async function addItemsFromCatalog(projectId: string, catalogIds: readonly string[]) {
    return db.transaction('rw', [db.approvalItems, db.catalogItems, ...syncScope(db)], async () => {
      let sortOrder = await nextSortOrder(projectId);
      const created: ApprovalItem[] = [];
      for (const catalogId of catalogIds) {
        const entry = await db.catalogItems.get(catalogId);
        if (!entry || entry.deleted || entry._incomplete) continue;
        created.push(
          await approvalItems.create({
            projectId,
            catalogItemId: entry.id,
            stage: entry.stage,
            name: entry.name,
            department: entry.department,
            departmentLevel: entry.departmentLevel,
            handlingMode: 'regular',
            status: 'notStarted',
            pausedIntervals: [],
            submittedOn: null,
            acceptedOn: null,
            completedOn: null,
            timeLimit: entry.timeLimit,
            certificateNo: '',
            commitmentCheck: null,
            notes: '',
            sortOrder: sortOrder + entry.sortOrder / 1000,
          }),
        );
        sortOrder += 10;
      }
      return created;
    });
  }

  /**
   * Imported items, added after the project's own; one of the same stage and name as a kept item
   * updates it when `updateSame`, and is left out otherwise.
   */
  async function importItems(
    projectId: string,
    items: readonly ImportedItem[],
    updateSame: boolean,
  ) {
    const kept = (await db.approvalItems.where('projectId').equals(projectId).toArray()).filter(
      (item) => !item.deleted && !item._incomplete,
    );
    const byName = new Map(kept.map((item) => [`${item.stage}|${item.name}`, item]));
    let sortOrder = await nextSortOrder(projectId);
    for (const item of items) {
      const same = byName.get(`${item.stage}|${item.name}`);
      if (same) {
        if (updateSame) await approvalItems.update(same.id, item);
      } else {
        await approvalItems.create({ ...item, projectId, sortOrder });
        sortOrder += 10;
      }
    }
  }

  /**
   * This computer's record in the team's devices, with who uses it: other computers name the
   * author of each change by it. A change of name or unit adds an entry; earlier changes keep
   * the earlier name.
   */
  async function recordDeviceUser(user: Actor): Promise<void> {
    await db.transaction('rw', [db.devices, ...syncScope(db)], async () => {
      const { deviceId, node } = await engine.identity();
      const existing = await db.devices.get(deviceId);
      const latest = existing?.users.at(-1);
      if (latest?.name === user.name && latest.unit === user.unit) return;
      // From now on: a fresh timestamp, older than the write that records it.
      const users = [...(existing?.users ?? []), { since: await engine.tick(), ...user }];
      const at = now().toISOString();
      const row: Device = {
        node,
        users,
        id: deviceId,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
        deleted: false,
      };
      const stamped = await engine.stampLocalWrite('devices', existing, row);
      if (stamped) await db.devices.put(stamped);
    });
  }

  /** 冲突: puts the value that lost back, as a new change of this user's; the conflict is closed. */
  async function restoreConflict(conflict: Conflict): Promise<void> {
    const table = conflict.table as SyncedTable;
    await db.transaction('rw', [db.table(table), db.conflicts, ...syncScope(db)], async () => {
      currentActor();
      const existing = (await db.table(table).get(conflict.row)) as
        (Record<string, unknown> & RowSyncMeta & { id: string }) | undefined;
      if (!existing || existing._incomplete) throw new RecordNotFoundError(table, conflict.row);
      const { _clocks, _incomplete, ...fields } = existing;
      const after = structuredClone(fields);
      const clocks = readClocks(_clocks);
      writeCell(
        table,
        after,
        conflict.cell,
        conflict.loser.value as JsonValue,
        (cell) => clocks[cell]?.[0],
      );
      recordSchemas[table].parse(after);
      const stamped = await engine.stampLocalWrite(table, existing, after);
      if (stamped) await db.table(table).put(stamped);
      await db.conflicts.update(conflict.id, { open: 0 });
    });
  }

  return {
    restoreConflict,
    dismissConflict: (id: string) => db.conflicts.update(id, { open: 0 }),
    projects,
    helperAgents: repository<HelperAgentInput, HelperAgent>('helperAgents', helperAgentInputSchema),
    approvalItems,
    missingItems,
    handlingSteps: repository<HandlingStepInput, HandlingStep>(
      'handlingSteps',
      handlingStepInputSchema,
    ),
    problems: repository<ProblemInput, Problem>('problems', problemInputSchema),
    catalogItems,

    /** A new project with the chosen catalog items as its approval items, in one transaction. */
    async createProject(input: ProjectInput, catalogIds: readonly string[] = []) {
      return db.transaction(
        'rw',
        [db.projects, db.approvalItems, db.catalogItems, ...syncScope(db)],
        async () => {
          const project = await projects.create(input);
          await addItemsFromCatalog(project.id, catalogIds);
          return project;
        },
      );
    },

    addItemsFromCatalog,

    /**
     * A project from an imported ledger (台账) with its approval items, in one transaction: every
     * record an ordinary change (修改记录, sync), checked by the same schemas and rules.
     */
    async createProjectWithItems(input: ProjectInput, items: readonly ImportedItem[]) {
      return db.transaction('rw', [db.projects, db.approvalItems, ...syncScope(db)], async () => {
        const project = await projects.create(input);
        await importItems(project.id, items, false);
        return project;
      });
    },

    /**
     * A kept project updated from an imported ledger: the fields the file gives, and its items
     * (see importItems).
     */
    async updateProjectWithItems(
      projectId: string,
      patch: Partial<ProjectInput>,
      items: readonly ImportedItem[],
      updateSame: boolean,
    ) {
      return db.transaction('rw', [db.projects, db.approvalItems, ...syncScope(db)], async () => {
        const project = await projects.update(projectId, patch);
        await importItems(projectId, items, updateSame);
        return project;
      });
    },

    /** Puts in the default catalog entries and team settings this database never had. */
    seedCatalog: () => seedDefaults(db),

    /** Enters or replaces a year's holiday schedule. */
    async saveHolidaySchedule(schedule: YearSchedule): Promise<HolidaySchedule> {
      const id = holidayScheduleId(schedule.year);
      return db.transaction('rw', [db.holidaySchedules, ...syncScope(db)], async () => {
        const existing = await db.holidaySchedules.get(id);
        return existing && !existing.deleted && !existing._incomplete
          ? holidaySchedules.update(id, schedule)
          : holidaySchedules.create(schedule, id);
      });
    },
    removeHolidaySchedule: (id: string) => holidaySchedules.remove(id),

    async updateTeamSettings(patch: Partial<TeamSettingsInput>): Promise<TeamSettings> {
      return db.transaction('rw', [db.settings, db.catalogItems, ...syncScope(db)], async () => {
        await seedDefaults(db);
        return settings.update(teamSettingsId, patch);
      });
    },

    /** Who uses this install; null until the first-start form is filled in. */
    async loadActor(): Promise<Actor | null> {
      const entry = await db.device.get(actorKey);
      const parsed = actorSchema.safeParse(entry?.value);
      actor = parsed.success ? parsed.data : null;
      if (actor) await recordDeviceUser(actor);
      return actor;
    },

    async saveActor(input: Actor): Promise<Actor> {
      const parsed = actorSchema.parse(input);
      await db.device.put({ key: actorKey, value: parsed });
      actor = parsed;
      await recordDeviceUser(parsed);
      return parsed;
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
