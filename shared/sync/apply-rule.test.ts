import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideMessage, type CellClock } from './apply-rule';
import { HybridLogicalClock } from './clock';
import type { JsonValue } from './message';
import { formatTimestamp, zeroTimestamp, type Timestamp } from './timestamp';

const t0 = Date.UTC(2026, 10, 29, 8, 0, 0);
const at = (minute: number, node = 'aaaaaaaaaaaaaaaa') =>
  formatTimestamp({ millis: t0 + minute * 60_000, counter: 0, node });

describe('decideMessage', () => {
  it('applies a message to an empty cell', () => {
    expect(decideMessage(undefined, { ts: at(1), base: zeroTimestamp })).toEqual({
      outcome: 'apply',
      conflict: null,
    });
  });

  it('drops a message it already holds', () => {
    expect(decideMessage([at(1), zeroTimestamp], { ts: at(1), base: zeroTimestamp })).toEqual({
      outcome: 'duplicate',
      conflict: null,
    });
  });

  it('never lets another write under the stored timestamp win: a collision, not a duplicate', () => {
    const stored: CellClock = [at(1), at(0)];
    expect(decideMessage(stored, { ts: at(1), base: at(0), same: false }).outcome).toBe(
      'collision',
    );
    expect(decideMessage(stored, { ts: at(1), base: zeroTimestamp, same: true }).outcome).toBe(
      'collision',
    );
    expect(decideMessage(stored, { ts: at(1), base: at(0), same: true }).outcome).toBe('duplicate');
    // The seed's defaults share the zero timestamp on every device.
    expect(
      decideMessage([zeroTimestamp, zeroTimestamp], {
        ts: zeroTimestamp,
        base: zeroTimestamp,
        same: false,
      }).outcome,
    ).toBe('duplicate');
  });

  it('applies a newer edit made on top of the stored value without a conflict', () => {
    const stored: CellClock = [at(1), zeroTimestamp];
    expect(decideMessage(stored, { ts: at(2), base: at(1) })).toEqual({
      outcome: 'apply',
      conflict: null,
    });
  });

  it('applies a newer edit made on top of an even newer value it has not seen yet', () => {
    // The writer saw at(2), which has not arrived here: the edits are sequential, not concurrent.
    const stored: CellClock = [at(1), zeroTimestamp];
    expect(decideMessage(stored, { ts: at(3), base: at(2) })).toEqual({
      outcome: 'apply',
      conflict: null,
    });
  });

  it('applies a newer edit made without knowing the stored value, and records the stored value as the loser', () => {
    const stored: CellClock = [at(2), at(1)];
    expect(decideMessage(stored, { ts: at(3), base: at(1) })).toEqual({
      outcome: 'apply',
      conflict: { loser: 'stored' },
    });
    expect(decideMessage(stored, { ts: at(3), base: zeroTimestamp })).toEqual({
      outcome: 'apply',
      conflict: { loser: 'stored' },
    });
  });

  it('does not report replacing a seeded default as a conflict', () => {
    const seeded: CellClock = [zeroTimestamp, zeroTimestamp];
    expect(decideMessage(seeded, { ts: at(1), base: zeroTimestamp })).toEqual({
      outcome: 'apply',
      conflict: null,
    });
  });

  it('logs an older message whose value the stored write overwrote knowingly, without a conflict', () => {
    expect(decideMessage([at(3), at(2)], { ts: at(2), base: at(1) })).toEqual({
      outcome: 'older',
      conflict: null,
    });
    // The stored write overwrote something newer than the message: the message was seen too.
    expect(decideMessage([at(3), at(2)], { ts: at(1), base: zeroTimestamp })).toEqual({
      outcome: 'older',
      conflict: null,
    });
  });

  it('logs an older message made without knowledge of the stored value as the loser', () => {
    expect(decideMessage([at(3), at(1)], { ts: at(2), base: at(1) })).toEqual({
      outcome: 'older',
      conflict: { loser: 'incoming' },
    });
    expect(decideMessage([at(3), zeroTimestamp], { ts: at(2), base: zeroTimestamp })).toEqual({
      outcome: 'older',
      conflict: { loser: 'incoming' },
    });
  });

  it('orders messages of the same millisecond by counter, then node', () => {
    const a = formatTimestamp({ millis: t0, counter: 1, node: 'aaaaaaaaaaaaaaaa' });
    const b = formatTimestamp({ millis: t0, counter: 1, node: 'bbbbbbbbbbbbbbbb' });
    expect(decideMessage([a, zeroTimestamp], { ts: b, base: zeroTimestamp }).outcome).toBe('apply');
    expect(decideMessage([b, zeroTimestamp], { ts: a, base: zeroTimestamp }).outcome).toBe('older');
  });
});

