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
import type { Device } from '../../shared/domain/device';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import type { Timestamp } from '../../shared/sync/timestamp';
import type { StoredClocks } from './row-clocks';
import { upgradeToCells } from './upgrade-to-cells';
import {
  attentionTables,
  derivedRows,
  packsOfRows,
  withAttention,
  type ItemPack,
} from './derived-rows';

export { syncedTables, type SyncedTable } from '../../shared/domain/records';

/** Settings of this install only (never synced): who uses it, its clock, its sync state. */
export type DeviceEntry = { key: string; value: unknown };

/**
 * What a stored record carries besides its fields: the timestamp of each cell (see
 * shared/sync/record-cells.ts) and whether the record is still incomplete (some of its fields
 * have not arrived yet, so lists leave it out until they do). Never synced, never exported.
 */
export type RowSyncMeta = {
  _clocks?: StoredClocks;
  _incomplete?: true;
  /** The log chunks holding this record's changes, oldest first: its 修改记录. */
  _log?: number[];
};
export type Stored<Row> = Row & RowSyncMeta;

/**
 * The message log, in chunks: one chunk per local write, and per ≤1,000 rows of a received batch
 * (IndexedDB costs per record, so a record per message would be far too slow). `entries` is the
 * JSON text of the chunk's messages in the sync-file encoding. Each record lists its chunks
 * (`_log`), so its history is found without an index over every row of the log.
 */
export type SyncLogChunk = {
  seq?: number;
  /** When this computer logged it. */
  at: string;
  via: 'local' | 'file' | 'server' | 'upgrade' | 'restore';
  /** The file name or server it came from. */
  origin: string;
  entries: string;
};

/** The distinct timestamps of a chunk, concatenated (each is 46 characters): kept apart because
 * loading every chunk's entries to learn what is known would read the whole log. */
export type SyncLogTimestamps = {
  seq: number;
  timestamps: string;
  /**
   * The newest timestamp in the chunk's entries (v4), indexed: the chunks holding writes from a
   * time on are found without reading the log. '' for a chunk without entries.
   */
  maxTs?: string;
  /** How the chunk arrived (v4): the writes made here are the ones the server still needs. */
  via?: SyncLogChunk['via'];
};

/** A field edited on two computers without either knowing the other's edit: the losing value. */
export type Conflict = {
  id: string;
  table: string;
  row: string;
  cell: string;
  winner: { ts: Timestamp; value: unknown };
  loser: { ts: Timestamp; value: unknown };
  detectedAt: string;
  /** 1 until restored or dismissed (IndexedDB cannot index booleans). */
  open: 0 | 1;
};

/** Messages for tables or fields this version does not know: kept, applied after an upgrade. */
export type ParkedMessages = { id?: number; entries: string };

/** Why a received write was set aside instead of applied (renderer/db/server-sync.ts). */
export type QuarantineReason =
  /** In a team that encrypts: a payload in the clear, which is never applied there. */
  | 'notSealed'
  /** In a team that encrypts: it does not open under the team key for its team and timestamp. */
  | 'undecryptable'
  /** In a team that does not encrypt: a sealed payload nobody here can read. */
  | 'sealedInPlainTeam'
  /** Not a write's shape: parts, records, cells, bases (or a timestamp twice in one page). */
  | 'malformed'
  /** A value its field cannot hold. */
  | 'wrongValue'
  /** A timestamp this computer holds with other content. */
  | 'collision';

/**
 * A received write set aside (v7): it did not decrypt, decode or validate, so it was not applied,
 * and the rest of the sync went on. Its timestamp counts as held in this computer's sync hashes,
 * so rounds with the server still converge; 同步 shows these and saves them for the admin.
 */
export type QuarantinedWrite = {
  id?: number;
  ts: string;
  /** The node of its timestamp: the device it claims to come from. */
  node: string;
  /** When this computer set it aside. */
  at: string;
  via: 'server';
  /** The server it came from. */
  origin: string;
  reason: QuarantineReason;
  /** What was wrong, for the admin (a problem's reason and where), or ''. */
  detail: string;
  /** The payload as received, JSON text. */
  payload: string;
};

/** One import or export of a sync file: who, when, which file, how much. */
export type Exchange = {
  id?: number;
  at: string;
  by: string;
  direction: 'export' | 'import';
  file: string;
  destination: string;
  messages: number;
  rows: number;
  applied: number;
  conflicts: number;
};

/**
 * 提醒 shown on this computer: one row per record and tier (`approvalItem:<id>:warning`, see
 * shared/reminders), so each is shown once, across restarts. Local only: another computer's user
 * is reminded on their own.
 */
export type ShownReminder = { key: string; at: string };

/** The tables version 2 added (exported so the upgrade tests can make a v2 database). */
export const storesV2 = {
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
} as const;

