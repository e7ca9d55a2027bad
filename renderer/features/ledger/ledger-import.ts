import type { TFunction } from 'i18next';
import type { ProjectInput } from '../../../shared/domain/project';
import type { LedgerPlan, PlannedProject } from '../../../shared/ledger/validate';
import type { DaibanDatabase } from '../../db/database';
import { readLiveRows } from '../../db/live-records';
import type { Repositories } from '../../db/repositories';
import { writeErrorText } from '../../ui/write-error';

/** What happens to a row naming a project kept already: left as it is, or updated from the file. */
export type DuplicateChoice = 'skip' | 'update';

export type ImportOutcome = {
  created: number;
  updated: number;
  skipped: number;
  items: number;
  agentsAdded: number;
  /** Rows the database refused after all (a status change the rules do not allow, say). */
  failures: { row: number; text: string }[];
};

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Writes a checked plan's rows through the repositories, project by project (each with its items
 * in one transaction), so every record is an ordinary change with its 修改记录 and goes out by sync.
 * Helper-agents named in the file but unknown here are added first.
 */
export async function importLedgerPlan(
  { db, repositories }: { db: DaibanDatabase; repositories: Repositories },
  plan: LedgerPlan,
  duplicates: DuplicateChoice,
  t: TFunction,
  onProgress: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    created: 0,
    updated: 0,
    skipped: 0,
    items: 0,
    agentsAdded: 0,
    failures: [],
  };
  const written = plan.projects.filter(
    (project) => project.existingId === null || duplicates === 'update',
  );
  outcome.skipped = plan.projects.length - written.length;

  const agentIds = new Map(
    (await readLiveRows(db, 'helperAgents')).map((agent) => [agent.name, agent.id]),
  );
  for (const name of new Set(written.flatMap((project) => project.agentNames))) {
    if (agentIds.has(name)) continue;
    const agent = await repositories.helperAgents.create({
      name,
      unit: '',
      phone: '',
      active: true,
    });
    agentIds.set(name, agent.id);
    outcome.agentsAdded += 1;
  }
  const withAgents = (project: PlannedProject): ProjectInput => ({
    ...project.input,
    helperAgentIds: project.agentNames.flatMap((name) => agentIds.get(name) ?? []),
  });

  const total = written.length + plan.itemsOfKeptProjects.length;
  let done = 0;
  const step = async () => {
    done += 1;
    // Let the progress bar paint now and then; a write per frame would slow a city's import.
    if (done % 20 === 0 || done === total) {
      onProgress(done, total);
      await pause();
    }
  };
  onProgress(0, total);
  for (const project of written) {
    const items = project.items.map((item) => item.input);
    try {
      if (project.existingId === null) {
        await repositories.createProjectWithItems(withAgents(project), items);
        outcome.created += 1;
      } else {
        const full = withAgents(project);
        const patch = Object.fromEntries(
          project.fields.map((field) => [field, full[field]]),
        ) as Partial<ProjectInput>;
        await repositories.updateProjectWithItems(project.existingId, patch, items, true);
        outcome.updated += 1;
      }
      outcome.items += items.length;
    } catch (error) {
      outcome.failures.push({ row: project.row, text: writeErrorText(error, t) });
    }
    await step();
  }
  for (const group of plan.itemsOfKeptProjects) {
    try {
      await repositories.updateProjectWithItems(
        group.projectId,
        {},
        group.items.map((item) => item.input),
        duplicates === 'update',
      );
      outcome.items += group.items.length;
    } catch (error) {
      outcome.failures.push({ row: group.items[0]?.row ?? 0, text: writeErrorText(error, t) });
    }
    await step();
  }
  return outcome;
}
