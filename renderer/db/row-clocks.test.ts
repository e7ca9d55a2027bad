import { describe, expect, it } from 'vitest';
import { formatTimestamp, zeroTimestamp } from '../../shared/sync/timestamp';
import { cellTimestamp, packClocks, readClocks, type RowClocks } from './row-clocks';

const ts = formatTimestamp({
  millis: Date.parse('2026-11-20T09:00:00.000Z'),
  counter: 0,
  node: '0123456789abcdef',
});
const clocks: RowClocks = { name: [ts, zeroTimestamp], createdAt: [zeroTimestamp, zeroTimestamp] };

describe('a record’s cell clocks', () => {
  it('are stored as one string and read back as they were', () => {
    const packed = packClocks(clocks);
    expect(typeof packed).toBe('string');
    expect(readClocks(packed)).toEqual(clocks);
    expect(cellTimestamp(packed, 'name')).toBe(ts);
  });

  it('name each timestamp once however many cells share it', () => {
    const cells = Array.from({ length: 20 }, (_, index) => `field${index}`);
    const row = Object.fromEntries(cells.map((cell) => [cell, [ts, zeroTimestamp] as const]));
    const packed = packClocks(row);
    expect(packed.split(ts)).toHaveLength(2);
    expect(packed.split(zeroTimestamp)).toHaveLength(2);
    expect(readClocks(packed)).toEqual(row);
  });

  it('still read from the object form rows written before 0.3 hold', () => {
    expect(readClocks(clocks)).toEqual(clocks);
    expect(cellTimestamp(clocks, 'createdAt')).toBe(zeroTimestamp);
  });

  it('read as none for a record that has none, and a copy is never the stored object', () => {
    expect(readClocks(undefined)).toEqual({});
    expect(cellTimestamp(undefined, 'name')).toBeUndefined();
    const copy = readClocks(clocks);
    copy.name = [zeroTimestamp, zeroTimestamp];
    expect(clocks.name?.[0]).toBe(ts);
  });
});
