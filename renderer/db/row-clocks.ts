import type { CellClock } from '../../shared/sync/apply-rule';
import type { Timestamp } from '../../shared/sync/timestamp';

/** Each cell's [timestamp, base] (shared/sync/record-cells.ts), as the sync engine works with them. */
export type RowClocks = Record<string, CellClock>;

/**
 * How a record keeps its cells' clocks: one string, the distinct timestamps once and each cell as
 * two indexes into them — `[["ts0","ts1"],{"name":[1,0],…}]`. IndexedDB pays for every object
 * and every byte of a record on each read: 20-odd clock pairs as objects made reading a city's
 * records three to four times slower than the bare fields, and as plain JSON (2 KB a record)
 * still nearly three times; a record's cells mostly share one or two timestamps, so this form
 * is about a fifth of that and reads as fast as the bare fields. Only sync code parses it. Rows
 * written before 0.3 hold the object form, which still reads.
 */
export type StoredClocks = string | RowClocks;

type PackedClocks = [stamps: Timestamp[], cells: Record<string, [ts: number, base: number]>];

export function readClocks(stored: StoredClocks | undefined): RowClocks {
  if (stored === undefined) return {};
  if (typeof stored !== 'string') return { ...stored };
  const [stamps, cells] = JSON.parse(stored) as PackedClocks;
  const clocks: RowClocks = {};
  for (const [cell, [ts, base]] of Object.entries(cells))
    clocks[cell] = [stamps[ts]!, stamps[base]!];
  return clocks;
}

export function packClocks(clocks: RowClocks): string {
  const stamps: Timestamp[] = [];
  const indexOf = new Map<Timestamp, number>();
  const at = (ts: Timestamp) => {
    let index = indexOf.get(ts);
    if (index === undefined) {
      index = stamps.push(ts) - 1;
      indexOf.set(ts, index);
    }
    return index;
  };
  const cells: PackedClocks[1] = {};
  for (const [cell, [ts, base]] of Object.entries(clocks)) cells[cell] = [at(ts), at(base)];
  return JSON.stringify([stamps, cells]);
}

/** The timestamp of one cell, if the record has it. */
export function cellTimestamp(stored: StoredClocks | undefined, cell: string) {
  return readClocks(stored)[cell]?.[0];
}
