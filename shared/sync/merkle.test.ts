import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addTimestamp,
  addTimestampToTrie,
  buildTrie,
  diffTries,
  isMerkleTrie,
  keyMillis,
  minuteKey,
  packMinuteHashes,
  pruneTrie,
  timestampMinute,
  trieDigits,
  unpackMinuteHashes,
  type MerkleTrie,
  type MinuteHashes,
} from './merkle';
import { formatTimestamp, maxTimestampMillis, timestampMillis, type Timestamp } from './timestamp';

const t0 = Date.UTC(2026, 0, 1);
const nodes = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];

const ts = (millis: number, counter = 0, node = nodes[0]!) =>
  formatTimestamp({ millis, counter, node });

function hashesOf(timestamps: Iterable<Timestamp>): MinuteHashes {
  const hashes: MinuteHashes = new Map();
  for (const t of timestamps) addTimestamp(hashes, t);
  return hashes;
}

const trieOf = (timestamps: Iterable<Timestamp>) => buildTrie(hashesOf(timestamps));

/** Timestamps over about three years, clustered so that minutes repeat. */
const timestampArbitrary = fc
  .record({
    minute: fc.oneof(fc.integer({ min: 0, max: 3 * 525_600 }), fc.integer({ min: 0, max: 50 })),
    second: fc.integer({ min: 0, max: 59_999 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom(...nodes),
  })
  .map(({ minute, second, counter, node }) => ts(t0 + minute * 60_000 + second, counter, node));
const logArbitrary = fc.uniqueArray(timestampArbitrary, { maxLength: 60 });

describe('minute keys', () => {
  it('are base 3 with a fixed number of digits, and give back their minute', () => {
    expect(minuteKey(0)).toBe('0'.repeat(trieDigits));
    expect(minuteKey(5)).toBe(`${'0'.repeat(trieDigits - 2)}12`);
    const lastMinute = Math.floor(maxTimestampMillis / 60_000);
    expect(minuteKey(lastMinute)).toHaveLength(trieDigits);
    expect(minuteKey(lastMinute)).toBe(lastMinute.toString(3).padStart(trieDigits, '0'));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lastMinute }), (minute) => {
        expect(keyMillis(minuteKey(minute))).toBe(minute * 60_000);
      }),
    );
  });

  it('a prefix stands for its first minute', () => {
    expect(keyMillis('')).toBe(0);
    expect(keyMillis('1')).toBe(3 ** (trieDigits - 1) * 60_000);
  });
});

describe('MinuteHashes', () => {
  it('groups timestamps by minute, and adding one twice removes it', () => {
    const a = ts(t0 + 1_000);
    const b = ts(t0 + 59_999, 0, nodes[1]);
    const hashes = hashesOf([a, b]);
    expect([...hashes.keys()]).toEqual([timestampMinute(a)]);
    addTimestamp(hashes, b);
    expect(hashes).toEqual(hashesOf([a]));
    addTimestamp(hashes, a);
    expect(hashes.size).toBe(0);
  });

  it('round-trip through the packed form, minutes ascending', () => {
    fc.assert(
      fc.property(logArbitrary, (log) => {
        const hashes = hashesOf(log);
        const packed = packMinuteHashes(hashes);
        expect(packed.minutes).toBeInstanceOf(Uint32Array);
        expect(packed.hashes).toBeInstanceOf(Int32Array);
        expect([...packed.minutes]).toEqual([...hashes.keys()].sort((x, y) => x - y));
        expect(unpackMinuteHashes(packed)).toEqual(hashes);
        expect(buildTrie(unpackMinuteHashes(packed))).toEqual(buildTrie(hashes));
      }),
    );
  });

  it('the packed form survives a structured clone (as IndexedDB stores it)', () => {
    const hashes = hashesOf([ts(t0), ts(t0 + 3 * 365 * 86_400_000)]);
    expect(unpackMinuteHashes(structuredClone(packMinuteHashes(hashes)))).toEqual(hashes);
  });

  it('refuses packed arrays of different lengths', () => {
    expect(() =>
      unpackMinuteHashes({ minutes: new Uint32Array(2), hashes: new Int32Array(1) }),
    ).toThrow(RangeError);
  });
});

