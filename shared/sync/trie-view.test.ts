import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addTimestamp,
  buildTrie,
  isMerkleTrie,
  minuteKey,
  packMinuteHashes,
  timestampMinute,
  trieDigits,
  type MerkleTrie,
  type MinuteHashes,
} from './merkle';
import { formatTimestamp, timestampMillis, type Timestamp } from './timestamp';
import {
  findDivergence,
  LevelTrie,
  nodeStartMillis,
  packedTrieHashes,
  prefixNode,
  trieView,
  type TrieHashes,
} from './trie-view';

const t0 = Date.UTC(2026, 0, 1);
const nodes = ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb', 'cccccccccccccccc'];
const ts = (millis: number, counter = 0, node = nodes[0]!) =>
  formatTimestamp({ millis, counter, node });

const timestampArbitrary = fc
  .record({
    minute: fc.oneof(fc.integer({ min: 0, max: 3 * 525_600 }), fc.integer({ min: 0, max: 50 })),
    second: fc.integer({ min: 0, max: 59_999 }),
    counter: fc.integer({ min: 0, max: 3 }),
    node: fc.constantFrom(...nodes),
  })
  .map(({ minute, second, counter, node }) => ts(t0 + minute * 60_000 + second, counter, node));
const logArbitrary = fc.uniqueArray(timestampArbitrary, { maxLength: 60 });

function hashesOf(log: Iterable<Timestamp>): MinuteHashes {
  const hashes: MinuteHashes = new Map();
  for (const t of log) addTimestamp(hashes, t);
  return hashes;
}

function levelTrieOf(log: Iterable<Timestamp>): LevelTrie {
  const trie = new LevelTrie();
  for (const t of log) trie.add(t);
  return trie;
}

/** Every node of a nested trie with its depth and index. */
function* nodesOf(trie: MerkleTrie, depth = 0, index = 0): Generator<[number, number, number]> {
  yield [depth, index, trie.hash];
  for (const digit of [0, 1, 2] as const) {
    const child = trie[`${digit}`];
    if (child) yield* nodesOf(child, depth + 1, index * 3 + digit);
  }
}

function expectSameHashes(view: TrieHashes, log: readonly Timestamp[]) {
  const nested = buildTrie(hashesOf(log));
  for (const [depth, index, hash] of nodesOf(nested))
    expect(view.nodeHash(depth, index)).toBe(hash);
}

describe('trie hashes by depth and index', () => {
  it('LevelTrie and the packed minute hashes answer every node as buildTrie has it', () => {
    fc.assert(
      fc.property(logArbitrary, (log) => {
        expectSameHashes(levelTrieOf(log), log);
        expectSameHashes(packedTrieHashes(packMinuteHashes(hashesOf(log))), log);
        const cold = LevelTrie.fromMinuteHashes(hashesOf(log));
        expectSameHashes(cold, log);
        expect(cold.minutes).toBe(hashesOf(log).size);
      }),
    );
  });

  it('is zero where nothing was logged, and forgets a timestamp added twice', () => {
    const log = [ts(t0), ts(t0 + 90_000)];
    const trie = levelTrieOf(log);
    const packed = packedTrieHashes(packMinuteHashes(hashesOf(log)));
    const empty = timestampMinute(ts(t0 + 86_400_000));
    expect(trie.nodeHash(trieDigits, empty)).toBe(0);
    expect(packed.nodeHash(trieDigits, empty)).toBe(0);
    trie.add(log[1]!);
    expectSameHashes(trie, [log[0]!]);
    trie.add(log[0]!);
    expect(trie.nodeHash(0, 0)).toBe(0);
    expect(trie.minutes).toBe(0);
  });

  it('names nodes by key prefix and by their first millisecond', () => {
    const minute = timestampMinute(ts(t0 + 123_456));
    let key = '';
    for (let rest = minute, at = 0; at < trieDigits; at += 1, rest = Math.floor(rest / 3)) {
      key = `${rest % 3}${key}`;
    }
    expect(prefixNode(key)).toEqual({ depth: trieDigits, index: minute });
    expect(nodeStartMillis(trieDigits, minute)).toBe(minute * 60_000);
    expect(prefixNode('')).toEqual({ depth: 0, index: 0 });
  });
});

