import { zeroTimestamp, type Timestamp } from './timestamp';

/**
 * What a device stores per cell: the timestamp of the value it holds and that write's base (the
 * timestamp of the value the writer overwrote).
 */
export type CellClock = readonly [ts: Timestamp, base: Timestamp];

export type ApplyOutcome = 'apply' | 'duplicate' | 'older' | 'collision';

/**
 * A write whose timestamp this computer holds with other content (another record, other values
 * or bases): two writes under one timestamp. Refused, never merged into the one held or skipped
 * as known. `entry` counts from 1 in the order of the batch.
 */
export type TimestampCollision = {
  reason: 'reasonTimestampCollision';
  entry: number;
  table: string;
  row: string;
  ts: Timestamp;
};

/** Which value lost to a concurrent edit of the same cell: the one stored, or the one arriving. */
export type ConflictLoser = 'stored' | 'incoming';

export type ApplyDecision = {
  outcome: ApplyOutcome;
  conflict: null | { loser: ConflictLoser };
};

/**
 * Last writer wins per cell: the value with the highest timestamp stays, whatever order messages
 * arrive in, so every copy that has seen the same messages holds the same values. Two different
 * writes must never share a timestamp (it carries the writing device's node id, and one device
 * never issues the same timestamp twice), so there are no ties to break: a message with the
 * stored timestamp is the same write only when its value and base are the stored ones (`same`);
 * else it is a collision, which never wins and is reported by the caller. The seed's zero
 * timestamp is the built-in default, the same on every device: never a collision.
 *
 * Conflicts: the value a device holds for a cell is the newest it has seen, so a writer's `base`
 * is at least the timestamp of every write to that cell it knew of. Hence, for two writes S and M
 * with S older, M's writer knew of S exactly when M.base ≥ S.ts. When M.base < S.ts the two were
 * made without knowledge of each other, and the older one loses silently unless it is recorded:
 * - incoming newer: the stored value loses; a conflict iff message.base < stored ts. A stored
 *   zero timestamp (seeded default) never counts: replacing a default is not a colleague's loss.
 * - incoming older: it is logged, not applied; a conflict iff stored base < message.ts.
 * Conflicts are a report for users, judged against the value held at the moment a message
 * arrives; unlike the values, which conflicts get reported may depend on arrival order.
 */
export function decideMessage(
  stored: CellClock | undefined,
  message: { ts: Timestamp; base: Timestamp; same?: boolean },
): ApplyDecision {
  if (!stored) return { outcome: 'apply', conflict: null };
  const [storedTs, storedBase] = stored;
  if (message.ts === storedTs) {
    const collides =
      (message.same === false || message.base !== storedBase) && storedTs !== zeroTimestamp;
    return { outcome: collides ? 'collision' : 'duplicate', conflict: null };
  }
  if (message.ts > storedTs) {
    const concurrent = message.base < storedTs && storedTs !== zeroTimestamp;
    return { outcome: 'apply', conflict: concurrent ? { loser: 'stored' } : null };
  }
  return { outcome: 'older', conflict: storedBase < message.ts ? { loser: 'incoming' } : null };
}
