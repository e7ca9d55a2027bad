import { z } from 'zod';
import {
  checkJsonValue,
  fieldNameSchema,
  hasNoForbiddenKeys,
  isFieldName,
  isForbiddenKey,
  isRowId,
  isTableName,
  jsonValueSchema,
  maxStringLength,
  rowIdSchema,
  tableNameSchema,
  type JsonValue,
  type SyncMessage,
} from './message';
import { isTimestamp, timestampSchema, zeroTimestamp, type Timestamp } from './timestamp';

/**
 * How a sync file carries messages. A city-scale file holds ~2,000,000 field values and must stay
 * within twice the size of a plain JSON dump of the rows, so messages are grouped: one entry per
 * row, and within it one change per timestamp (one write of one device), holding that write's
 * fields and values as an object, just like a row:
 *
 *   [table, row, [[ts, { field: value, … }, { field: base, … }?], …]]
 *
 * The third element of a change, the bases, lists only fields whose base is not `zeroTimestamp`
 * and is left out when none has one (a row's first write, a seeded default).
 */

export type SyncFileChange =
  | readonly [ts: Timestamp, values: Readonly<Record<string, JsonValue>>]
  | readonly [
      ts: Timestamp,
      values: Readonly<Record<string, JsonValue>>,
      bases: Readonly<Record<string, Timestamp>>,
    ];

export type SyncFileEntry = readonly [
  table: string,
  row: string,
  changes: readonly SyncFileChange[],
];

const valuesSchema = z
  .unknown()
  .refine(hasNoForbiddenKeys)
  .pipe(z.record(fieldNameSchema, jsonValueSchema));
const basesSchema = z
  .unknown()
  .refine(hasNoForbiddenKeys)
  .pipe(z.record(fieldNameSchema, timestampSchema));

/**
 * The definition of an entry, for docs/sync-file-format.md; `decodeEntries` is the fast check.
 * Rules JSON Schema cannot state: a base is given only for a field the change writes, values
 * nest at most 32 levels deep.
 */
export const syncFileEntrySchema = z.tuple([
  tableNameSchema,
  rowIdSchema,
  z.array(
    z.union([
      z.tuple([timestampSchema, valuesSchema]),
      z
        .tuple([timestampSchema, valuesSchema, basesSchema])
        .refine(([, values, bases]) =>
          Object.keys(bases).every((field) => Object.hasOwn(values, field)),
        ),
    ]),
  ),
]);

type ChangeDraft = { values: Record<string, JsonValue>; bases: Record<string, Timestamp> | null };

/** What the entries hold, counted while encoding: the file header states these. */
export type EntryCounts = {
  messageCount: number;
  rowCount: number;
  counts: Record<string, number>;
};

/**
 * Groups messages by row and timestamp. Throws on a message this format cannot carry (a bad
 * table, row, field or value): export must never write a file that import would refuse.
 */
export function encodeMessages(messages: readonly SyncMessage[]): SyncFileEntry[] {
  return encodeMessagesWithCounts(messages).entries;
}

