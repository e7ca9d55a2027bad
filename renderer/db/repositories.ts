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
  defaultTeamSettings,
  teamSettingsId,
  teamSettingsInputSchema,
  type TeamSettings,
  type TeamSettingsInput,
} from '../../shared/domain/settings';
import { yearScheduleSchema, type YearSchedule } from '../../shared/calendar/year-schedule';
import { defaultCatalog } from '../../shared/catalog/default-catalog';
import type { HolidaySchedule } from '../../shared/domain/settings';
import type { z } from 'zod';
import type { RecordMeta } from '../../shared/domain/common';
import type { DaibanDatabase, SyncedTable } from './database';
import { createRecordRepository, type Clock } from './record-repository';

const actorKey = 'actor';

export class NoActorError extends Error {
  constructor() {
    super('no user set up on this install');
  }
}

/** Every repository of one database; all writes of the app go through these. */
export function createRepositories(db: DaibanDatabase, now: Clock = () => new Date()) {
  let actor: Actor | null = null;
  const currentActor = () => {
    if (!actor) throw new NoActorError();
    return actor;
  };
  const repository = <Input extends object, Row extends Input & RecordMeta>(
    table: SyncedTable,
    schema: z.ZodType<Input>,
  ) => createRecordRepository<Input, Row>(db, table, schema, currentActor, now);

  const projects = repository<ProjectInput, KeyProject>('projects', projectInputSchema);
  const approvalItems = repository<ApprovalItemInput, ApprovalItem>(
    'approvalItems',
    approvalItemInputSchema,
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
    return db.transaction('rw', db.approvalItems, db.catalogItems, db.changes, async () => {
      let sortOrder = await nextSortOrder(projectId);
      const created: ApprovalItem[] = [];
      for (const catalogId of catalogIds) {
        const entry = await db.catalogItems.get(catalogId);
        if (!entry || entry.deleted) continue;
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

  return {
    projects,
    helperAgents: repository<HelperAgentInput, HelperAgent>('helperAgents', helperAgentInputSchema),
    approvalItems,
    missingItems: repository<MissingItemInput, MissingItem>('missingItems', missingItemInputSchema),
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
        [db.projects, db.approvalItems, db.catalogItems, db.changes],
        async () => {
          const project = await projects.create(input);
          await addItemsFromCatalog(project.id, catalogIds);
          return project;
        },
      );
    },

    addItemsFromCatalog,

    /** Puts in any default catalog entry this database has never had (deleted ones stay deleted). */
    async seedCatalog(): Promise<number> {
      return db.transaction('rw', db.catalogItems, db.changes, async () => {
        const known = new Set(await db.catalogItems.toCollection().primaryKeys());
        const missing = defaultCatalog.filter((entry) => !known.has(entry.id));
        for (const { id, ...entry } of missing) await catalogItems.create(entry, id);
        return missing.length;
      });
    },

    /** Enters or replaces a year's holiday schedule. */
    async saveHolidaySchedule(schedule: YearSchedule): Promise<HolidaySchedule> {
      return db.transaction('rw', db.holidaySchedules, db.changes, async () => {
        const existing = (
          await db.holidaySchedules.where('year').equals(schedule.year).toArray()
        ).find((row) => !row.deleted);
        return existing
          ? holidaySchedules.update(existing.id, schedule)
          : holidaySchedules.create(schedule);
      });
    },
    removeHolidaySchedule: (id: string) => holidaySchedules.remove(id),

    async updateTeamSettings(patch: Partial<TeamSettingsInput>): Promise<TeamSettings> {
      return db.transaction('rw', db.settings, db.changes, async () => {
        const existing = await db.settings.get(teamSettingsId);
        if (!existing) return settings.create({ ...defaultTeamSettings, ...patch }, teamSettingsId);
        return settings.update(teamSettingsId, patch);
      });
    },

    /** Who uses this install; null until the first-start form is filled in. */
    async loadActor(): Promise<Actor | null> {
      const entry = await db.device.get(actorKey);
      const parsed = actorSchema.safeParse(entry?.value);
      actor = parsed.success ? parsed.data : null;
      return actor;
    },

    async saveActor(input: Actor): Promise<Actor> {
      const parsed = actorSchema.parse(input);
      await db.device.put({ key: actorKey, value: parsed });
      actor = parsed;
      return parsed;
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
