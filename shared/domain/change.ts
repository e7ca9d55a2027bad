import { z } from 'zod';
import { requiredText } from './common';

/** Who made a change: the staff member this install belongs to (set at first start). */
export const actorSchema = z.object({
  name: requiredText(50),
  unit: requiredText(100),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * One entry of a record's history as version 0.1 logged it (the `changes` table): kept and shown;
 * since per-field sync, history is read from the sync log (renderer/db/history.ts).
 */
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
