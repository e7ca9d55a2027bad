import type { Device } from '../../shared/domain/device';
import type { Table, Transaction } from 'dexie';
import { syncedTables, type SyncedTable } from '../../shared/domain/records';
import {
  decideMessage,
  type CellClock,
  type TimestampCollision,
} from '../../shared/sync/apply-rule';
import {
  checkDrift,
  ClockDriftError,
  HybridLogicalClock,
  type ClockState,
} from '../../shared/sync/clock';
import { splitIncoming, type IncomingProblem } from '../../shared/sync/incoming';
import {
  addTimestamp,
  packMinuteHashes,
  unpackMinuteHashes,
  type MinuteHashes,
  type PackedMinuteHashes,
} from '../../shared/sync/merkle';
import type { JsonValue } from '../../shared/sync/message';
import {
  changedCells,
  completeSetFields,
  isKnownTable,
  readCell,
  sameValue,
  writeCell,
} from '../../shared/sync/record-cells';
import { writesOfEntries } from '../../shared/sync/server-protocol';
import type { SyncFileChange, SyncFileEntry } from '../../shared/sync/sync-entries';
import {
  newNodeId,
  timestampLength,
  timestampMillis,
  timestampNode,
  zeroTimestamp,
  type Timestamp,
} from '../../shared/sync/timestamp';
import {
  newestTimestamp,
  type Conflict,
  type DaibanDatabase,
  type QuarantineReason,
  type RowSyncMeta,
  type Stored,
  type SyncLogChunk,
} from './database';
import { packClocks, readClocks } from './row-clocks';

/** Rows per log chunk and per read/write round while applying: bounded memory per step. */
export const chunkRows = 1000;

/** This install's identity in the team: its device record and the node id in its timestamps. */
export type DeviceIdentity = { deviceId: string; node: string };

export const deviceKeys = {
  identity: 'identity',
  clock: 'clock',
  merkle: 'merkle',
} as const;

type StoredRow = Record<string, unknown> & RowSyncMeta & { id: string };
type PersistedTrie = PackedMinuteHashes & { seq: number };

/** How a batch arrived, for the log and 修改记录. */
export type BatchSource = { via: SyncLogChunk['via']; origin: string };

export type TableSummary = { created: number; updated: number; deleted: number };

/** What applying (or previewing) a batch does. */
export type ApplySummary = {
  /** Messages not seen before; `known` were dropped as duplicates. */
  newMessages: number;
  known: number;
  /** Newer than the batch in their cell: logged, not applied. */
  older: number;
  tables: Record<SyncedTable, TableSummary>;
  /** Records the batch deletes, to be named as deletions in the preview. */
  deletions: { table: SyncedTable; row: string }[];
  /** Projects the batch touches (their own record or anything under them). */
  projects: Set<string>;
  conflicts: Conflict[];
  parked: number;
  /**
   * Writes whose timestamp this computer holds with other content, left out (only with
   * `collisions: 'setAside'`; else the batch is refused with the first).
   */
  collisions: TimestampCollision[];
};

export type ApplyResult =
  | { ok: true; summary: ApplySummary }
  | { ok: false; problem: IncomingProblem | TimestampCollision };

/** Thrown inside a batch's transaction to undo it: a collision the apply rule met. */
class CollisionFound extends Error {
  constructor(readonly collision: TimestampCollision) {
    super('timestamp collision');
  }
}

/** The tables every write of team data must hold: the records and the sync bookkeeping. */
export function syncScope(db: DaibanDatabase): Table[] {
  return [db.syncLog, db.syncTimestamps, db.device];
}

const emptySummary = (): ApplySummary => ({
  newMessages: 0,
  known: 0,
  older: 0,
  tables: Object.fromEntries(
    syncedTables.map((table) => [table, { created: 0, updated: 0, deleted: 0 }]),
  ) as Record<SyncedTable, TableSummary>,
  deletions: [],
  projects: new Set(),
  conflicts: [],
  parked: 0,
  collisions: [],
});

