import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatTimestamp,
  isNodeId,
  isTimestamp,
  maxTimestampMillis,
  newNodeId,
  parseTimestamp,
  parseTimestampText,
  timestampLength,
  timestampMillis,
  timestampSchema,
  zeroTimestamp,
} from './timestamp';

const node = '0123456789abcdef';

const timestampPartsArbitrary = fc.record({
  millis: fc.integer({ min: 0, max: maxTimestampMillis }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node: fc.stringMatching(/^[0-9a-f]{16}$/),
});

describe('timestamps', () => {
  it('are written as ISO time, counter and node, 46 characters', () => {
    const ts = formatTimestamp({
      millis: Date.UTC(2026, 10, 29, 23, 17, 41, 123),
      counter: 0,
      node,
    });
    expect(ts).toBe('2026-11-29T23:17:41.123Z-0000-0123456789abcdef');
    expect(ts).toHaveLength(timestampLength);
    expect(formatTimestamp({ millis: 0, counter: 0xabc, node })).toBe(
      '1970-01-01T00:00:00.000Z-0ABC-0123456789abcdef',
    );
  });

  it('the zero timestamp is a valid timestamp older than any write', () => {
    expect(isTimestamp(zeroTimestamp)).toBe(true);
    expect(zeroTimestamp).toHaveLength(timestampLength);
    expect(parseTimestamp(zeroTimestamp)).toEqual({ millis: 0, counter: 0, node: '0'.repeat(16) });
    expect(
      formatTimestamp({ millis: 0, counter: 0, node: '0000000000000001' }) > zeroTimestamp,
    ).toBe(true);
  });

  it('round-trip through parse and format', () => {
    fc.assert(
      fc.property(timestampPartsArbitrary, (parts) => {
        const ts = formatTimestamp(parts);
        expect(ts).toHaveLength(timestampLength);
        expect(isTimestamp(ts)).toBe(true);
        expect(timestampSchema.safeParse(ts).success).toBe(true);
        expect(parseTimestamp(ts)).toEqual(parts);
        expect(parseTimestampText(ts)).toEqual(parts);
        expect(timestampMillis(ts)).toBe(Date.parse(ts.slice(0, 24)));
      }),
    );
  });

  it('sort as strings exactly as by time, then counter, then node', () => {
    fc.assert(
      fc.property(timestampPartsArbitrary, timestampPartsArbitrary, (a, b) => {
        const byParts =
          a.millis - b.millis ||
          a.counter - b.counter ||
          (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
        const ta = formatTimestamp(a);
        const tb = formatTimestamp(b);
        const byText = ta < tb ? -1 : ta > tb ? 1 : 0;
        expect(byText).toBe(Math.sign(byParts));
      }),
    );
  });

  it.each([
    ['an ISO date without counter and node', '2026-11-29T23:17:41.123Z'],
    ['a lower-case counter', '2026-11-29T23:17:41.123Z-00ab-0123456789abcdef'],
    ['an upper-case node', '2026-11-29T23:17:41.123Z-0000-0123456789ABCDEF'],
    ['a short node', '2026-11-29T23:17:41.123Z-0000-0123456789abcde'],
    ['a time without millis', '2026-11-29T23:17:41Z-0000-0123456789abcdef'],
    ['a time with an offset', '2026-11-29T23:17:41.123+08:00-0000-0123456789abcdef'],
    ['30 February', '2026-02-30T00:00:00.000Z-0000-0123456789abcdef'],
    ['hour 24', '2026-02-28T24:00:00.000Z-0000-0123456789abcdef'],
    ['month 13', '2026-13-01T00:00:00.000Z-0000-0123456789abcdef'],
    ['a time before 1970', '1969-12-31T23:59:59.999Z-0000-0123456789abcdef'],
    ['trailing text', '2026-11-29T23:17:41.123Z-0000-0123456789abcdef\n'],
  ])('refuse %s', (_, text) => {
    expect(isTimestamp(text)).toBe(false);
    expect(timestampSchema.safeParse(text).success).toBe(false);
    expect(parseTimestampText(text)).toBeNull();
  });

  it('refuse what is not a string', () => {
    expect(isTimestamp(0)).toBe(false);
    expect(timestampSchema.safeParse(null).success).toBe(false);
  });

  it('accept 29 February in a leap year', () => {
    expect(isTimestamp('2028-02-29T12:00:00.000Z-0000-0123456789abcdef')).toBe(true);
  });

  it('cannot be formatted from parts out of range', () => {
    expect(() => formatTimestamp({ millis: -1, counter: 0, node })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: 1.5, counter: 0, node })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: maxTimestampMillis + 1, counter: 0, node })).toThrow(
      RangeError,
    );
    expect(() => formatTimestamp({ millis: 0, counter: 0x10000, node })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: 0, counter: -1, node })).toThrow(RangeError);
    expect(() => formatTimestamp({ millis: 0, counter: 0, node: 'device-1' })).toThrow(RangeError);
  });
});

describe('node ids', () => {
  it('are 16 lower-case hex digits', () => {
    expect(isNodeId(node)).toBe(true);
    expect(isNodeId('0123456789ABCDEF')).toBe(false);
    expect(isNodeId('0123456789abcde')).toBe(false);
    expect(isNodeId(123)).toBe(false);
  });

  it('are random per device', () => {
    const ids = new Set(Array.from({ length: 100 }, newNodeId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isNodeId(id)).toBe(true);
  });
});