describe('buildTrie', () => {
  it('of nothing is a zero hash', () => {
    expect(buildTrie(new Map())).toEqual({ hash: 0 });
  });

  it('hashes every node as the XOR of its children, down to one leaf per minute', () => {
    const trie = trieOf([ts(t0), ts(t0 + 60_000), ts(t0 + 120_000, 1)]);
    const check = (node: MerkleTrie, depth: number): number => {
      const children = (['0', '1', '2'] as const).flatMap((key) => (node[key] ? [node[key]] : []));
      if (depth === trieDigits) {
        expect(children).toHaveLength(0);
        return 1;
      }
      expect(node.hash).toBe(children.reduce((xor, child) => xor ^ child.hash, 0));
      return children.reduce((leaves, child) => leaves + check(child, depth + 1), 0);
    };
    expect(check(trie, 0)).toBe(3);
    expect(isMerkleTrie(JSON.parse(JSON.stringify(trie)))).toBe(true);
  });

  it('does not depend on the order timestamps were added in', () => {
    fc.assert(
      fc.property(
        logArbitrary.chain((log) =>
          fc.tuple(fc.constant(log), fc.shuffledSubarray(log, { minLength: log.length })),
        ),
        ([log, shuffled]) => {
          expect(JSON.stringify(trieOf(shuffled))).toBe(JSON.stringify(trieOf(log)));
        },
      ),
    );
  });
});

describe('addTimestampToTrie', () => {
  it('keeps a nested trie equal to buildTrie of the same log, as timestamps come and go', () => {
    fc.assert(
      fc.property(logArbitrary, fc.array(fc.nat(), { maxLength: 40 }), (log, removals) => {
        const trie: MerkleTrie = { hash: 0 };
        const held = new Set<Timestamp>();
        for (const t of log) {
          addTimestampToTrie(trie, t);
          held.add(t);
        }
        expect(trie).toEqual(trieOf(held));
        // Adding a held timestamp again removes it, as in MinuteHashes.
        for (const pick of removals) {
          if (held.size === 0) break;
          const t = [...held][pick % held.size]!;
          addTimestampToTrie(trie, t);
          held.delete(t);
          expect(trie).toEqual(trieOf(held));
        }
      }),
    );
  });

  it('empties back to a zero root', () => {
    const trie: MerkleTrie = { hash: 0 };
    const log = [ts(t0), ts(t0 + 1), ts(t0 + 86_400_000)];
    for (const t of log) addTimestampToTrie(trie, t);
    for (const t of log) addTimestampToTrie(trie, t);
    expect(trie).toEqual({ hash: 0 });
  });
});