/**
 * The sync engine of one database: stamps local writes with this device's clock, applies
 * received batches (files now, the server next) through one function, keeps the message log,
 * the known timestamps and the merkle hashes. Works on the same database from a window or a
 * worker; what it keeps in memory is a cache that every transaction brings up to date first.
 */
export function createSyncEngine(db: DaibanDatabase, now: () => Date = () => new Date()) {
  let known: Set<string> | null = null;
  let knownThrough = 0;

  async function identity(): Promise<DeviceIdentity> {
    const entry = await db.device.get(deviceKeys.identity);
    if (entry) return entry.value as DeviceIdentity;
    const created = { deviceId: crypto.randomUUID(), node: newNodeId() };
    await db.device.put({ key: deviceKeys.identity, value: created });
    return created;
  }

  /**
   * A new identity for this computer, with its own node: when the server says another device
   * holds the node (a copy of this computer's data), so two copies never stamp with one node.
   * Its device record is copied under the new identity, so other computers name the author of
   * later changes as before; earlier changes keep their node and their author.
   */
  async function renewIdentity(): Promise<DeviceIdentity> {
    return db.transaction('rw', [db.devices, ...syncScope(db)], async () => {
      const old = await identity();
      const created = { deviceId: crypto.randomUUID(), node: newNodeId() };
      await db.device.put({ key: deviceKeys.identity, value: created });
      const record = await db.devices.get(old.deviceId);
      if (record) {
        const at = now().toISOString();
        const row: Device = {
          node: created.node,
          users: record.users,
          id: created.deviceId,
          createdAt: at,
          updatedAt: at,
          deleted: false,
        };
        const stamped = await stampLocalWrite('devices', undefined, row);
        if (stamped) await db.devices.put(stamped);
      }
      return created;
    });
  }

  /** The clock as persisted: every window and worker ticks the same one, in its transaction. */
  async function withClock<T>(step: (clock: HybridLogicalClock) => T): Promise<T> {
    const { node } = await identity();
    const saved = (await db.device.get(deviceKeys.clock))?.value as ClockState | undefined;
    const clock = new HybridLogicalClock(node, () => now().getTime(), saved);
    const result = step(clock);
    await db.device.put({ key: deviceKeys.clock, value: clock.state() });
    return result;
  }

  async function appendChunk(
    source: BatchSource,
    entries: readonly SyncFileEntry[],
    timestamps: readonly string[],
  ): Promise<number> {
    const seq = (await db.syncLog.add({
      at: now().toISOString(),
      via: source.via,
      origin: source.origin,
      entries: JSON.stringify(entries),
    })) as number;
    // A chunk of set-aside timestamps has no entries: its newest timestamp is its own.
    let maxTs = newestTimestamp(entries);
    for (const ts of timestamps) if (ts > maxTs) maxTs = ts;
    await db.syncTimestamps.add({
      seq,
      timestamps: timestamps.join(''),
      maxTs,
      via: source.via,
    });
    for (const ts of timestamps) known?.add(ts);
    return seq;
  }

  /** Every timestamp in the log; loaded once, then topped up from the chunks added since. */
  async function knownTimestamps(): Promise<Set<string>> {
    if (!known) {
      known = new Set();
      knownThrough = 0;
    }
    const set = known;
    await db.syncTimestamps
      .where('seq')
      .above(knownThrough)
      .each(({ seq, timestamps }) => {
        for (let at = 0; at < timestamps.length; at += timestampLength) {
          set.add(timestamps.slice(at, at + timestampLength));
        }
        knownThrough = Math.max(knownThrough, seq);
      });
    return set;
  }

  /** The merkle hashes of the whole log, brought up to date from the chunks logged since. */
  async function minuteHashes(): Promise<{ hashes: MinuteHashes; seq: number }> {
    const saved = (await db.device.get(deviceKeys.merkle))?.value as PersistedTrie | undefined;
    const hashes = saved ? unpackMinuteHashes(saved) : new Map<number, number>();
    let seq = saved?.seq ?? 0;
    await db.syncTimestamps
      .where('seq')
      .above(seq)
      .each((chunk) => {
        for (let at = 0; at < chunk.timestamps.length; at += timestampLength) {
          addTimestamp(hashes, chunk.timestamps.slice(at, at + timestampLength) as Timestamp);
        }
        seq = Math.max(seq, chunk.seq);
      });
    if (seq !== (saved?.seq ?? 0)) {
      await db.device.put({
        key: deviceKeys.merkle,
        value: { ...packMinuteHashes(hashes), seq } satisfies PersistedTrie,
      });
    }
    return { hashes, seq };
  }

  /**
   * The merkle hashes in their stored form (minutes ascending): what the server protocol reads
   * node hashes from. Read as saved when no chunk was logged since, else brought up to date.
   */
  async function packedMinuteHashes(): Promise<PackedMinuteHashes> {
    const saved = (await db.device.get(deviceKeys.merkle))?.value as PersistedTrie | undefined;
    const newer = await db.syncTimestamps
      .where('seq')
      .above(saved?.seq ?? 0)
      .first();
    if (saved && !newer) return saved;
    return packMinuteHashes((await minuteHashes()).hashes);
  }

  /** The sequence number of the newest log chunk (0 for an empty log). */
  async function lastSeq(): Promise<number> {
    return ((await db.syncTimestamps.orderBy('seq').lastKey()) as number | undefined) ?? 0;
  }

  /** Reads the entries of some log chunks. */
  async function chunkEntries(seqs: number[]): Promise<SyncFileEntry[]> {
    const entries: SyncFileEntry[] = [];
    for (const chunk of await db.syncLog.bulkGet(seqs)) {
      if (chunk) entries.push(...(JSON.parse(chunk.entries) as SyncFileEntry[]));
    }
    return entries;
  }

  /**
   * The writes made on this computer and logged in (after, through]: what the server has not
   * been sent yet. Received chunks are left out: the server, or the trie walk, deals with them.
   */
  async function localWritesAfter(after: number, through: number) {
    const seqs = await db.syncTimestamps
      .where('[via+seq]')
      .between(['local', after], ['local', through], false, true)
      .primaryKeys();
    return writesOfEntries(await chunkEntries(seqs));
  }

  /**
   * Every write in the log with a timestamp after `since` (a timestamp or an ISO millisecond),
   * whatever its source, whole, in timestamp order; `skip` leaves some out (those the server
   * just sent). Only the chunks whose newest timestamp is after `since` are read.
   */
  async function writesSince(since: string, skip?: ReadonlySet<string>) {
    const seqs = await db.syncTimestamps.where('maxTs').above(since).primaryKeys();
    return writesOfEntries(await chunkEntries(seqs), {
      since,
      ...(skip ? { skip } : {}),
    });
  }

  /**
   * The timestamps in the log after `since`, or null when there are more than `limit`: what a
   * download can leave out. Read from the chunks whose newest timestamp is after `since`.
   */
  async function timestampsAfter(since: string, limit: number): Promise<string[] | null> {
    const found = new Set<string>();
    const rows = await db.syncTimestamps.where('maxTs').above(since).toArray();
    for (const { timestamps } of rows) {
      for (let at = 0; at < timestamps.length; at += timestampLength) {
        const ts = timestamps.slice(at, at + timestampLength);
        if (ts <= since) continue;
        found.add(ts);
        if (found.size > limit) return null;
      }
    }
    return [...found].sort();
  }

  /** Local writes logged after `after`: the server's 待上传 count. */
  async function countLocalAfter(after: number): Promise<number> {
    // Counted on the index alone: a received chunk lists thousands of timestamps.
    return db.syncTimestamps
      .where('[via+seq]')
      .between(['local', after], ['local', Infinity], false, true)
      .count();
  }

  /**
   * Stamps a local write of one record: the cells the user changed get this write's timestamp
   * and, as base, the timestamp of the value they replace; the change is logged. Must run inside
   * the write's transaction, which must hold syncScope(db) too. Returns the row to store, or null
   * when nothing changed.
   */
  async function stampLocalWrite<Row extends { id: string }>(
    table: SyncedTable,
    before: Stored<Row> | undefined,
    after: Row,
  ): Promise<Stored<Row> | null> {
    const changed = changedCells(table, stripMeta(before), after);
    if (changed.size === 0) return null;
    // One timestamp per record written: a timestamp is logged in exactly one chunk.
    const stamp = await withClock((clock) => clock.tick());
    const clocks = readClocks(before?._clocks);
    const values: Record<string, JsonValue> = {};
    const bases: Record<string, Timestamp> = {};
    for (const [cell, value] of changed) {
      const base = clocks[cell]?.[0] ?? zeroTimestamp;
      clocks[cell] = [stamp, base];
      values[cell] = value;
      if (base !== zeroTimestamp) bases[cell] = base;
    }
    const change: SyncFileChange =
      Object.keys(bases).length > 0 ? [stamp, values, bases] : [stamp, values];
    const seq = await appendChunk(
      { via: 'local', origin: '' },
      [[table, after.id, [change]]],
      [stamp],
    );
    const row = {
      ...after,
      updatedAt: updatedAtOf(clocks),
      _clocks: packClocks(clocks),
      _log: [...(before?._log ?? []), seq],
    } as Stored<Row>;
    delete row._incomplete;
    return row;
  }

  /**
   * Applies a received batch: one transaction, in chunks of rows; messages already logged are
   * dropped, older ones logged but not applied, the rest win their cells (last writer wins per
   * field). Concurrent edits of one field leave a conflict record with the losing value. On any
   * failure nothing is changed. With `dryRun` it only reports what it would do (the preview).
   */
  async function applyBatch(
    entries: readonly SyncFileEntry[],
    source: BatchSource,
    {
      dryRun = false,
      onProgress,
      collisions = 'refuse',
    }: {
      dryRun?: boolean;
      onProgress?: (done: number, total: number) => void;
      /**
       * A write under a timestamp this computer holds with other content: 'refuse' refuses the
       * batch (a file), 'setAside' leaves that write out and lists it in `summary.collisions`
       * (the server's writes, set aside in the quarantine by the caller).
       */
      collisions?: 'refuse' | 'setAside';
    } = {},
  ): Promise<ApplyResult> {
    try {
      return await applyBatchOnce(entries, source, dryRun, collisions, onProgress);
    } catch (error) {
      if (error instanceof CollisionFound) return { ok: false, problem: error.collision };
      throw error;
    }
  }

  async function applyBatchOnce(
    entries: readonly SyncFileEntry[],
    source: BatchSource,
    dryRun: boolean,
    collisions: 'refuse' | 'setAside',
    onProgress?: (done: number, total: number) => void,
  ): Promise<ApplyResult> {
    const tables = [
      ...syncedTables.map((table) => db.table(table)),
      ...syncScope(db),
      db.conflicts,
      db.parked,
    ];
    return db.transaction(dryRun ? 'r' : 'rw', tables, async (tx) => {
      const summary = emptySummary();
      // What this computer already has is dropped first: checked when it first arrived, it is
      // not checked again, which makes a file received twice cheap. Only what is the same write
      // is dropped: a held timestamp with other content is a collision.
      const { fresh, positions, collided } = await freshEntries(
        tx,
        entries,
        await knownTimestamps(),
        summary,
      );
      if (collided.length > 0 && collisions === 'refuse') {
        return { ok: false, problem: collided[0]! };
      }
      summary.collisions = collided;
      const split = splitIncoming(fresh);
      if (!split.ok) {
        const entry = (positions[split.problem.entry - 1] ?? 0) + 1;
        return { ok: false, problem: { ...split.problem, entry } };
      }
      const wall = now().getTime();
      for (const [, , changes] of fresh) {
        for (const [ts] of changes) {
          const drift = checkDrift(ts, wall);
          if (drift) throw new ClockDriftError(drift);
        }
      }
      const known = split.known;
      const parked = split.parked;
      summary.parked = countMessages(parked);
      summary.newMessages = countMessages(known) + summary.parked;

      if (dryRun) {
        await applyKnown(tx, known, summary, true, null, onProgress);
        return { ok: true, summary };
      }

      // Logged first, so each record can list the chunk that holds its change (its 修改记录).
      const logged = [...known, ...parked];
      const logOf = new Map<string, number[]>();
      const firstSeen = new Set<string>();
      for (let start = 0; start < logged.length; start += chunkRows) {
        const chunk = logged.slice(start, start + chunkRows);
        const timestamps: string[] = [];
        for (const [, , changes] of chunk) {
          for (const [ts] of changes) {
            if (!firstSeen.has(ts)) {
              firstSeen.add(ts);
              timestamps.push(ts);
            }
          }
        }
        const seq = await appendChunk(source, chunk, timestamps);
        for (const [table, row] of chunk) {
          const key = `${table}\u0000${row}`;
          logOf.set(key, [...(logOf.get(key) ?? []), seq]);
        }
      }
      await applyKnown(tx, known, summary, false, logOf, onProgress);
      if (parked.length > 0) await db.parked.add({ entries: JSON.stringify(parked) });
      if (summary.conflicts.length > 0) await db.conflicts.bulkAdd(summary.conflicts);
      let newest: Timestamp | undefined;
      for (const ts of firstSeen) if (!newest || ts > newest) newest = ts as Timestamp;
      if (newest) {
        const observed = newest;
        await withClock((clock) => clock.observe(observed));
      }
      await minuteHashes();
      return { ok: true, summary };
    });
  }

  /**
   * Sets received writes aside (the quarantine): they are kept as received, with why, and not
   * applied. Their timestamps are logged as held (a chunk without entries), so this computer's
   * sync hashes match a server that holds them and rounds converge instead of fetching them
   * again; a timestamp the log holds already is not logged twice. A write set aside before with
   * the same payload is not kept twice. Returns how many were newly kept.
   */
  async function setAside(
    writes: readonly { ts: Timestamp; payload: string; reason: QuarantineReason; detail: string }[],
    source: { via: 'server'; origin: string },
  ): Promise<number> {
    if (writes.length === 0) return 0;
    return db.transaction('rw', [...syncScope(db), db.quarantine], async () => {
      const seen = await knownTimestamps();
      const held: string[] = [];
      const at = now().toISOString();
      let kept = 0;
      for (const write of writes) {
        const same = await db.quarantine
          .where('ts')
          .equals(write.ts)
          .filter((quarantined) => quarantined.payload === write.payload)
          .count();
        if (same === 0) {
          await db.quarantine.add({
            ts: write.ts,
            node: timestampNode(write.ts),
            at,
            via: source.via,
            origin: source.origin,
            reason: write.reason,
            detail: write.detail,
            payload: write.payload,
          });
          kept += 1;
        }
        if (!seen.has(write.ts) && !held.includes(write.ts)) held.push(write.ts);
      }
      if (held.length > 0) {
        await appendChunk(source, [], held);
        await minuteHashes();
      }
      return kept;
    });
  }

  /** Applies entries of known tables and fields to the records, in chunks of rows. */
  async function applyKnown(
    tx: Transaction,
    known: readonly SyncFileEntry[],
    summary: ApplySummary,
    dryRun: boolean,
    logOf: ReadonlyMap<string, number[]> | null,
    onProgress?: (done: number, total: number) => void,
  ): Promise<void> {
    const detectedAt = now().toISOString();
    let done = 0;
    for (const table of syncedTables) {
      const rows = known.filter(([name]) => name === table);
      // A big batch mostly brings records this computer lacks: one keys-only pass tells which
      // it has, so only those are read back.
      const present =
        rows.length > 2 * chunkRows
          ? new Set(await tx.table(table).toCollection().primaryKeys())
          : null;
      for (let start = 0; start < rows.length; start += chunkRows) {
        const chunk = rows.slice(start, start + chunkRows);
        await applyRows(tx, table, chunk, summary, detectedAt, dryRun, present, logOf);
        done += chunk.length;
        onProgress?.(done, known.length);
      }
    }
  }

  /**
   * Applies parked messages this version now knows (tables or fields a newer computer sent
   * before this one was upgraded). They are in the log already; only the records change. What is
   * still unknown stays parked. Returns how many messages were applied.
   */
  async function applyParked(): Promise<number> {
    const tables = [...syncedTables.map((table) => db.table(table)), db.conflicts, db.parked];
    return db.transaction('rw', tables, async (tx) => {
      const parked = await db.parked.toArray();
      if (parked.length === 0) return 0;
      const entries = parked.flatMap((record) => JSON.parse(record.entries) as SyncFileEntry[]);
      const split = splitIncoming(entries, { bounded: false });
      if (!split.ok || split.known.length === 0) return 0;
      const summary = emptySummary();
      await applyKnown(tx, split.known, summary, false, null);
      if (summary.conflicts.length > 0) await db.conflicts.bulkAdd(summary.conflicts);
      await db.parked.clear();
      if (split.parked.length > 0) await db.parked.add({ entries: JSON.stringify(split.parked) });
      return countMessages(split.known);
    });
  }

  async function applyRows(
    tx: Transaction,
    table: SyncedTable,
    entries: readonly SyncFileEntry[],
    summary: ApplySummary,
    detectedAt: string,
    dryRun: boolean,
    present: ReadonlySet<unknown> | null,
    logOf: ReadonlyMap<string, number[]> | null,
  ): Promise<void> {
    const store = tx.table<StoredRow, string>(table);
    const ids = entries.map(([, row]) => row).filter((id) => !present || present.has(id));
    const existing = ids.length > 0 ? await store.bulkGet(ids) : [];
    const byId = new Map<string, StoredRow>();
    existing.forEach((row, index) => {
      if (row) byId.set(ids[index]!, row);
    });
    const changedRows = new Map<string, StoredRow>();
    for (const [, id, changes] of entries) {
      const before = byId.get(id);
      const row: StoredRow = changedRows.get(id) ?? (before ? structuredClone(before) : { id });
      const wasLive = before !== undefined && !before._incomplete && before.deleted !== true;
      const clocks = readClocks(row._clocks);
      let touched = false;
      const sorted = [...changes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      for (const [ts, values, bases] of sorted) {
        for (const [cell, value] of Object.entries(values)) {
          const base = bases?.[cell] ?? zeroTimestamp;
          const stored = clocks[cell];
          const same =
            stored?.[0] === ts ? sameValue(readCell(table, row, cell), value) : undefined;
          const decision = decideMessage(stored, {
            ts,
            base,
            ...(same !== undefined ? { same } : {}),
          });
          if (decision.outcome === 'collision') {
            // Only a write this computer never logged gets here (logged ones are compared
            // before): it never wins, and nothing of the batch is kept.
            throw new CollisionFound({
              reason: 'reasonTimestampCollision',
              entry: 0,
              table,
              row: id,
              ts,
            });
          }
          if (decision.outcome === 'apply') {
            const previous = readCell(table, row, cell);
            if (decision.conflict && stored && !sameValue(previous, value)) {
              summary.conflicts.push(conflict(table, id, cell, [ts, value], [stored[0], previous]));
            }
            clocks[cell] = [ts, base];
            writeCell(table, row, cell, value, (name) => clocks[name]?.[0]);
            touched = true;
          } else if (decision.outcome === 'older') {
            summary.older += 1;
            const current = readCell(table, row, cell);
            if (decision.conflict && stored && !sameValue(current, value)) {
              summary.conflicts.push(conflict(table, id, cell, [stored[0], current], [ts, value]));
            }
          }
        }
      }
      const seqs = logOf?.get(`${table}\u0000${id}`);
      if (seqs !== undefined && before) {
        // Even a change that lost to a newer value belongs to the record's history.
        row._log = [...(row._log ?? []), ...seqs];
        if (!touched) changedRows.set(id, row);
      } else if (seqs !== undefined) row._log = [...seqs];
      if (!touched) continue;
      completeSetFields(table, row);
      row._clocks = packClocks(clocks);
      row.updatedAt = updatedAtOf(clocks);
      // A record whose creation has not arrived yet is kept out of sight until it does.
      if (clocks.createdAt) delete row._incomplete;
      else row._incomplete = true;
      changedRows.set(id, row);

      const isLive = !row._incomplete && row.deleted !== true;
      const counts = summary.tables[table];
      if (!wasLive && isLive) counts.created += 1;
      else if (wasLive && !isLive) {
        counts.deleted += 1;
        summary.deletions.push({ table, row: id });
      } else if (isLive) counts.updated += 1;
      const project = table === 'projects' ? id : row.projectId;
      if (typeof project === 'string') summary.projects.add(project);
    }
    if (!dryRun && changedRows.size > 0) await store.bulkPut([...changedRows.values()]);

    function conflict(
      tableName: SyncedTable,
      row: string,
      cell: string,
      winner: [Timestamp, unknown],
      loser: [Timestamp, unknown],
    ): Conflict {
      return {
        id: crypto.randomUUID(),
        table: tableName,
        row,
        cell,
        winner: { ts: winner[0], value: winner[1] },
        loser: { ts: loser[0], value: loser[1] },
        detectedAt,
        open: 1,
      };
    }
  }

  /** The log's entries logged after `sinceSeq` (all of it from 0), merged per record. */
  async function logEntries(
    sinceSeq = 0,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ entries: SyncFileEntry[]; seq: number }> {
    const rows = new Map<string, { table: string; row: string; changes: SyncFileChange[] }>();
    let seq = sinceSeq;
    const total = onProgress ? await db.syncLog.where('seq').above(sinceSeq).count() : 0;
    let done = 0;
    await db.syncLog
      .where('seq')
      .above(sinceSeq)
      .each((chunk) => {
        seq = Math.max(seq, chunk.seq ?? 0);
        done += 1;
        if (done % 20 === 0) onProgress?.(done, total);
        for (const [table, row, changes] of JSON.parse(chunk.entries) as SyncFileEntry[]) {
          const key = `${table}\u0000${row}`;
          const merged = rows.get(key);
          if (merged) merged.changes.push(...changes);
          else rows.set(key, { table, row, changes: [...changes] });
        }
      });
    const entries: SyncFileEntry[] = [];
    for (const { table, row, changes } of rows.values()) {
      // In time order: the same log gives the same file on every computer.
      changes.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      entries.push([table, row, changes]);
    }
    return { entries, seq };
  }

  return {
    identity,
    renewIdentity,
    applyParked,
    setAside,
    /** A fresh timestamp of this device, for a value that names a moment (not logged). */
    tick: () => withClock((clock) => clock.tick()),
    stampLocalWrite,
    applyBatch,
    logEntries,
    minuteHashes,
    packedMinuteHashes,
    lastSeq,
    localWritesAfter,
    writesSince,
    timestampsAfter,
    countLocalAfter,
    knownTimestamps,
    /** Forget the in-memory caches (after the log was replaced, e.g. by a restore). */
    forgetCaches() {
      known = null;
      knownThrough = 0;
    },
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;

/**
 * Keeps only messages whose timestamp the log does not hold yet, counting the rest as known
 * when they are the same write: the same record with the same values and bases as the log holds
 * under that timestamp (read from the chunks the record lists). A held timestamp with other
 * content is a collision: returned in `collided`, and every part of that write is left out.
 * `positions` maps each kept entry back to its place in the batch (for naming it in a refusal).
 * Tables this version does not know have no records to compare with: theirs count as known.
 */
async function freshEntries(
  tx: Transaction,
  entries: readonly SyncFileEntry[],
  seen: ReadonlySet<string>,
  summary: ApplySummary,
): Promise<{ fresh: SyncFileEntry[]; positions: number[]; collided: TimestampCollision[] }> {
  const logged = await loggedChanges(tx, entries, seen);
  const collided: TimestampCollision[] = [];
  const collidedTs = new Set<string>();
  entries.forEach(([table, row, changes], position) => {
    for (const change of changes) {
      const ts = change[0];
      if (!seen.has(ts) || !isKnownTable(table) || collidedTs.has(ts)) continue;
      if (!sameChange(change, logged.get(`${table}\u0000${row}\u0000${ts}`))) {
        collidedTs.add(ts);
        collided.push({ reason: 'reasonTimestampCollision', entry: position + 1, table, row, ts });
      }
    }
  });
  const fresh: SyncFileEntry[] = [];
  const positions: number[] = [];
  entries.forEach(([table, row, changes], position) => {
    const kept = changes.filter(([ts, values]) => {
      if (collidedTs.has(ts)) return false;
      if (!seen.has(ts)) return true;
      summary.known += Object.keys(values).length;
      return false;
    });
    if (kept.length === 0) return;
    fresh.push(kept.length === changes.length ? [table, row, changes] : [table, row, kept]);
    positions.push(position);
  });
  return { fresh, positions, collided };
}

/**
 * What the log holds of the batch's records under the timestamps it holds: the values and
 * bases per record and timestamp, read from the chunks each record lists (`_log`), each chunk
 * read once.
 */
async function loggedChanges(
  tx: Transaction,
  entries: readonly SyncFileEntry[],
  seen: ReadonlySet<string>,
): Promise<Map<string, { values: Record<string, JsonValue>; bases: Record<string, Timestamp> }>> {
  const wanted = new Map<string, Set<string>>();
  for (const [table, row, changes] of entries) {
    if (!isKnownTable(table) || !changes.some(([ts]) => seen.has(ts))) continue;
    let rows = wanted.get(table);
    if (!rows) wanted.set(table, (rows = new Set()));
    rows.add(row);
  }
  const found = new Map<
    string,
    { values: Record<string, JsonValue>; bases: Record<string, Timestamp> }
  >();
  if (wanted.size === 0) return found;
  const seqs = new Set<number>();
  for (const [table, rows] of wanted) {
    const stored = await tx.table<StoredRow, string>(table).bulkGet([...rows]);
    for (const record of stored) for (const seq of record?._log ?? []) seqs.add(seq);
  }
  const chunks = await tx.table<SyncLogChunk, number>('syncLog').bulkGet([...seqs]);
  for (const chunk of chunks) {
    if (!chunk) continue;
    for (const [table, row, changes] of JSON.parse(chunk.entries) as SyncFileEntry[]) {
      if (!wanted.get(table)?.has(row)) continue;
      for (const [ts, values, bases] of changes) {
        const key = `${table}\u0000${row}\u0000${ts}`;
        const held = found.get(key) ?? { values: {}, bases: {} };
        Object.assign(held.values, values);
        if (bases) Object.assign(held.bases, bases);
        found.set(key, held);
      }
    }
  }
  return found;
}

/** The same change as the log holds: the same cells, values and bases (zero bases left out). */
function sameChange(
  [, values, bases]: SyncFileChange,
  held: { values: Record<string, JsonValue>; bases: Record<string, Timestamp> } | undefined,
): boolean {
  if (!held) return false;
  const cells = Object.keys(values);
  if (cells.length !== Object.keys(held.values).length) return false;
  for (const cell of cells) {
    if (!Object.hasOwn(held.values, cell) || !sameValue(values[cell], held.values[cell])) {
      return false;
    }
    const base = (bases && Object.hasOwn(bases, cell) ? bases[cell] : undefined) ?? zeroTimestamp;
    const heldBase =
      (Object.hasOwn(held.bases, cell) ? held.bases[cell] : undefined) ?? zeroTimestamp;
    if (base !== heldBase) return false;
  }
  return true;
}

function countMessages(entries: readonly SyncFileEntry[]): number {
  let count = 0;
  for (const [, , changes] of entries) {
    for (const [, values] of changes) count += Object.keys(values).length;
  }
  return count;
}

/** The time of a record's newest cell: what "last changed" means once fields merge one by one. */
function updatedAtOf(clocks: Readonly<Record<string, CellClock>>): string {
  let newest = 0;
  for (const [ts] of Object.values(clocks)) newest = Math.max(newest, timestampMillis(ts));
  return new Date(newest).toISOString();
}

function stripMeta(row: (Record<string, unknown> & RowSyncMeta) | undefined) {
  if (!row) return undefined;
  const { _clocks, _incomplete, _log, ...fields } = row;
  return fields;
}