describe('trieView', () => {
  it('shows the latest path to the newest minute, every shown hash right, and stays small', () => {
    fc.assert(
      fc.property(logArbitrary, (log) => {
        const view = trieView(levelTrieOf(log));
        expect(isMerkleTrie(view)).toBe(true);
        expectViewHashes(view, log);
        if (log.length > 0) {
          let node = view;
          let depth = 0;
          while (node['0'] || node['1'] || node['2']) {
            node = (node['2'] ?? node['1'] ?? node['0'])!;
            depth += 1;
          }
          expect(depth).toBe(trieDigits);
        }
        expect(JSON.stringify(view).length).toBeLessThan(2_000);
      }),
    );
  });

  it('opens a requested branch with the path to it', () => {
    const log = Array.from({ length: 200 }, (_, index) => ts(t0 + index * 7_919_000));
    const trie = levelTrieOf(log);
    const prefix = minuteKey(timestampMinute(log[50]!)).slice(0, 12);
    const view = trieView(trie, prefix);
    expectViewHashes(view, log);
    let node = view;
    for (const digit of prefix) node = node[digit as '0' | '1' | '2']!;
    // Three levels under the branch are open.
    const open = (at: MerkleTrie, levels: number): boolean =>
      levels === 0 ||
      (['0', '1', '2'] as const).every(
        (digit) => !at[digit] || at[digit].hash === 0 || open(at[digit], levels - 1),
      );
    expect(open(node, 3)).toBe(true);
  });

  function expectViewHashes(view: MerkleTrie, log: readonly Timestamp[]) {
    const truth = levelTrieOf(log);
    for (const [depth, index, hash] of nodesOf(view))
      expect(hash).toBe(truth.nodeHash(depth, index));
  }
});

describe('findDivergence', () => {
  /** The first millisecond of the earliest minute holding a timestamp only one side has. */
  function truth(a: readonly Timestamp[], b: readonly Timestamp[]): number | null {
    const inA = new Set(a);
    const inB = new Set(b);
    const only = [...a.filter((t) => !inB.has(t)), ...b.filter((t) => !inA.has(t))];
    if (only.length === 0) return null;
    return Math.min(...only.map((t) => timestampMinute(t) * 60_000));
  }

  /** What a device does: walk the server's view, asking for branches until it has an answer. */
  function walk(mine: readonly Timestamp[], theirs: readonly Timestamp[]) {
    const myHashes = packedTrieHashes(packMinuteHashes(hashesOf(mine)));
    const server = levelTrieOf(theirs);
    let view = trieView(server);
    for (let requests = 1; ; requests += 1) {
      const found = findDivergence(myHashes, view);
      if (found.kind !== 'expand') return { found, requests };
      view = trieView(server, found.prefix);
    }
  }

  const twoLogs = fc
    .tuple(logArbitrary, logArbitrary, logArbitrary)
    .map(([common, onlyA, onlyB]) => ({
      a: [...new Set([...common, ...onlyA])],
      b: [...new Set([...common, ...onlyB])],
    }));

  it('answers no later than the earliest difference, in a few requests, and a pass from there makes the logs equal', () => {
    fc.assert(
      fc.property(twoLogs, ({ a, b }) => {
        const expected = truth(a, b);
        const { found, requests } = walk(a, b);
        expect(requests).toBeLessThanOrEqual(7);
        if (expected === null) {
          expect(found.kind).toBe('equal');
          return;
        }
        expect(found.kind).toBe('at');
        if (found.kind !== 'at') return;
        expect(found.millis).toBeLessThanOrEqual(expected);
        const since = (log: readonly Timestamp[]) =>
          log.filter((t) => timestampMillis(t) >= found.millis);
        const a2 = [...new Set([...a, ...since(b)])];
        const b2 = [...new Set([...b, ...since(a)])];
        expect(walk(a2, b2).found.kind).toBe('equal');
      }),
      { numRuns: 500 },
    );
  });

  it('finds the very minute when both sides hold messages around it', () => {
    const common = Array.from({ length: 500 }, (_, index) => ts(t0 + index * 3_600_000));
    const old = ts(t0 + 100 * 3_600_000 + 30_000, 0, nodes[1]);
    const { found, requests } = walk([...common, old], common);
    expect(found).toEqual({ kind: 'at', millis: timestampMinute(old) * 60_000 });
    expect(requests).toBeGreaterThan(1);
  });
});
