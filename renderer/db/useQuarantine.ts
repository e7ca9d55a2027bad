import { useLiveQuery } from 'dexie-react-hooks';
import { userAt } from '../../shared/domain/device';
import type { QuarantinedWrite } from './database';
import { db } from './index';
import { serverKeys, type ServerConfig } from './server-sync';

/** A set-aside write as 同步 shows it: with the device its node names, where this computer knows it. */
export type QuarantineRow = QuarantinedWrite & { id: number; device: string | null };

/** The name and unit of the device that owns a node, as its device record says at `ts`. */
async function deviceName(node: string, ts: string): Promise<string | null> {
  const device = await db.devices.where('node').equals(node).first();
  const user = device ? userAt(device, ts) : undefined;
  return user ? `${user.name}（${user.unit}）` : null;
}

/** Received writes set aside, newest first, with their devices' names. */
export function useQuarantine(): QuarantineRow[] | undefined {
  return useLiveQuery(async () => {
    const rows = (await db.quarantine.toArray()).reverse() as (QuarantinedWrite & { id: number })[];
    const names = new Map<string, string | null>();
    for (const row of rows) {
      if (!names.has(row.node)) names.set(row.node, await deviceName(row.node, row.ts));
    }
    return rows.map((row) => ({ ...row, device: names.get(row.node) ?? null }));
  });
}

/**
 * The administrator's file of the set-aside writes: each as received (its payload as it came,
 * sealed or not), why it was set aside, and what this computer knows of its device.
 */
export async function quarantineReport(rows: readonly QuarantineRow[], savedAt: Date) {
  const config = (await db.device.get(serverKeys.config))?.value as ServerConfig | undefined;
  return JSON.stringify(
    {
      kind: 'daiban-quarantine',
      version: 1,
      savedAt: savedAt.toISOString(),
      team: config?.team ?? null,
      device: config?.device ?? null,
      server: config?.origin ?? null,
      writes: rows.map((row) => ({
        ts: row.ts,
        node: row.node,
        device: row.device,
        setAsideAt: row.at,
        via: row.via,
        origin: row.origin,
        reason: row.reason,
        detail: row.detail,
        payload: JSON.parse(row.payload) as unknown,
      })),
    },
    null,
    2,
  );
}