describe('concurrent and sequential edits between two devices', () => {
  type Cell = { clock: CellClock; value: JsonValue };

  /** One device's copy of one cell, with its clock. */
  function device(node: string, wall: () => number) {
    const clock = new HybridLogicalClock(node, wall);
    let cell: Cell | undefined;
    return {
      write(value: JsonValue) {
        const ts = clock.tick();
        const message = { ts, base: cell?.clock[0] ?? zeroTimestamp, value };
        cell = { clock: [ts, message.base], value };
        return message;
      },
      receive(message: { ts: Timestamp; base: Timestamp; value: JsonValue }) {
        clock.observe(message.ts);
        const decision = decideMessage(cell?.clock, message);
        if (decision.outcome === 'apply')
          cell = { clock: [message.ts, message.base], value: message.value };
        return decision;
      },
      value: () => cell?.value,
    };
  }

  it('an edit made after receiving the other device’s edit is no conflict on either side', () => {
    let now = t0;
    const wall = () => now;
    const a = device('aaaaaaaaaaaaaaaa', wall);
    const b = device('bbbbbbbbbbbbbbbb', wall);
    const first = a.write('建设单位甲');
    expect(b.receive(first).conflict).toBeNull();
    now += 1000;
    const second = b.write('建设单位乙');
    expect(a.receive(second)).toEqual({ outcome: 'apply', conflict: null });
    expect([a.value(), b.value()]).toEqual(['建设单位乙', '建设单位乙']);
  });

  it('two edits of the same field made offline are a conflict on both sides, and both keep the newer', () => {
    let now = t0;
    const wall = () => now;
    const a = device('aaaaaaaaaaaaaaaa', wall);
    const b = device('bbbbbbbbbbbbbbbb', wall);
    const shared = a.write('原值');
    b.receive(shared);
    now += 1000;
    const fromA = a.write('甲的修改');
    now += 1000;
    const fromB = b.write('乙的修改');
    expect(a.receive(fromB)).toEqual({ outcome: 'apply', conflict: { loser: 'stored' } });
    expect(b.receive(fromA)).toEqual({ outcome: 'older', conflict: { loser: 'incoming' } });
    expect([a.value(), b.value()]).toEqual(['乙的修改', '乙的修改']);
  });
});

describe('applying messages (property)', () => {
  type Message = { ts: Timestamp; base: Timestamp; cell: string; value: JsonValue };
  type Replica = Map<string, { clock: CellClock; value: JsonValue }>;

  const nodes = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
  const timestamp = fc
    .record({
      millis: fc.integer({ min: 0, max: 5 }),
      counter: fc.integer({ min: 0, max: 2 }),
      node: fc.constantFrom(...nodes),
    })
    .map(({ millis, counter, node }) => formatTimestamp({ millis: t0 + millis, counter, node }));
  const message: fc.Arbitrary<Message> = fc.record({
    ts: timestamp,
    base: fc.oneof(fc.constant(zeroTimestamp), timestamp),
    cell: fc.constantFrom('projects/p1/name', 'projects/p1/owner', 'items/i1/status'),
    value: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
  });
  // One timestamp is one write: a cell has at most one message per timestamp.
  const messages = fc.uniqueArray(message, {
    selector: (m) => `${m.cell} ${m.ts}`,
    maxLength: 30,
  });

  function apply(replica: Replica, incoming: readonly Message[]) {
    for (const m of incoming) {
      const decision = decideMessage(replica.get(m.cell)?.clock, m);
      if (decision.outcome === 'apply')
        replica.set(m.cell, { clock: [m.ts, m.base], value: m.value });
    }
  }

  const sorted = (replica: Replica) => [...replica.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

  it('any order of delivery, with duplicates, gives the same values and clocks', () => {
    fc.assert(
      fc.property(
        messages.chain((all) =>
          fc.tuple(
            fc.constant(all),
            fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
            fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
            fc.array(fc.constantFrom(...(all.length > 0 ? all : [undefined])), { maxLength: 10 }),
          ),
        ),
        ([all, order1, order2, duplicates]) => {
          const extra = duplicates.filter((m): m is Message => m !== undefined);
          const first: Replica = new Map();
          const second: Replica = new Map();
          apply(first, [...order1, ...extra]);
          apply(second, [...extra, ...order2, ...extra]);
          expect(sorted(first)).toEqual(sorted(second));
          // And the value kept is the newest message's for every cell.
          for (const [cell, { clock, value }] of first) {
            const newest = all
              .filter((m) => m.cell === cell)
              .sort((a, b) => (a.ts < b.ts ? 1 : -1))[0]!;
            expect(clock).toEqual([newest.ts, newest.base]);
            expect(value).toEqual(newest.value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
