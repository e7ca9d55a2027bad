import type { z } from 'zod';
import { approvalItemSchema } from './approval-item';
import { catalogItemSchema } from './catalog-item';
import { deviceSchema } from './device';
import { handlingStepSchema } from './handling-step';
import { helperAgentSchema } from './helper-agent';
import { missingItemSchema } from './missing-item';
import { problemSchema } from './problem';
import { keyProjectSchema } from './project';
import { holidayScheduleSchema, teamSettingsSchema } from './settings';

/**
 * The team's shared data, table by table, with the schema every stored record satisfies.
 * These tables are exported to data files and will be synced; a device's own settings are not.
 */
export const recordSchemas = {
  projects: keyProjectSchema,
  helperAgents: helperAgentSchema,
  approvalItems: approvalItemSchema,
  missingItems: missingItemSchema,
  handlingSteps: handlingStepSchema,
  problems: problemSchema,
  catalogItems: catalogItemSchema,
  holidaySchedules: holidayScheduleSchema,
  settings: teamSettingsSchema,
  devices: deviceSchema,
} as const;

export type SyncedTable = keyof typeof recordSchemas;
export const syncedTables = Object.keys(recordSchemas) as SyncedTable[];
export type RecordOf<T extends SyncedTable> = z.infer<(typeof recordSchemas)[T]>;
export type TableRecords = { [T in SyncedTable]: RecordOf<T>[] };
