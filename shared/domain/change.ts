import { z } from 'zod';
import { requiredText } from './common';

/** Who made a change: the staff member this install belongs to (set at first start). */
export const actorSchema = z.object({
  name: requiredText(50),
  unit: requiredText(100),
});
export type Actor = z.infer<typeof actorSchema>;

/** One entry of a record's history: who changed which fields when, with old and new values. */
export type ChangeRecord = {
  id: string;
  table: string;
  recordId: string;
  at: string;
  by: Actor;
  op: 'create' | 'update' | 'delete';
  /** field → [before, after]; JSON values. */
  fields: Record<string, [unknown, unknown]>;
  /** How the change arrived when it was not typed in on this install. */
  via?: 'restore';
};

/** The fields whose JSON values differ between two versions of a record. */
export function changedFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  ignore: readonly string[] = ['updatedAt'],
): Record<string, [unknown, unknown]> {
  const fields: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    const old = before?.[key];
    const now = after[key];
    if (JSON.stringify(old) !== JSON.stringify(now)) fields[key] = [old ?? null, now ?? null];
  }
  return fields;
}
