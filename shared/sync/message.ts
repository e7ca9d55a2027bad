import { z } from 'zod';
import { timestampSchema, type Timestamp } from './timestamp';

/**
 * A sync message: one write of one cell (table, row, field) by one device. `base` is the timestamp
 * of the value the writer overwrote in that cell (`zeroTimestamp` when the cell was empty or held
 * a seeded default); comparing it with the receiver's stored timestamp tells concurrent edits from
 * sequential ones (see apply-rule.ts).
 *
 * This module checks structure only. Which tables and fields exist, and what values they take, is
 * the domain's business: unknown tables and fields are valid here (a newer app may send them).
 */

export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export type SyncMessage = {
  ts: Timestamp;
  table: string;
  row: string;
  field: string;
  value: JsonValue;
  base: Timestamp;
};

/**
 * Keys that change an object's prototype or shadow its constructor when code assigns them. They
 * are refused as tables, rows, fields (and each `/` segment of a field) and anywhere in a value,
 * so no consumer can be tricked into polluting a prototype with synced data.
 */
export const forbiddenKeys: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export function isForbiddenKey(key: string): boolean {
  return key === '__proto__' || key === 'constructor' || key === 'prototype';
}

/** Longer strings are refused: no field of ours needs them, and they make files easy to bloat. */
export const maxStringLength = 100_000;
/** Deeper values are refused, so checking a value never exhausts the stack. */
export const maxValueDepth = 32;

/*
 * The rules are regular expressions so that the JSON Schema generated for docs/sync-file-format.md
 * states them in full, forbidden keys included (as negative lookaheads).
 */
const tableNamePattern = /^(?!(?:constructor|prototype)$)[A-Za-z][A-Za-z0-9_]{0,63}$/;
const rowIdPattern = /^(?!(?:constructor|prototype)$)[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const fieldNamePattern =
  /^(?!(?:[\s\S]*\/)?(?:__proto__|constructor|prototype)(?:\/|$))[\s\S]{1,120}$/;

/** A table name: an identifier such as `approvalItems`. */
export function isTableName(value: unknown): value is string {
  return typeof value === 'string' && tableNamePattern.test(value);
}

/** A row id: a UUID in practice; structurally 1–128 characters of letters, digits and `_.:-`. */
export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && rowIdPattern.test(value);
}

/**
 * A field name: 1–120 characters. Set-like fields put each element in a field of its own, named
 * like `helperAgentIds/<id>`; no `/`-separated segment may be a forbidden key.
 */
export function isFieldName(value: unknown): value is string {
  return typeof value === 'string' && fieldNamePattern.test(value);
}

export type ValueProblem = 'notJson' | 'forbiddenKey' | 'stringTooLong' | 'tooDeep';

/** Null when `value` is a JSON value we accept; otherwise what is wrong with it. */
export function checkJsonValue(value: unknown, depth = 0): ValueProblem | null {
  switch (typeof value) {
    case 'string':
      return value.length > maxStringLength ? 'stringTooLong' : null;
    case 'number':
      return Number.isFinite(value) ? null : 'notJson';
    case 'boolean':
      return null;
    case 'object':
      break;
    default:
      return 'notJson';
  }
  if (value === null) return null;
  if (depth >= maxValueDepth) return 'tooDeep';
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      const problem = checkJsonValue(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return 'notJson';
  }
  for (const key of Object.keys(value)) {
    if (isForbiddenKey(key)) return 'forbiddenKey';
    if (key.length > maxStringLength) return 'stringTooLong';
    const problem = checkJsonValue((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}

export const tableNameSchema = z.string().regex(tableNamePattern);
export const rowIdSchema = z.string().regex(rowIdPattern);
export const fieldNameSchema = z.string().regex(fieldNamePattern);

const objectKeySchema = z
  .string()
  .max(maxStringLength)
  .regex(/^(?!(?:__proto__|constructor|prototype)$)/);

const jsonValueShape: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string().max(maxStringLength),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValueShape),
    z.record(objectKeySchema, jsonValueShape),
  ]),
);

/**
 * Any JSON value within our limits: string length, no forbidden keys, at most 32 levels deep.
 * The input itself is checked first: zod's records silently drop a `__proto__` key, and a file
 * that has one must be refused, not cleaned.
 */
export const jsonValueSchema = z
  .unknown()
  .refine((value) => checkJsonValue(value) === null)
  .pipe(jsonValueShape);

/** An object none of whose own keys is forbidden (zod's records would drop `__proto__` silently). */
export const hasNoForbiddenKeys = (value: unknown) =>
  typeof value !== 'object' || value === null || !Object.keys(value).some(isForbiddenKey);

export const syncMessageSchema = z.object({
  ts: timestampSchema,
  table: tableNameSchema,
  row: rowIdSchema,
  field: fieldNameSchema,
  value: jsonValueSchema,
  base: timestampSchema,
});
