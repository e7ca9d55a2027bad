import type { z } from 'zod';
import { pausedIntervalSchema } from '../domain/approval-item';
import { deviceUserSchema } from '../domain/device';
import { recordSchemas, type SyncedTable } from '../domain/records';
import { stages } from '../domain/stages';
import type { JsonValue } from './message';
import type { Timestamp } from './timestamp';

/**
 * A record as the sync engine sees it: one cell per field, so two people editing different fields
 * of one record both keep their change (last writer wins per cell, not per record).
 *
 * Fields that two people can add to at the same time are sets: each element is a cell of its own,
 * named `field/key`, holding the element (or `true` for a set of ids) while present and `null` once
 * removed. So two helper-agents added to one project on two computers are both kept, and so are
 * two pauses entered for one approval item.
 *
 * Not cells: `id` (it is the row) and `updatedAt` (it follows from the cells' timestamps), and
 * anything starting with `_` (the stored row's local bookkeeping, see renderer/db).
 */

type SetField =
  /** A set of ids or codes: element `key` is present when its cell holds `true`. */
  | { kind: 'keys'; isKey: (key: string) => boolean }
  /** A set of objects, each identified by one of its fields (`from` of a pause). */
  | { kind: 'keyed'; keyField: string; element: z.ZodType };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const setFields: { readonly [T in SyncedTable]?: Readonly<Record<string, SetField>> } = {
  projects: {
    helperAgentIds: { kind: 'keys', isKey: (key) => uuidPattern.test(key) },
    attorneyStages: { kind: 'keys', isKey: (key) => (stages as readonly string[]).includes(key) },
  },
  // Two pauses never start on the same day: a pause is known by its first day.
  approvalItems: {
    pausedIntervals: { kind: 'keyed', keyField: 'from', element: pausedIntervalSchema },
  },
  devices: { users: { kind: 'keyed', keyField: 'since', element: deviceUserSchema } },
};

export type Cells = Map<string, JsonValue>;

const separator = '/';

export function cellName(field: string, key?: string): string {
  return key === undefined ? field : `${field}${separator}${key}`;
}

export function splitCellName(cell: string): { field: string; key?: string } {
  const at = cell.indexOf(separator);
  return at < 0 ? { field: cell } : { field: cell.slice(0, at), key: cell.slice(at + 1) };
}

function isCellField(field: string): boolean {
  return field !== 'id' && field !== 'updatedAt' && !field.startsWith('_');
}

type Row = Record<string, unknown>;

/**
 * The set field a table has under this name. Looked up as an own property: a name received from
 * another computer may be `toString` or `hasOwnProperty`, which every plain object inherits.
 */
function setFieldOf(table: SyncedTable, field: string): SetField | undefined {
  const sets = Object.hasOwn(setFields, table) ? setFields[table] : undefined;
  return sets && Object.hasOwn(sets, field) ? sets[field] : undefined;
}

/** A field a record holds itself (not one every object inherits, such as `toString`). */
function ownField(row: Readonly<Row>, field: string): unknown {
  return Object.hasOwn(row, field) ? row[field] : undefined;
}

/** The cells of a record: every field, set fields element by element (present elements only). */
export function recordCells(table: SyncedTable, row: Readonly<Row>): Cells {
  const cells: Cells = new Map();
  for (const [field, value] of Object.entries(row)) {
    if (!isCellField(field) || value === undefined) continue;
    const set = setFieldOf(table, field);
    if (!set) {
      cells.set(field, value as JsonValue);
    } else if (set.kind === 'keys') {
      for (const key of value as string[]) cells.set(cellName(field, key), true);
    } else {
      for (const element of value as Row[]) {
        cells.set(cellName(field, String(element[set.keyField])), element as JsonValue);
      }
    }
  }
  return cells;
}

/**
 * The cells whose value differs between two versions of a record; a set element that is gone
 * becomes `null`. This is what a local write sends: only what the user changed.
 */
export function changedCells(
  table: SyncedTable,
  before: Readonly<Row> | undefined,
  after: Readonly<Row>,
): Cells {
  const old = before ? recordCells(table, before) : new Map<string, JsonValue>();
  const now = recordCells(table, after);
  const changed: Cells = new Map();
  for (const [cell, value] of now) {
    if (!old.has(cell) || !sameValue(old.get(cell), value)) changed.set(cell, value);
  }
  for (const cell of old.keys()) {
    if (!now.has(cell) && splitCellName(cell).key !== undefined) changed.set(cell, null);
  }
  return changed;
}

