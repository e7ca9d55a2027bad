import type { SyncedTable } from '../domain/records';
import type { JsonValue } from './message';
import { cellProblem, isKnownTable, splitCellName } from './record-cells';
import type { SyncFileChange, SyncFileEntry } from './sync-entries';
import type { Timestamp } from './timestamp';

/** A value this version knows the field of but cannot take (text where a date belongs, say). */
export type IncomingProblem = {
  reason: 'reasonWrongValue';
  /** Counted from 1 in the order of the file. */
  entry: number;
  table: SyncedTable;
  field: string;
};

export type SplitIncoming =
  | {
      ok: true;
      /** Entries of tables and fields this version knows: applied. */
      known: SyncFileEntry[];
      /** Entries of tables or fields it does not know (a newer app's): parked until an upgrade. */
      parked: SyncFileEntry[];
    }
  | { ok: false; problem: IncomingProblem };

/**
 * Checks received entries against the domain before anything is applied: every value of a known
 * field must be one the field can hold, or the whole batch is refused. Cells this version does not
 * know are not an error: a newer app may have sent them, and they are kept for after an upgrade.
 */
export function splitIncoming(entries: readonly SyncFileEntry[]): SplitIncoming {
  const known: SyncFileEntry[] = [];
  const parked: SyncFileEntry[] = [];
  for (const [index, [table, row, changes]] of entries.entries()) {
    if (!isKnownTable(table)) {
      parked.push([table, row, changes]);
      continue;
    }
    const knownChanges: SyncFileChange[] = [];
    const parkedChanges: SyncFileChange[] = [];
    for (const change of changes) {
      const [ts, values] = change;
      const bases = change[2];
      const kept: Record<string, JsonValue> = {};
      const later: Record<string, JsonValue> = {};
      for (const [cell, value] of Object.entries(values)) {
        const problem = cellProblem(table, cell, value);
        if (problem === 'wrongValue') {
          return {
            ok: false,
            problem: {
              reason: 'reasonWrongValue',
              entry: index + 1,
              table,
              field: splitCellName(cell).field,
            },
          };
        }
        if (problem === 'unknownField') later[cell] = value;
        else kept[cell] = value;
      }
      const part = (cells: Record<string, JsonValue>) => withBases(ts, cells, bases);
      if (Object.keys(kept).length > 0) knownChanges.push(part(kept));
      if (Object.keys(later).length > 0) parkedChanges.push(part(later));
    }
    if (knownChanges.length > 0) known.push([table, row, knownChanges]);
    if (parkedChanges.length > 0) parked.push([table, row, parkedChanges]);
  }
  return { ok: true, known, parked };
}

function withBases(
  ts: Timestamp,
  values: Record<string, JsonValue>,
  bases: Readonly<Record<string, Timestamp>> | undefined,
): SyncFileChange {
  if (!bases) return [ts, values];
  const own: Record<string, Timestamp> = {};
  for (const cell of Object.keys(values)) if (Object.hasOwn(bases, cell)) own[cell] = bases[cell]!;
  return Object.keys(own).length > 0 ? [ts, values, own] : [ts, values];
}
