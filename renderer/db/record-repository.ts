import type { z } from 'zod';
import type { Actor } from '../../shared/domain/change';
import type { RecordMeta } from '../../shared/domain/common';
import type { RuleProblem } from '../../shared/domain/write-rules';
import type { DaibanDatabase, Stored, SyncedTable } from './database';
import { syncScope, type SyncEngine } from './sync-engine';

export type Clock = () => Date;
export type ActorSource = () => Actor;

export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`${table} ${id} not found`);
  }
}

/** A domain rule a write breaks (shared/domain/write-rules.ts): its i18n key and values. */
export class RuleError extends Error {
  constructor(readonly problem: RuleProblem) {
    super(problem.key);
  }
}

/** Rules across a record's old and new state, and other records (status moves, promised dates). */
export type WriteRule<Row> = (
  before: Row | undefined,
  after: Row,
) => Promise<RuleProblem | null> | RuleProblem | null;

/**
 * The one way records are written. Each write validates against the shared schema (and the
 * table's rules), stamps the cells the user changed with this device's clock and logs them, in the
 * same transaction as the record: that log is both what sync sends and the record's 修改记录.
 * A delete sets `deleted`; nothing is removed.
 */
export function createRecordRepository<Input extends object, Row extends Input & RecordMeta>(
  db: DaibanDatabase,
  engine: SyncEngine,
  tableName: SyncedTable,
  inputSchema: z.ZodType<Input>,
  actor: ActorSource,
  now: Clock,
  rule?: WriteRule<Row>,
) {
  const table = db.table<Stored<Row>, string>(tableName);
  const scope = () => [table, ...syncScope(db), ...ruleTables(db, tableName)];

  async function getLive(id: string): Promise<Stored<Row>> {
    const existing = await table.get(id);
    if (!existing || existing.deleted || existing._incomplete) {
      throw new RecordNotFoundError(tableName, id);
    }
    return existing;
  }

  async function write(before: Stored<Row> | undefined, after: Row): Promise<Stored<Row>> {
    actor(); // nobody unknown writes
    const broken = await rule?.(before, after);
    if (broken) throw new RuleError(broken);
    const stamped = await engine.stampLocalWrite(tableName, before, after);
    if (!stamped) return before ?? after;
    await table.put(stamped);
    return stamped;
  }

  return {
    table,

    /** Creates a record; `id` may be given (a year's holiday schedule has its own). */
    async create(input: Input, id: string = crypto.randomUUID()): Promise<Row> {
      const fields = inputSchema.parse(input);
      const at = now().toISOString();
      const row = { ...fields, id, createdAt: at, updatedAt: at, deleted: false } as Row;
      return db.transaction('rw', scope(), async () => {
        const existing = await table.get(id);
        return write(existing, existing ? { ...row, createdAt: existing.createdAt } : row);
      });
    },

    /** Applies the fields given (only those: what the user changed); the result must be valid. */
    async update(id: string, patch: Partial<Input>): Promise<Row> {
      return db.transaction('rw', scope(), async () => {
        const existing = await getLive(id);
        const {
          id: _id,
          createdAt,
          updatedAt,
          deleted: _d,
          _clocks,
          _incomplete,
          ...current
        } = existing;
        const fields = inputSchema.parse({ ...current, ...patch });
        return write(existing, { ...fields, id, createdAt, updatedAt, deleted: false } as Row);
      });
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', scope(), async () => {
        const existing = await getLive(id);
        const { _clocks, _incomplete, ...fields } = existing;
        await write(existing, { ...fields, deleted: true } as unknown as Row);
      });
    },
  };
}

/** Tables a table's rules read: a missing item's promised date depends on its approval item. */
function ruleTables(db: DaibanDatabase, table: SyncedTable) {
  return table === 'missingItems' ? [db.approvalItems, db.holidaySchedules, db.settings] : [];
}

export type RecordRepository<Input extends object, Row extends Input & RecordMeta> = ReturnType<
  typeof createRecordRepository<Input, Row>
>;