/**
 * The app's IndexedDB database. Versions only ever get added: each `version(n)` stays as written
 * so every user's database upgrades step by step. Only files in renderer/db touch it.
 */
export class DaibanDatabase extends Dexie {
  projects!: EntityTable<Stored<KeyProject>, 'id'>;
  helperAgents!: EntityTable<Stored<HelperAgent>, 'id'>;
  approvalItems!: EntityTable<Stored<ApprovalItem>, 'id'>;
  missingItems!: EntityTable<Stored<MissingItem>, 'id'>;
  handlingSteps!: EntityTable<Stored<HandlingStep>, 'id'>;
  problems!: EntityTable<Stored<Problem>, 'id'>;
  catalogItems!: EntityTable<Stored<CatalogItem>, 'id'>;
  holidaySchedules!: EntityTable<Stored<HolidaySchedule>, 'id'>;
  settings!: EntityTable<Stored<TeamSettings>, 'id'>;
  devices!: EntityTable<Stored<Device>, 'id'>;
  /** 修改记录 written before per-field sync (v2); newer history is read from the sync log. */
  changes!: EntityTable<ChangeRecord, 'id'>;
  device!: EntityTable<DeviceEntry, 'key'>;
  syncLog!: EntityTable<SyncLogChunk, 'seq'>;
  syncTimestamps!: EntityTable<SyncLogTimestamps, 'seq'>;
  conflicts!: EntityTable<Conflict, 'id'>;
  parked!: EntityTable<ParkedMessages, 'id'>;
  exchanges!: EntityTable<Exchange, 'id'>;
  reminders!: EntityTable<ShownReminder, 'key'>;
  quarantine!: EntityTable<QuarantinedWrite, 'id'>;
  /** Derived from approvalItems on every write (renderer/db/derived-rows.ts); never written here. */
  itemPacks!: EntityTable<ItemPack, 'projectId'>;

  constructor(name = 'daiban') {
    super(name);
    this.version(1).stores({
      projects: 'id, updatedAt',
    });
    this.version(2)
      .stores(storesV2)
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
    // v3: per-field sync. Every record gets cell timestamps and the log starts with them.
    this.version(3)
      .stores({
        devices: 'id, node',
        syncLog: '++seq',
        syncTimestamps: 'seq',
        conflicts: 'id, row, open',
        parked: '++id',
        exchanges: '++id, at',
      })
      .upgrade(upgradeToCells);
    // v4: the team sync server asks for "my writes from time T on" and "my unsent writes".
    this.version(4)
      .stores({ syncTimestamps: 'seq, maxTs, [via+seq]' })
      .upgrade(async (tx) => {
        const chunks = new Map<number, { maxTs: string; via: SyncLogChunk['via'] }>();
        await tx.table<SyncLogChunk, number>('syncLog').each((chunk) => {
          const entries = JSON.parse(chunk.entries) as SyncFileEntry[];
          chunks.set(chunk.seq!, { maxTs: newestTimestamp(entries), via: chunk.via });
        });
        await tx
          .table<SyncLogTimestamps, number>('syncTimestamps')
          .toCollection()
          .modify((row) => {
            row.maxTs = chunks.get(row.seq)?.maxTs ?? '';
            row.via = chunks.get(row.seq)?.via ?? 'local';
          });
      });
    // v5: reminders shown on this computer (never synced, never exported).
    this.version(5).stores({ reminders: 'key' });
    // v6: what the whole team's screens read instead of every row (renderer/db/derived-rows.ts).
    this.version(6)
      .stores({
        itemPacks: 'projectId',
        missingItems: 'id, projectId, approvalItemId, _attention',
        handlingSteps: 'id, projectId, _attention',
        problems: 'id, projectId, _attention',
      })
      .upgrade(async (tx) => {
        const items = await tx.table<Stored<ApprovalItem>, string>('approvalItems').toArray();
        await tx.table<ItemPack, string>('itemPacks').bulkPut(packsOfRows(items));
        // Only the rows to mark are written: a few thousand of a city's 93,000.
        for (const table of attentionTables) {
          const rows = tx.table<Stored<{ id: string; deleted: boolean }> & { _attention?: 1 }>(
            table,
          );
          const marked = (await rows.toArray())
            .map((row) => withAttention(table, row))
            .filter((row) => row._attention === 1);
          await rows.bulkPut(marked);
        }
      });
    // v7: received writes set aside because they do not decrypt, decode or validate.
    this.version(7).stores({ quarantine: '++id, ts' });
    this.use(derivedRows);
  }
}

/** The newest timestamp of some log entries ('' when there are none). */
export function newestTimestamp(entries: readonly SyncFileEntry[]): string {
  let newest = '';
  for (const [, , changes] of entries) for (const [ts] of changes) if (ts > newest) newest = ts;
  return newest;
}
