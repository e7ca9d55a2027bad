import { useLiveQuery } from 'dexie-react-hooks';
import { db, syncEngine } from './index';
import { serverKeys, type ServerConfig } from './server-sync';
import type { ServerSyncStatus } from './sync-scheduler';

export type ServerSyncView = {
  config: ServerConfig | null;
  status: ServerSyncStatus | null;
  /** Changes made here that the server has not received yet. */
  pending: number;
  /** The team encrypts and this computer has no key yet. */
  locked: boolean;
};

/** The server sync as every window shows it (the leading window's worker writes the status). */
export function useServerSync(): ServerSyncView | undefined {
  return useLiveQuery(async () => {
    const [config, status, pushed, key] = await Promise.all(
      [serverKeys.config, serverKeys.status, serverKeys.pushed, serverKeys.key].map((name) =>
        db.device.get(name),
      ),
    );
    const server = (config?.value as ServerConfig | undefined) ?? null;
    return {
      config: server,
      status: (status?.value as ServerSyncStatus | undefined) ?? null,
      pending: server ? await syncEngine.countLocalAfter((pushed?.value as number) ?? 0) : 0,
      locked: server?.encryption !== null && server?.encryption !== undefined && !key,
    };
  });
}
