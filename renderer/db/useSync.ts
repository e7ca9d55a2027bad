import { useLiveQuery } from 'dexie-react-hooks';
import type { SyncedTable } from '../../shared/domain/records';
import type { Conflict, Exchange } from './database';
import { db } from './index';

/** The sync-file exchanges of this computer, newest first. */
export function useExchanges(): Exchange[] | undefined {
  return useLiveQuery(() => db.exchanges.orderBy('at').reverse().limit(200).toArray());
}

/** Conflicts nobody has restored or dismissed yet, newest first. */
export function useOpenConflicts(): Conflict[] | undefined {
  return useLiveQuery(async () =>
    (await db.conflicts.where('open').equals(1).toArray()).sort((a, b) =>
      b.detectedAt.localeCompare(a.detectedAt),
    ),
  );
}

/** A record as users name it: the project's name, an item's name with its project, … */
export async function recordLabel(table: string, id: string): Promise<string> {
  const row = (await db.table(table as SyncedTable).get(id)) as Record<string, unknown> | undefined;
  if (!row) return id.slice(0, 8);
  const projectName = async () =>
    typeof row.projectId === 'string' ? ((await db.projects.get(row.projectId))?.name ?? '') : '';
  switch (table as SyncedTable) {
    case 'projects':
    case 'helperAgents':
    case 'catalogItems':
      return String(row.name);
    case 'approvalItems':
      return `${await projectName()} · ${String(row.name)}`;
    case 'missingItems':
      return `${await projectName()} · ${String(row.material)}`;
    case 'handlingSteps':
      return `${await projectName()} · ${String(row.on)} ${String(row.summary).slice(0, 20)}`;
    case 'problems':
      return `${await projectName()} · ${String(row.title)}`;
    case 'holidaySchedules':
      return String(row.year);
    case 'settings':
      return '';
    case 'devices': {
      const users = row.users as { name: string }[] | undefined;
      return users?.at(-1)?.name ?? '';
    }
  }
}

/** Names of the devices of the team by node id: who made a change, who exported a file. */
export function useDeviceNames(): Map<string, string> | undefined {
  return useLiveQuery(async () => {
    const devices = await db.devices.toArray();
    return new Map(
      devices.map((device) => {
        const user = device.users.at(-1);
        return [device.node, user ? `${user.name}（${user.unit}）` : ''];
      }),
    );
  });
}
