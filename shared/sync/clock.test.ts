import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkDrift,
  ClockDriftError,
  HybridLogicalClock,
  maxClockDriftMillis,
  type ClockState,
} from './clock';
import { formatTimestamp, parseTimestamp, type Timestamp } from './timestamp';

const nodeA = 'aaaaaaaaaaaaaaaa';
const nodeB = 'bbbbbbbbbbbbbbbb';
const t0 = Date.UTC(2026, 10, 29, 8, 0, 0);

/** A wall clock the test sets by hand. */
function manualClock(start = t0) {
  let now = start;
  return { read: () => now, set: (millis: number) => (now = millis) };
}

describe('HybridLogicalClock.tick', () => {
  it('follows the wall clock when it moves on', () => {
    const wall = manualClock();
    const clock = new HybridLogicalClock(nodeA, wall.read);
    expect(clock.tick()).toBe(formatTimestamp({ millis: t0, counter: 0, node: nodeA }));
    wall.set(t0 + 5);
    expect(clock.tick()).toBe(formatTimestamp({ millis: t0 + 5, counter: 0, node: nodeA }));
  });

  it('counts writes within one millisecond', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    const stamps = [clock.tick(), clock.tick(), clock.tick()];
    expect(stamps.map((ts) => parseTimestamp(ts).counter)).toEqual([0, 1, 2]);
  });

  it('stays monotonic when the wall clock goes backwards', () => {
    const wall = manualClock();
    const clock = new HybridLogicalClock(nodeA, wall.read);
    const first = clock.tick();
    wall.set(t0 - 60 * 60 * 1000);
    const second = clock.tick();
    expect(second > first).toBe(true);
    expect(parseTimestamp(second)).toEqual({ millis: t0, counter: 1, node: nodeA });
  });

  it('moves on one millisecond instead of throwing when the counter would pass 0xFFFF', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0, { millis: t0, counter: 0xfffe });
    expect(parseTimestamp(clock.tick())).toEqual({ millis: t0, counter: 0xffff, node: nodeA });
    expect(parseTimestamp(clock.tick())).toEqual({ millis: t0 + 1, counter: 0, node: nodeA });
    expect(parseTimestamp(clock.tick())).toEqual({ millis: t0 + 1, counter: 1, node: nodeA });
  });

  it('issues 200,000 strictly increasing timestamps within one frozen millisecond', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    let previous = clock.tick();
    for (let index = 0; index < 200_000; index += 1) {
      const next = clock.tick();
      if (!(next > previous)) throw new Error(`${next} after ${previous}`);
      previous = next;
    }
    expect(parseTimestamp(previous).millis).toBe(t0 + 3);
  });

  it('continues from its saved state after a restart', () => {
    const wall = manualClock();
    const clock = new HybridLogicalClock(nodeA, wall.read);
    clock.observe(formatTimestamp({ millis: t0 + 1000, counter: 7, node: nodeB }));
    const before = clock.tick();
    const saved: ClockState = clock.state();
    expect(saved).toEqual({ millis: t0 + 1000, counter: 9 });
    const restarted = new HybridLogicalClock(nodeA, wall.read, saved);
    expect(restarted.tick() > before).toBe(true);
  });

  it('refuses a bad node id or state', () => {
    expect(() => new HybridLogicalClock('device-a')).toThrow(RangeError);
    expect(() => new HybridLogicalClock(nodeA, Date.now, { millis: -1, counter: 0 })).toThrow(
      RangeError,
    );
    expect(() => new HybridLogicalClock(nodeA, Date.now, { millis: 0, counter: 0x10000 })).toThrow(
      RangeError,
    );
    expect(() => new HybridLogicalClock(nodeA, () => Number.NaN).tick()).toThrow(RangeError);
  });
});

