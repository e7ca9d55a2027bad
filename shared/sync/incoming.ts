import type { SyncedTable } from '../domain/records';
import type { JsonValue } from './message';
import { cellProblem, isKnownTable, isRecordId, splitCellName } from './record-cells';
import type { SyncFileChange, SyncFileEntry } from './sync-entries';
import type { Timestamp } from './timestamp';

/**
 * Bounds on what is parked (tables and fields this version does not know, kept for after an
 * upgrade): a newer app sends a few new fields, not millions of values or megabytes in one. A
 * batch beyond them is refused whole, before anything is stored.
 */
export const parkedLimits = {
  /** Messages parked from one batch (one file). */
  messages: 250_000,
  /** Bytes of one parked value, as UTF-8 JSON with its field name. */
  valueBytes: 64 * 1024,
  /** Bytes parked from one batch in all. */
  totalBytes: 32 * 1024 * 1024,
} as const;

/** Why received entries are refused; `entry` counts from 1 in the order of the batch. */
export type IncomingProblem =
  /** A value this version knows the field of but cannot take (text where a date belongs, say). */
  | { reason: 'reasonWrongValue'; entry: number; table: SyncedTable; field: string }
  /** A record of a known table whose id no record can have (not a UUID). */
  | { reason: 'reasonBadRecordId'; entry: number; table: SyncedTable }
  /** Too much this version cannot read yet: more messages or bytes than `parkedLimits`. */
  | { reason: 'reasonParkedTooMany'; entry: number; limit: number }
  | { reason: 'reasonParkedValueTooLarge'; entry: number; limitKiB: number }
  | { reason: 'reasonParkedTooLarge'; entry: number; limitMiB: number };

export type SplitIncoming =
  | {
      ok: true;
      /** Entries of tables and fields this version knows: applied. */
      known: SyncFileEntry[];
      /** Entries of tables or fields it does not know (a newer app's): parked until an upgrade. */
      parked: SyncFileEntry[];
    }
  | { ok: false; problem: IncomingProblem };

/** UTF-8 bytes of a string, without encoding it. */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // Two bytes up to U+07FF, three for the rest of the BMP; a surrogate pair (two units) is four.
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/**
 * Checks received entries against the domain before anything is applied: every value of a known
 * field must be one the field can hold and every record of a known table must have a record id,
 * or the whole batch is refused. Cells this version does not know are not an error: a newer app
 * may have sent them, and they are kept for after an upgrade, within `parkedLimits` (a received
 * batch; what is parked already is `bounded: false`).
 */
export function splitIncoming(
  entries: readonly SyncFileEntry[],
  { bounded = true }: { bounded?: boolean } = {},
): SplitIncoming {
  const known: SyncFileEntry[] = [];
  const parked: SyncFileEntry[] = [];
  let parkedMessages = 0;
  let parkedBytes = 0;
  let tooMuch: IncomingProblem | null = null;
  /** Counts parked cells; records the first bound they pass. */
  const park = (entry: number, table: string, row: string, cells: Record<string, JsonValue>) => {
    for (const [cell, value] of Object.entries(cells)) {
      const bytes = utf8Length(cell) + utf8Length(JSON.stringify(value));
      parkedMessages += 1;
      parkedBytes += bytes;
      if (tooMuch || !bounded) continue;
      if (bytes > parkedLimits.valueBytes) {
        tooMuch = {
          reason: 'reasonParkedValueTooLarge',
          entry,
          limitKiB: parkedLimits.valueBytes / 1024,
        };
      } else if (parkedMessages > parkedLimits.messages) {
        tooMuch = { reason: 'reasonParkedTooMany', entry, limit: parkedLimits.messages };
      } else if (parkedBytes > parkedLimits.totalBytes) {
        tooMuch = {
          reason: 'reasonParkedTooLarge',
          entry,
          limitMiB: parkedLimits.totalBytes / 1024 / 1024,
        };
      }
    }
    parkedBytes += utf8Length(table) + utf8Length(row);
  };
  for (const [index, [table, row, changes]] of entries.entries()) {
    const entry = index + 1;
    if (!isKnownTable(table)) {
      for (const [, values] of changes) park(entry, table, row, values);
      if (tooMuch) return { ok: false, problem: tooMuch };
      parked.push([table, row, changes]);
      continue;
    }
    if (!isRecordId(table, row)) {
      return { ok: false, problem: { reason: 'reasonBadRecordId', entry, table } };
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
            problem: { reason: 'reasonWrongValue', entry, table, field: splitCellName(cell).field },
          };
        }
        if (problem === 'unknownField') later[cell] = value;
        else kept[cell] = value;
      }
      const part = (cells: Record<string, JsonValue>) => withBases(ts, cells, bases);
      if (Object.keys(kept).length > 0) knownChanges.push(part(kept));
      if (Object.keys(later).length > 0) {
        park(entry, table, row, later);
        if (tooMuch) return { ok: false, problem: tooMuch };
        parkedChanges.push(part(later));
      }
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
