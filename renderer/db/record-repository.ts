import type { z } from 'zod';
import { changedFields, type Actor, type ChangeRecord } from '../../shared/domain/change';
import type { RecordMeta } from '../../shared/domain/common';
import type { DaibanDatabase, SyncedTable } from './database';

export type Clock = () => Date;
export type ActorSource = () => Actor;

export class RecordNotFoundError extends Error {
  constructor(table: string, id: string) {
    super(`${table} ${id} not found`);
  }
}

/**
 * The one way records are written. Each write validates against the shared schema, stamps times,
 * never removes a row (delete sets `deleted`), and logs who changed which fields when, in the same
 * transaction. The sync engine will hook here.
 */
export function createRecordRepository<Input extends object, Row extends Input & RecordMeta>(
  db: DaibanDatabase,
  tableName: SyncedTable,
  inputSchema: z.ZodType<Input>,
  actor: ActorSource,
  now: Clock,
) {
  const table = db.table<Row, string>(tableName);

  function logChange(
    op: ChangeRecord['op'],
    recordId: string,
    fields: ChangeRecord['fields'],
    at: string,
  ) {
    return db.changes.add({
      id: crypto.randomUUID(),
      table: tableName,
      recordId,
      at,
      by: actor(),
      op,
      fields,
    });
  }

  async function getLive(id: string): Promise<Row> {
    const existing = await table.get(id);
    if (!existing || existing.deleted) throw new RecordNotFoundError(tableName, id);
    return existing;
  }

  return {
    table,

    /** Creates a record; `id` may be given (catalog seeds use fixed ids). */
    async create(input: Input, id: string = crypto.randomUUID()): Promise<Row> {
      const fields = inputSchema.parse(input);
      const at = now().toISOString();
      const row = { ...fields, id, createdAt: at, updatedAt: at, deleted: false } as Row;
      await db.transaction('rw', table, db.changes, async () => {
        await table.add(row);
        await logChange(
          'create',
          id,
          changedFields(undefined, fields as Record<string, unknown>),
          at,
        );
      });
      return row;
    },

    /** Applies a partial change; the merged record must still be valid. */
    async update(id: string, patch: Partial<Input>): Promise<Row> {
      return db.transaction('rw', table, db.changes, async () => {
        const existing = await getLive(id);
        const { id: _id, createdAt, updatedAt: _u, deleted: _d, ...current } = existing;
        const fields = inputSchema.parse({ ...current, ...patch });
        const changes = changedFields(current, fields as Record<string, unknown>);
        if (Object.keys(changes).length === 0) return existing;
        const at = now().toISOString();
        const row = { ...fields, id, createdAt, updatedAt: at, deleted: false } as Row;
        await table.put(row);
        await logChange('update', id, changes, at);
        return row;
      });
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', table, db.changes, async () => {
        await getLive(id);
        const at = now().toISOString();
        await table.update(id, { updatedAt: at, deleted: true } as never);
        await logChange('delete', id, { deleted: [false, true] }, at);
      });
    },
  };
}

export type RecordRepository<Input extends object, Row extends Input & RecordMeta> = ReturnType<
  typeof createRecordRepository<Input, Row>
>;
