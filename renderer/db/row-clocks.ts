import type { CellClock } from '../../shared/sync/apply-rule';

/** Each cell's [timestamp, base] (shared/sync/record-cells.ts), as the sync engine works with them. */
export type RowClocks = Record<string, CellClock>;

/**
 * How a record keeps its cells' clocks: one JSON string. IndexedDB clones every object of a
 * record on each read, and a record's 20-odd clock pairs as objects made reading a city's
 * records about four times slower for every list; as a string they cost one copy, and only
 * sync code parses them. Rows written before 0.3 hold the object form, which still reads.
 */
export type StoredClocks = string | RowClocks;

export function readClocks(stored: StoredClocks | undefined): RowClocks {
  if (stored === undefined) return {};
  return typeof stored === 'string' ? (JSON.parse(stored) as RowClocks) : { ...stored };
}

export function packClocks(clocks: RowClocks): string {
  return JSON.stringify(clocks);
}

/** The timestamp of one cell, if the record has it. */
export function cellTimestamp(stored: StoredClocks | undefined, cell: string) {
  return readClocks(stored)[cell]?.[0];
}