describe('HybridLogicalClock.observe', () => {
  it('makes every later local write newer than the observed batch', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    const remote = formatTimestamp({ millis: t0 + 60_000, counter: 3, node: nodeB });
    clock.observe(remote);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(parseTimestamp(next)).toEqual({ millis: t0 + 60_000, counter: 5, node: nodeA });
  });

  it('takes the larger counter when its own time equals the remote time', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0 - 5, { millis: t0, counter: 2 });
    clock.observe(formatTimestamp({ millis: t0, counter: 9, node: nodeB }));
    expect(clock.state()).toEqual({ millis: t0, counter: 10 });
  });

  it('keeps its own time when the remote one is older', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0, { millis: t0 + 10, counter: 4 });
    clock.observe(formatTimestamp({ millis: t0 - 1000, counter: 9, node: nodeB }));
    expect(clock.state()).toEqual({ millis: t0 + 10, counter: 5 });
  });

  it('restarts the counter when the wall clock is ahead of both', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0 + 500, { millis: t0, counter: 4 });
    clock.observe(formatTimestamp({ millis: t0 + 100, counter: 9, node: nodeB }));
    expect(clock.state()).toEqual({ millis: t0 + 500, counter: 0 });
  });

  it('does not throw when the remote counter is 0xFFFF', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    const remote = formatTimestamp({ millis: t0 + 10, counter: 0xffff, node: nodeB });
    clock.observe(remote);
    expect(clock.state()).toEqual({ millis: t0 + 11, counter: 0 });
    expect(clock.tick() > remote).toBe(true);
  });

  it('refuses a batch more than 24 hours ahead, naming the device and its time, and changes nothing', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    const before = clock.state();
    const remoteMillis = t0 + maxClockDriftMillis + 1;
    const remote = formatTimestamp({ millis: remoteMillis, counter: 0, node: nodeB });
    let thrown: unknown;
    try {
      clock.observe(remote);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ClockDriftError);
    expect((thrown as ClockDriftError).drift).toEqual({
      node: nodeB,
      remoteMillis,
      wallMillis: t0,
      aheadMillis: maxClockDriftMillis + 1,
    });
    expect(clock.state()).toEqual(before);
  });

  it('accepts a batch exactly 24 hours ahead', () => {
    const clock = new HybridLogicalClock(nodeA, () => t0);
    const remote = formatTimestamp({ millis: t0 + maxClockDriftMillis, counter: 0, node: nodeB });
    expect(() => clock.observe(remote)).not.toThrow();
  });
});

describe('checkDrift', () => {
  it('is null within 24 hours and for timestamps in the past', () => {
    const at = (millis: number) => formatTimestamp({ millis, counter: 0, node: nodeB });
    expect(checkDrift(at(t0 + maxClockDriftMillis), t0)).toBeNull();
    expect(checkDrift(at(0), t0)).toBeNull();
    expect(checkDrift(at(t0 + maxClockDriftMillis + 1), t0)).toEqual({
      node: nodeB,
      remoteMillis: t0 + maxClockDriftMillis + 1,
      wallMillis: t0,
      aheadMillis: maxClockDriftMillis + 1,
    });
  });
});

describe('HybridLogicalClock (property)', () => {
  type Step =
    | { kind: 'tick'; wall: number }
    | { kind: 'observe'; wall: number; remote: number; counter: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('tick' as const), wall: fc.integer({ min: -5000, max: 5000 }) }),
    fc.record({
      kind: fc.constant('observe' as const),
      wall: fc.integer({ min: -5000, max: 5000 }),
      remote: fc.integer({ min: -5000, max: 5000 }),
      counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(0xffff)),
    }),
  );

  it('never issues a timestamp twice and every write is newer than all it saw', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        let wall = t0;
        const clock = new HybridLogicalClock(nodeA, () => wall);
        let newestSeen: Timestamp | undefined;
        for (const s of steps) {
          wall = t0 + s.wall;
          if (s.kind === 'tick') {
            const ts = clock.tick();
            if (newestSeen !== undefined) expect(ts > newestSeen).toBe(true);
            newestSeen = ts;
          } else {
            const remote = formatTimestamp({
              millis: t0 + s.remote,
              counter: s.counter,
              node: nodeB,
            });
            clock.observe(remote);
            if (newestSeen === undefined || remote > newestSeen) newestSeen = remote;
          }
        }
      }),
    );
  });
});