export function encodeMessagesWithCounts(messages: readonly SyncMessage[]): {
  entries: SyncFileEntry[];
} & EntryCounts {
  const tables = new Map<string, Map<string, Map<Timestamp, ChangeDraft>>>();
  const check = (ok: boolean, what: string, message: SyncMessage) => {
    if (!ok) throw new RangeError(`Sync message has a bad ${what}: ${JSON.stringify(message)}`);
  };
  // Names and timestamps repeat across millions of messages: each distinct one is checked once.
  const once = (rule: (text: string) => boolean, what: string) => {
    const valid = new Set<string>();
    return (text: string, message: SyncMessage) => {
      if (valid.has(text)) return;
      check(rule(text), what, message);
      valid.add(text);
    };
  };
  const checkTimestamp = once(isTimestamp, 'timestamp');
  const checkTable = once(isTableName, 'table');
  const checkField = once(isFieldName, 'field');
  let messageCount = 0;
  const counts = new Map<string, number>();
  // Exports list a row's messages together: while table, row and timestamp stay the same, the
  // lookups are skipped.
  let lastTable: string | undefined;
  let lastRow: string | undefined;
  let lastTs: Timestamp | undefined;
  let changes = new Map<Timestamp, ChangeDraft>();
  let change: ChangeDraft = { values: {}, bases: null };
  for (const message of messages) {
    const { ts, table, row, field, value, base } = message;
    if (table !== lastTable || row !== lastRow) {
      checkTable(table, message);
      let rows = tables.get(table);
      if (!rows) tables.set(table, (rows = new Map<string, Map<Timestamp, ChangeDraft>>()));
      const known = rows.get(row);
      if (known) changes = known;
      else {
        check(isRowId(row), 'row id', message);
        rows.set(row, (changes = new Map<Timestamp, ChangeDraft>()));
      }
      lastTable = table;
      lastRow = row;
      lastTs = undefined;
    }
    if (ts !== lastTs) {
      checkTimestamp(ts, message);
      const known = changes.get(ts);
      if (known) change = known;
      // Plain objects, not prototype-less ones: V8 keeps these in fast mode, which makes
      // building and stringifying two million values several times quicker. Their keys are
      // checked field names, never `__proto__`.
      else changes.set(ts, (change = { values: {}, bases: null }));
      lastTs = ts;
    }
    checkTimestamp(base, message);
    checkField(field, message);
    check(checkJsonValue(value) === null, 'value', message);
    // One timestamp is one write: a repeated message for the same cell is the same message.
    if (!Object.hasOwn(change.values, field)) {
      messageCount += 1;
      counts.set(table, (counts.get(table) ?? 0) + 1);
    }
    change.values[field] = value;
    if (base !== zeroTimestamp) (change.bases ??= {})[field] = base;
  }
  const entries: SyncFileEntry[] = [];
  let rowCount = 0;
  for (const [table, rows] of tables) {
    for (const [row, changes] of rows) {
      rowCount += 1;
      const encoded: SyncFileChange[] = [];
      for (const [ts, { values, bases }] of changes) {
        encoded.push(bases ? [ts, values, bases] : [ts, values]);
      }
      entries.push([table, row, encoded]);
    }
  }
  return { entries, messageCount, rowCount, counts: Object.fromEntries(counts) };
}

/** Which part of an entry is wrong: an i18n key the renderer words for users. */
export type EntryPart =
  'entry' | 'table' | 'row' | 'changes' | 'timestamp' | 'values' | 'field' | 'value' | 'base';

/** Why entries were refused; `entry` counts from 1 in the order of the file. */
export type EntryProblem =
  | { reason: 'reasonMalformedEntry'; entry: number; part: EntryPart }
  | { reason: 'reasonForbiddenKey'; entry: number }
  /** One record listed twice (`first` is the earlier entry), or one write twice in a record. */
  | { reason: 'reasonDuplicateRow'; entry: number; first: number }
  | { reason: 'reasonDuplicateChange'; entry: number }
  | { reason: 'reasonStringTooLong'; entry: number; maxLength: number }
  | { reason: 'reasonOutOfRange'; entry: number };

/** The time range a file's header states for its messages: null for a file with none. */
export type TimestampRange = { from: Timestamp; to: Timestamp } | null;

export type DecodedEntries =
  ({ ok: true; messages: SyncMessage[] } & EntryCounts) | { ok: false; problem: EntryProblem };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/** A name that is, or has a `/` segment that is, a forbidden key: reported as such, not as malformed. */
const forbidden = (key: string) =>
  isForbiddenKey(key) || (key.includes('/') && key.split('/').some(isForbiddenKey));

/**
 * Checks entries from a file (parsed JSON, untrusted) and turns them into messages, or names the
 * first entry that is wrong and which part of it. Structure only: tables and fields unknown to
 * this version are fine. With `range`, every timestamp must lie within it. Written by hand rather than with `syncFileEntrySchema` because it runs
 * over millions of values and must say which part is wrong; the tests hold the two to agree.
 */
