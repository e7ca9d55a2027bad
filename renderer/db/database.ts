import { Dexie, type EntityTable } from 'dexie';
import type { ApprovalItem } from '../../shared/domain/approval-item';
import type { CatalogItem } from '../../shared/domain/catalog-item';
import type { ChangeRecord } from '../../shared/domain/change';
import type { HandlingStep } from '../../shared/domain/handling-step';
import type { HelperAgent } from '../../shared/domain/helper-agent';
import type { MissingItem } from '../../shared/domain/missing-item';
import type { Problem } from '../../shared/domain/problem';
import { emptyProjectInput, type KeyProject } from '../../shared/domain/project';
import type { HolidaySchedule, TeamSettings } from '../../shared/domain/settings';

export { syncedTables, type SyncedTable } from '../../shared/domain/records';

/** Settings of this install only (never synced): who uses it. */
export type DeviceEntry = { key: string; value: unknown };

/**
 * The app's IndexedDB database. Versions only ever get added: each `version(n)` stays as written
 * so every user's database upgrades step by step. Only files in renderer/db touch it.
 */
export class DaibanDatabase extends Dexie {
  projects!: EntityTable<KeyProject, 'id'>;
  helperAgents!: EntityTable<HelperAgent, 'id'>;
  approvalItems!: EntityTable<ApprovalItem, 'id'>;
  missingItems!: EntityTable<MissingItem, 'id'>;
  handlingSteps!: EntityTable<HandlingStep, 'id'>;
  problems!: EntityTable<Problem, 'id'>;
  catalogItems!: EntityTable<CatalogItem, 'id'>;
  holidaySchedules!: EntityTable<HolidaySchedule, 'id'>;
  settings!: EntityTable<TeamSettings, 'id'>;
  changes!: EntityTable<ChangeRecord, 'id'>;
  device!: EntityTable<DeviceEntry, 'key'>;

  constructor(name = 'daiban') {
    super(name);
    this.version(1).stores({
      projects: 'id, updatedAt',
    });
    this.version(2)
      .stores({
        helperAgents: 'id',
        approvalItems: 'id, projectId',
        missingItems: 'id, projectId, approvalItemId',
        handlingSteps: 'id, projectId',
        problems: 'id, projectId',
        catalogItems: 'id',
        holidaySchedules: 'id, year',
        settings: 'id',
        changes: 'id, recordId',
        device: 'key',
      })
      .upgrade(async (tx) => {
        // v1 kept the helper-agent as a name on the project; v2 has helper-agent records.
        const agents = new Map<string, HelperAgent>();
        await tx
          .table<KeyProject & { helperAgent?: string }, string>('projects')
          .toCollection()
          .modify((project) => {
            const name = project.helperAgent?.trim();
            delete project.helperAgent;
            let agent = name ? agents.get(name) : undefined;
            if (name && !agent) {
              agent = {
                id: crypto.randomUUID(),
                name,
                unit: '',
                phone: '',
                active: true,
                createdAt: project.createdAt,
                updatedAt: project.updatedAt,
                deleted: false,
              };
              agents.set(name, agent);
            }
            Object.assign(project, {
              ...emptyProjectInput(),
              ...project,
              helperAgentIds: agent ? [agent.id] : [],
            });
          });
        await tx.table('helperAgents').bulkAdd([...agents.values()]);
      });
  }
}
