import {
  keyProjectSchema,
  projectInputSchema,
  type KeyProject,
  type ProjectInput,
} from '../../shared/domain/project';
import { planImport, type DataFile, type ImportPlan } from '../../shared/exchange/data-file';
import type { DaibanDatabase } from './database';

export type Clock = () => Date;

/**
 * Every write to projects goes through here: it validates, stamps times, and never removes rows
 * (deletes set `deleted`), so the sync engine can hook one place later.
 */
export function createProjectRepository(db: DaibanDatabase, now: Clock = () => new Date()) {
  async function localProjectsById(): Promise<Map<string, KeyProject>> {
    const all = await db.projects.toArray();
    return new Map(all.map((project) => [project.id, project]));
  }

  return {
    async create(input: ProjectInput): Promise<KeyProject> {
      const at = now().toISOString();
      const project = keyProjectSchema.parse({
        ...projectInputSchema.parse(input),
        id: crypto.randomUUID(),
        createdAt: at,
        updatedAt: at,
        deleted: false,
      });
      await db.projects.add(project);
      return project;
    },

    async update(id: string, input: ProjectInput): Promise<KeyProject> {
      const fields = projectInputSchema.parse(input);
      return db.transaction('rw', db.projects, async () => {
        const existing = await db.projects.get(id);
        if (!existing || existing.deleted) throw new Error(`project ${id} not found`);
        const project: KeyProject = { ...existing, ...fields, updatedAt: now().toISOString() };
        await db.projects.put(project);
        return project;
      });
    },

    async remove(id: string): Promise<void> {
      await db.projects.update(id, { deleted: true, updatedAt: now().toISOString() });
    },

    /** Every project, deleted ones included: a data file must carry deletions too. */
    all(): Promise<KeyProject[]> {
      return db.projects.toArray();
    },

    async previewImport(file: DataFile): Promise<ImportPlan> {
      return planImport(await localProjectsById(), file.projects);
    },

    /** Applies a validated file in one transaction: all of it or, on any failure, none. */
    async importFile(file: DataFile): Promise<ImportPlan> {
      return db.transaction('rw', db.projects, async () => {
        const plan = planImport(await localProjectsById(), file.projects);
        await db.projects.bulkPut([...plan.added, ...plan.updated]);
        return plan;
      });
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