export function decodeEntries(
  entries: unknown,
  range?: TimestampRange,
  { collect = true }: { collect?: boolean } = {},
): DecodedEntries {
  if (!Array.isArray(entries)) {
    return { ok: false, problem: { reason: 'reasonMalformedEntry', entry: 1, part: 'entry' } };
  }
  // Without `collect` only the counts are kept: a city-scale file's two million message objects
  // would cost hundreds of megabytes, and the apply path reads the entries themselves.
  const messages: SyncMessage[] = [];
  let messageCount = 0;
  const counts = new Map<string, number>();
  const rows = new Map<string, number>();
  const goodTables = new Set<string>();
  const goodFields = new Set<string>();
  const malformed = (entry: number, part: EntryPart, key?: string): DecodedEntries => ({
    ok: false,
    problem:
      key !== undefined && forbidden(key)
        ? { reason: 'reasonForbiddenKey', entry }
        : { reason: 'reasonMalformedEntry', entry, part },
  });

  for (let index = 0; index < entries.length; index += 1) {
    const entry: unknown = entries[index];
    const number = index + 1;
    if (!Array.isArray(entry) || entry.length !== 3) return malformed(number, 'entry');
    const [table, row, changes] = entry as [unknown, unknown, unknown];
    if (typeof table !== 'string' || !(goodTables.has(table) || isTableName(table))) {
      return malformed(number, 'table', typeof table === 'string' ? table : undefined);
    }
    goodTables.add(table);
    if (!isRowId(row)) return malformed(number, 'row', typeof row === 'string' ? row : undefined);
    if (!Array.isArray(changes)) return malformed(number, 'changes');
    // Our files list a record once, its writes once each: anything else was edited by hand or
    // made wrongly, and which copy to believe cannot be told.
    const rowKey = `${table}\u0000${row}`;
    const first = rows.get(rowKey);
    if (first !== undefined) {
      return { ok: false, problem: { reason: 'reasonDuplicateRow', entry: number, first } };
    }
    const writes = new Set<unknown>();
    let tableCount = counts.get(table) ?? 0;
    for (const change of changes as unknown[]) {
      if (!Array.isArray(change) || (change.length !== 2 && change.length !== 3)) {
        return malformed(number, 'changes');
      }
      const [ts, values, bases] = change as [unknown, unknown, unknown];
      if (!isTimestamp(ts)) return malformed(number, 'timestamp');
      if (writes.has(ts))
        return { ok: false, problem: { reason: 'reasonDuplicateChange', entry: number } };
      writes.add(ts);
      if (range !== undefined && (range === null || ts < range.from || ts > range.to)) {
        return { ok: false, problem: { reason: 'reasonOutOfRange', entry: number } };
      }
      if (!isPlainObject(values)) return malformed(number, 'values');
      if (change.length === 3) {
        if (!isPlainObject(bases)) return malformed(number, 'base');
        for (const field of Object.keys(bases)) {
          if (!Object.hasOwn(values, field) || !isTimestamp(bases[field])) {
            return malformed(number, 'base', field);
          }
        }
      }
      const baseOf = change.length === 3 ? (bases as Record<string, Timestamp>) : null;
      for (const field of Object.keys(values)) {
        if (!goodFields.has(field)) {
          if (!isFieldName(field)) return malformed(number, 'field', field);
          goodFields.add(field);
        }
        const value = values[field];
        const problem = checkJsonValue(value);
        if (problem === 'forbiddenKey') {
          return { ok: false, problem: { reason: 'reasonForbiddenKey', entry: number } };
        }
        if (problem === 'stringTooLong') {
          return {
            ok: false,
            problem: { reason: 'reasonStringTooLong', entry: number, maxLength: maxStringLength },
          };
        }
        if (problem) return malformed(number, 'value');
        if (collect) {
          const base = baseOf && Object.hasOwn(baseOf, field) ? baseOf[field]! : zeroTimestamp;
          messages.push({ ts, table, row, field, value: value as JsonValue, base });
        }
        messageCount += 1;
        tableCount += 1;
      }
    }
    counts.set(table, tableCount);
    rows.set(rowKey, number);
  }
  return {
    ok: true,
    messages,
    messageCount,
    rowCount: rows.size,
    counts: Object.fromEntries(counts),
  };
}

/** The inverse of `encodeMessages`, for entries known to be valid; throws otherwise. */
export function decodeMessages(entries: readonly SyncFileEntry[]): SyncMessage[] {
  const decoded = decodeEntries(entries);
  if (!decoded.ok) throw new RangeError(`Invalid sync entries: ${JSON.stringify(decoded.problem)}`);
  return decoded.messages;
}
