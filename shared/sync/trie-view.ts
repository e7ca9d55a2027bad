import {
  timestampHash,
  timestampMinute,
  trieDigits,
  type MerkleTrie,
  type PackedMinuteHashes,
  type TrieDigit,
} from './merkle';
import type { Timestamp } from './timestamp';

/**
 * The merkle trie as the server protocol uses it, without building the nested form. Node
 * (depth, index) covers the minutes [index·3^(21−depth), (index+1)·3^(21−depth)): the root is
 * (0, 0), a leaf is (21, minute), and the children of (d, i) are (d+1, 3i), (d+1, 3i+1) and
 * (d+1, 3i+2) — the digits of `minuteKey`. A nested trie of a city-scale log has about a million
 * nodes, and building it per round would cost the whole history: instead the server keeps one
 * map of hashes per depth (updated per timestamp it stores), and a device reads node hashes off
 * its sorted minute hashes by binary search.
 *
 * What travels is a small view of the trie (`trieView`): the latest branch of every node down to
 * the minute, the hashes of its siblings, and on request one branch in full for a few levels.
 * The device walks it against its own hashes (`findDivergence`) and asks for the branch it needs
 * until it reaches the minute where the logs first differ, so a change made weeks ago on a
 * computer that came back by file costs a few small requests, not weeks of messages.
 */

/** The hash of any node of a trie: the XOR of the hashes of the timestamps under it. */
export type TrieHashes = { nodeHash(depth: number, index: number): number };

/**
 * Levels a requested branch is opened for: 3 + 9 + 27 nodes shown with their children, so one
 * request takes a device four digits (of 21) closer to the minute it looks for.
 */
export const expandLevels = 3;

const spans = Array.from({ length: trieDigits + 1 }, (_, depth) => 3 ** (trieDigits - depth));
const minuteMillis = 60_000;
const digitKeys: readonly TrieDigit[] = ['0', '1', '2'];

/** The first millisecond under node (depth, index). */
export function nodeStartMillis(depth: number, index: number): number {
  return index * spans[depth]! * minuteMillis;
}

/** The node a key prefix names (a string of base-3 digits, at most `trieDigits` long). */
export function prefixNode(prefix: string): { depth: number; index: number } {
  let index = 0;
  for (let at = 0; at < prefix.length; at += 1) index = index * 3 + (prefix.charCodeAt(at) - 48);
  return { depth: prefix.length, index };
}

export function isTriePrefix(value: unknown): value is string {
  return typeof value === 'string' && value.length <= trieDigits && /^[012]*$/.test(value);
}

/**
 * A trie kept as one map per depth, node index → hash: adding a timestamp updates one entry
 * per depth (22 in all), and any node's hash is one lookup. The server keeps one per team.
 */
export class LevelTrie implements TrieHashes {
  readonly #levels: Map<number, number>[] = Array.from(
    { length: trieDigits + 1 },
    () => new Map<number, number>(),
  );

  /** Adds a timestamp; adding it again removes it (XOR), as everywhere in the trie. */
  add(ts: Timestamp): void {
    this.xorMinute(timestampMinute(ts), timestampHash(ts));
  }

  /** XORs a hash into a minute and every node above it. */
  xorMinute(minute: number, hash: number): void {
    if (hash === 0) return;
    for (let depth = trieDigits; depth >= 0; depth -= 1) {
      const index = depth === trieDigits ? minute : Math.floor(minute / spans[depth]!);
      const level = this.#levels[depth]!;
      const next = (level.get(index) ?? 0) ^ hash;
      if (next === 0) level.delete(index);
      else level.set(index, next);
    }
  }

  /** Adds many minutes' hashes at once (a cold start): leaves first, then each level from the one below. */
  static fromMinuteHashes(minutes: Iterable<[minute: number, hash: number]>): LevelTrie {
    const trie = new LevelTrie();
    const leaves = trie.#levels[trieDigits]!;
    for (const [minute, hash] of minutes) {
      const next = (leaves.get(minute) ?? 0) ^ hash;
      if (next === 0) leaves.delete(minute);
      else leaves.set(minute, next);
    }
    for (let depth = trieDigits - 1; depth >= 0; depth -= 1) {
      const below = trie.#levels[depth + 1]!;
      const level = trie.#levels[depth]!;
      for (const [index, hash] of below) {
        const parent = Math.floor(index / 3);
        const next = (level.get(parent) ?? 0) ^ hash;
        if (next === 0) level.delete(parent);
        else level.set(parent, next);
      }
    }
    return trie;
  }

  nodeHash(depth: number, index: number): number {
    return this.#levels[depth]?.get(index) ?? 0;
  }

  /** Minutes with a non-zero hash. */
  get minutes(): number {
    return this.#levels[trieDigits]!.size;
  }
}