describe('diffTries', () => {
  it('is null for equal logs', () => {
    const log = [ts(t0), ts(t0 + 5), ts(t0 + 86_400_000, 2, nodes[2])];
    expect(diffTries(trieOf(log), trieOf([...log].reverse()))).toBeNull();
    expect(diffTries({ hash: 0 }, { hash: 0 })).toBeNull();
  });

  it('finds the minute of one extra timestamp, from either side', () => {
    const log = [ts(t0), ts(t0 + 86_400_000), ts(t0 + 2 * 86_400_000)];
    const extra = ts(t0 + 86_400_000 + 42_123, 0, nodes[1]);
    const at = diffTries(trieOf(log), trieOf([...log, extra]));
    expect(at).toBe(timestampMinute(extra) * 60_000);
    expect(at).toBeLessThanOrEqual(timestampMillis(extra));
    expect(timestampMillis(extra) - at!).toBeLessThan(60_000);
    expect(diffTries(trieOf([...log, extra]), trieOf(log))).toBe(at);
    expect(diffTries(trieOf([]), trieOf([extra]))).toBe(at);
  });

  /** The first millisecond of the earliest minute holding a timestamp only one side has. */
  function divergence(a: readonly Timestamp[], b: readonly Timestamp[]): number | null {
    const inA = new Set(a);
    const inB = new Set(b);
    const only = [...a.filter((t) => !inB.has(t)), ...b.filter((t) => !inA.has(t))];
    if (only.length === 0) return null;
    return Math.min(...only.map((t) => timestampMinute(t) * 60_000));
  }

  const twoLogs = fc
    .tuple(logArbitrary, logArbitrary, logArbitrary)
    .map(([common, onlyA, onlyB]) => {
      const a = [...new Set([...common, ...onlyA])];
      const b = [...new Set([...common, ...onlyB])];
      return { a, b };
    });

  it('answers the earliest minute where two logs differ', () => {
    fc.assert(
      fc.property(twoLogs, ({ a, b }) => {
        expect(diffTries(trieOf(a), trieOf(b))).toBe(divergence(a, b));
      }),
      { numRuns: 300 },
    );
  });

  it('against pruned tries answers no later than the true divergence', () => {
    fc.assert(
      fc.property(
        twoLogs,
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('a', 'b', 'both'),
        ({ a, b }, keep, which) => {
          const trieA = which === 'b' ? trieOf(a) : pruneTrie(trieOf(a), keep);
          const trieB = which === 'a' ? trieOf(b) : pruneTrie(trieOf(b), keep);
          expect(isMerkleTrie(trieA) && isMerkleTrie(trieB)).toBe(true);
          const truth = divergence(a, b);
          const found = diffTries(trieA, trieB);
          if (truth === null) expect(found).toBeNull();
          else expect(found).not.toBeNull();
          if (truth !== null && found !== null) expect(found).toBeLessThanOrEqual(truth);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a sync pass against a pruned trie (both sides send everything from the answer on) makes the logs equal', () => {
    fc.assert(
      fc.property(twoLogs, fc.integer({ min: 1, max: 2 }), ({ a, b }, keep) => {
        const found = diffTries(trieOf(a), pruneTrie(trieOf(b), keep));
        if (found === null) return;
        const since = (log: readonly Timestamp[]) => log.filter((t) => timestampMillis(t) >= found);
        const a2 = new Set([...a, ...since(b)]);
        const b2 = new Set([...b, ...since(a)]);
        expect(diffTries(trieOf(a2), trieOf(b2))).toBeNull();
      }),
    );
  });
});

describe('pruneTrie', () => {
  it('keeps the latest branches in full and only the hash of earlier ones', () => {
    const log = [ts(t0), ts(t0 + 60_000), ts(t0 + 120_000)];
    const full = trieOf(log);
    const pruned = pruneTrie(full, 2);
    expect(pruned.hash).toBe(full.hash);
    // Follow the single path down to where the three minutes branch.
    let fullNode = full;
    let prunedNode = pruned;
    for (let depth = 0; depth < trieDigits - 1; depth += 1) {
      fullNode = fullNode['0'] ?? fullNode['1'] ?? fullNode['2']!;
      prunedNode = prunedNode['0'] ?? prunedNode['1'] ?? prunedNode['2']!;
    }
    expect(Object.keys(fullNode).sort()).toEqual(['0', '1', '2', 'hash']);
    expect(prunedNode['0']).toEqual({ hash: fullNode['0']!.hash });
    expect(prunedNode['1']).toEqual(fullNode['1']);
    expect(prunedNode['2']).toEqual(fullNode['2']);
  });

  it('changes nothing when every branch is kept', () => {
    const trie = trieOf([ts(t0), ts(t0 + 60_000), ts(t0 + 120_000)]);
    expect(pruneTrie(trie, 3)).toEqual(trie);
  });
});

describe('isMerkleTrie', () => {
  it('refuses what is not a trie', () => {
    expect(isMerkleTrie(null)).toBe(false);
    expect(isMerkleTrie([])).toBe(false);
    expect(isMerkleTrie({})).toBe(false);
    expect(isMerkleTrie({ hash: 1.5 })).toBe(false);
    expect(isMerkleTrie({ hash: 2 ** 31 })).toBe(false);
    expect(isMerkleTrie({ hash: 0, 3: { hash: 0 } })).toBe(false);
    expect(isMerkleTrie({ hash: 0, 0: 'x' })).toBe(false);
    let deep: MerkleTrie = { hash: 1 };
    for (let depth = 0; depth <= trieDigits; depth += 1) deep = { hash: 1, 0: deep };
    expect(isMerkleTrie(deep)).toBe(false);
  });
});