/** The value a record holds in a cell; `null` for an absent field or set element. */
export function readCell(table: SyncedTable, row: Readonly<Row>, cell: string): JsonValue {
  const { field, key } = splitCellName(cell);
  const value = ownField(row, field);
  if (key === undefined) return value === undefined ? null : (value as JsonValue);
  const set = setFieldOf(table, field);
  if (!set || !Array.isArray(value)) return null;
  if (set.kind === 'keys') return (value as string[]).includes(key) ? true : null;
  const element = (value as Row[]).find((item) => String(item[set.keyField]) === key);
  return element === undefined ? null : (element as JsonValue);
}

/**
 * Writes one cell into a record (mutating it). Set elements keep a stable order on every
 * computer: ids by when they were added (the cell's timestamp, then the id), keyed elements by
 * their key (a pause's first day, a user's start).
 */
export function writeCell(
  table: SyncedTable,
  row: Row,
  cell: string,
  value: JsonValue,
  clockOf: (cell: string) => Timestamp | undefined,
): void {
  const { field, key } = splitCellName(cell);
  if (key === undefined) {
    row[field] = value;
    return;
  }
  const set = setFieldOf(table, field);
  if (!set) return;
  if (set.kind === 'keys') {
    const keys = ((ownField(row, field) as string[] | undefined) ?? []).filter(
      (item) => item !== key,
    );
    if (value === true) keys.push(key);
    const order = (id: string) => clockOf(cellName(field, id)) ?? '';
    row[field] = keys.sort((a, b) => order(a).localeCompare(order(b)) || a.localeCompare(b));
  } else {
    const elements = ((ownField(row, field) as Row[] | undefined) ?? []).filter(
      (item) => String(item[set.keyField]) !== key,
    );
    if (value !== null) elements.push(value as Row);
    row[field] = elements.sort((a, b) =>
      String(a[set.keyField]).localeCompare(String(b[set.keyField])),
    );
  }
}

/**
 * Gives a record its empty set fields: a set with no elements has no cells, but the record still
 * holds the field (an empty list).
 */
export function completeSetFields(table: SyncedTable, row: Row): void {
  const sets = Object.hasOwn(setFields, table) ? setFields[table] : undefined;
  for (const field of Object.keys(sets ?? {})) row[field] ??= [];
}

/** Why a cell value cannot be taken: an i18n key under `sync.` (worded for users by the renderer). */
export type CellProblem = 'unknownField' | 'wrongValue';

const shapes = new Map<SyncedTable, ReadonlyMap<string, z.ZodType>>();

/**
 * Each field's own schema (the record schema's refinements across fields are checked later), in
 * a Map: a field named `toString` or `valueOf` must find nothing, not Object.prototype's method.
 */
function fieldSchemas(table: SyncedTable): ReadonlyMap<string, z.ZodType> {
  let shape = shapes.get(table);
  if (!shape) {
    const schema = recordSchemas[table] as z.ZodType;
    shape = new Map(Object.entries(objectShape(schema)));
    shapes.set(table, shape);
  }
  return shape;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    left?: z.ZodType;
    right?: z.ZodType;
  };
  if (def.type === 'object' && def.shape) return def.shape;
  if (def.type === 'intersection' && def.left && def.right) {
    return { ...objectShape(def.left), ...objectShape(def.right) };
  }
  throw new Error(`record schema of type ${def.type} has no fields`);
}

/** Checks one incoming cell against the field's schema; null when it is fine. */
export function cellProblem(
  table: SyncedTable,
  cell: string,
  value: JsonValue,
): CellProblem | null {
  const { field, key } = splitCellName(cell);
  const schema = fieldSchemas(table).get(field);
  if (!schema || field === 'id' || field === 'updatedAt') return 'unknownField';
  const set = setFieldOf(table, field);
  if (key === undefined) {
    if (set) return 'wrongValue';
    return schema.safeParse(value).success ? null : 'wrongValue';
  }
  if (!set) return 'unknownField';
  if (set.kind === 'keys') {
    return set.isKey(key) && (value === true || value === null) ? null : 'wrongValue';
  }
  if (value === null) return null;
  const element = set.element.safeParse(value);
  return element.success && String((value as Row)[set.keyField]) === key ? null : 'wrongValue';
}

/**
 * Whether a record id is one the table's records can have (a UUID): a known table's record is
 * stored under its id, so an id no record of ours can hold is refused, not stored.
 */
export function isRecordId(table: SyncedTable, id: string): boolean {
  const schema = fieldSchemas(table).get('id');
  return schema !== undefined && schema.safeParse(id).success;
}

/** Whether this version knows a table (an own property of the schemas, never `toString`). */
export function isKnownTable(table: string): table is SyncedTable {
  return Object.hasOwn(recordSchemas, table);
}

/** Equal as JSON values: key order does not matter ({days, unit} equals {unit, days}). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  return (
    keys.length === Object.keys(right).filter((key) => right[key] !== undefined).length &&
    keys.every((key) => sameValue(left[key], right[key]))
  );
}