/**
 * Node hashes read off a device's stored minute hashes (sorted minutes and their hashes): a
 * running XOR makes the hash of any range of minutes two binary searches away.
 */
export function packedTrieHashes({ minutes, hashes }: PackedMinuteHashes): TrieHashes {
  const running = new Int32Array(minutes.length + 1);
  for (let index = 0; index < minutes.length; index += 1) {
    running[index + 1] = running[index]! ^ hashes[index]!;
  }
  const lowerBound = (minute: number) => {
    let low = 0;
    let high = minutes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (minutes[middle]! < minute) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    nodeHash(depth, index) {
      const span = spans[depth]!;
      return running[lowerBound((index + 1) * span)]! ^ running[lowerBound(index * span)]!;
    },
  };
}

/**
 * What the server sends of its trie: every node on the path of latest branches (down to the
 * newest minute) with all its children's hashes; with `expand`, also the path down to that
 * prefix, and the branch under it in full for `expandLevels` levels. Children with a zero hash
 * are left out, as `buildTrie` leaves out empty branches. A node shown with a hash and no
 * children is pruned: something is under it, but not what.
 */
export function trieView(hashes: TrieHashes, expand?: string): MerkleTrie {
  const path = expand ?? null;
  function node(depth: number, index: number, latest: boolean, onPath: boolean, full: number) {
    const shown: MerkleTrie = { hash: hashes.nodeHash(depth, index) };
    if (depth === trieDigits) return shown;
    const childHashes = digitKeys.map((_, digit) => hashes.nodeHash(depth + 1, index * 3 + digit));
    let newest = -1;
    for (let digit = 2; digit >= 0; digit -= 1) {
      if (childHashes[digit] !== 0) {
        newest = digit;
        break;
      }
    }
    for (let digit = 0; digit < 3; digit += 1) {
      const hash = childHashes[digit]!;
      if (hash === 0) continue;
      const childLatest = latest && digit === newest;
      const childOnPath =
        onPath && path !== null && depth < path.length && path.charCodeAt(depth) - 48 === digit;
      const childFull =
        full > 0 ? full - 1 : childOnPath && depth + 1 === path.length ? expandLevels : -1;
      const open = childLatest || (childOnPath && depth + 1 < path.length) || childFull >= 0;
      shown[digitKeys[digit]!] = open
        ? node(depth + 1, index * 3 + digit, childLatest, childOnPath, childFull)
        : { hash };
    }
    return shown;
  }
  return node(0, 0, true, path !== null, path === '' ? expandLevels : -1);
}

export type Divergence =
  /** The logs hold the same timestamps. */
  | { kind: 'equal' }
  /** They hold the same timestamps before this millisecond; from it on they may differ. */
  | { kind: 'at'; millis: number }
  /** The other side's view is pruned where the difference lies: ask it for this branch. */
  | { kind: 'expand'; prefix: string };

/**
 * Walks the other side's view against this side's hashes, down the first branch (in time
 * order) whose hashes differ: the earliest minute where the logs differ, or the branch to ask
 * for when the view is pruned there. Where one side has nothing under a branch, its first
 * millisecond is the answer: everything the other side holds there is missing.
 */
export function findDivergence(mine: TrieHashes, theirs: MerkleTrie): Divergence {
  if (mine.nodeHash(0, 0) === theirs.hash) return { kind: 'equal' };
  let node = theirs;
  let depth = 0;
  let index = 0;
  let prefix = '';
  while (depth < trieDigits) {
    let digit = -1;
    for (let candidate = 0; candidate < 3; candidate += 1) {
      const theirHash = node[digitKeys[candidate]!]?.hash ?? 0;
      if (mine.nodeHash(depth + 1, index * 3 + candidate) !== theirHash) {
        digit = candidate;
        break;
      }
    }
    // Equal children under unequal nodes: a view that does not add up. Its start is safe.
    if (digit < 0) return { kind: 'at', millis: nodeStartMillis(depth, index) };
    const child = node[digitKeys[digit]!];
    const childIndex = index * 3 + digit;
    if (!child || child.hash === 0 || mine.nodeHash(depth + 1, childIndex) === 0) {
      return { kind: 'at', millis: nodeStartMillis(depth + 1, childIndex) };
    }
    const pruned = child['0'] === undefined && child['1'] === undefined && child['2'] === undefined;
    if (pruned && depth + 1 < trieDigits) return { kind: 'expand', prefix: prefix + digit };
    node = child;
    depth += 1;
    index = childIndex;
    prefix += digit;
  }
  return { kind: 'at', millis: nodeStartMillis(depth, index) };
}
