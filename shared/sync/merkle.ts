import { murmur3 } from './murmur3';
import { timestampMillis, type Timestamp } from './timestamp';

/**
 * A merkle trie over the timestamps of a device's message log (after Actual Budget's merkle.ts):
 * two devices compare tries, and the first branch where the hashes differ gives the earliest time
 * at which their logs may differ, so only messages from then on are exchanged.
 *
 * Leaves are minutes since 1970, written in base 3 with a fixed number of digits; each node's hash
 * is the XOR of its children's, and a timestamp contributes the 32-bit murmur3 hash of its full
 * text. XOR makes the trie independent of insertion order, and adding a timestamp twice removes
 * it again: the caller adds each newly logged timestamp exactly once.
 *
 * Stored, the trie is flat (`MinuteHashes`, minute → XOR of its timestamps' hashes, saved as two
 * typed arrays): a city-scale device has ~300,000 minutes with writes, and rewriting a nested
 * object of that size on every local write would be far too slow. The nested form is built when
 * a sync round needs it, and is what the server protocol sends.
 */

/** 3^21 minutes reach past the year 9999, the last year a timestamp can hold. */
export const trieDigits = 21;

export type TrieDigit = '0' | '1' | '2';

export type MerkleTrie = {
  hash: number;
  '0'?: MerkleTrie;
  '1'?: MerkleTrie;
  '2'?: MerkleTrie;
};

/** Minute since 1970 → XOR of the hashes of the timestamps logged in that minute. */
export type MinuteHashes = Map<number, number>;

/** The stored form of `MinuteHashes`: minutes ascending, and each minute's hash. */
export type PackedMinuteHashes = { minutes: Uint32Array; hashes: Int32Array };

const trieDigitKeys: readonly TrieDigit[] = ['0', '1', '2'];
const minuteMillis = 60_000;
const powersOfThree = Array.from({ length: trieDigits }, (_, power) => 3 ** power);

export function timestampHash(ts: Timestamp): number {
  return murmur3(ts);
}

export function timestampMinute(ts: Timestamp): number {
  return Math.floor(timestampMillis(ts) / minuteMillis);
}

/** Adds a newly logged timestamp (mutates `hashes`). Adding the same one again removes it. */
export function addTimestamp(hashes: MinuteHashes, ts: Timestamp): void {
  const minute = timestampMinute(ts);
  const hash = (hashes.get(minute) ?? 0) ^ timestampHash(ts);
  // A minute whose hashes cancel out holds nothing a trie could show: dropping it keeps one form.
  if (hash === 0) hashes.delete(minute);
  else hashes.set(minute, hash);
}

export function packMinuteHashes(hashes: MinuteHashes): PackedMinuteHashes {
  const minutes = new Uint32Array(hashes.size);
  let index = 0;
  for (const minute of hashes.keys()) minutes[index++] = minute;
  minutes.sort();
  const packed = new Int32Array(minutes.length);
  for (index = 0; index < minutes.length; index += 1) packed[index] = hashes.get(minutes[index]!)!;
  return { minutes, hashes: packed };
}

export function unpackMinuteHashes({ minutes, hashes }: PackedMinuteHashes): MinuteHashes {
  if (minutes.length !== hashes.length) {
    throw new RangeError(
      `Packed minute hashes differ in length: ${minutes.length} minutes, ${hashes.length} hashes`,
    );
  }
  const unpacked: MinuteHashes = new Map();
  for (let index = 0; index < minutes.length; index += 1) {
    if (hashes[index] !== 0) unpacked.set(minutes[index]!, hashes[index]!);
  }
  return unpacked;
}

/** The base-3 key of a minute, `trieDigits` digits long. */
export function minuteKey(minute: number): string {
  let key = '';
  for (let power = trieDigits - 1; power >= 0; power -= 1) {
    key += Math.floor(minute / powersOfThree[power]!) % 3;
  }
  return key;
}

/** The first millisecond of the minutes under a key prefix. */
export function keyMillis(prefix: string): number {
  let minute = 0;
  for (let index = 0; index < trieDigits; index += 1) {
    minute = minute * 3 + (index < prefix.length ? prefix.charCodeAt(index) - 48 : 0);
  }
  return minute * minuteMillis;
}

export function buildTrie(hashes: MinuteHashes): MerkleTrie {
  const packed = packMinuteHashes(hashes);
  const { minutes, hashes: minuteHashes } = packed;
  return buildNode(minutes, minuteHashes, 0, minutes.length, trieDigits - 1) ?? { hash: 0 };
}

/**
 * The node over sorted minutes [from, to), which share every digit above `power`: its children
 * are contiguous runs of the same digit at `power`, so each node is made once, with no lookups.
 * Null when nothing under it has a hash.
 */
function buildNode(
  minutes: Uint32Array,
  hashes: Int32Array,
  from: number,
  to: number,
  power: number,
): MerkleTrie | null {
  if (power < 0) return hashes[from] === 0 ? null : { hash: hashes[from]! };
  const node: MerkleTrie = { hash: 0 };
  const scale = powersOfThree[power]!;
  let found = false;
  for (let start = from; start < to;) {
    const digit = Math.floor(minutes[start]! / scale) % 3;
    let end = start + 1;
    while (end < to && Math.floor(minutes[end]! / scale) % 3 === digit) end += 1;
    const child = buildNode(minutes, hashes, start, end, power - 1);
    if (child) {
      node[trieDigitKeys[digit]!] = child;
      node.hash ^= child.hash;
      found = true;
    }
    start = end;
  }
  return found ? node : null;
}

/** A node that `pruneTrie` cut back to its hash: something is under it, but not what. */
function isPruned(node: MerkleTrie): boolean {
  return (
    node.hash !== 0 && node['0'] === undefined && node['1'] === undefined && node['2'] === undefined
  );
}

/**
 * The earliest millisecond at which the logs behind two tries may differ, or null when their
 * hashes are equal. Walks down through the first child (in time order) whose hashes differ; the
 * children before it hold equal hashes, so the first difference lies in that child. It stops at
 * a leaf, or where a pruned node hides its children, and answers the first millisecond under
 * that node: never later than the true divergence (barring a 32-bit hash collision), so sending
 * every message from then on closes the gap, perhaps in more than one pass when pruned.
 */
export function diffTries(a: MerkleTrie, b: MerkleTrie): number | null {
  if (a.hash === b.hash) return null;
  let nodeA = a;
  let nodeB = b;
  let prefix = '';
  for (;;) {
    if (prefix.length === trieDigits || isPruned(nodeA) || isPruned(nodeB)) {
      return keyMillis(prefix);
    }
    const digit = trieDigitKeys.find((key) => (nodeA[key]?.hash ?? 0) !== (nodeB[key]?.hash ?? 0));
    // Equal children under unequal nodes: a malformed trie. The node's start is still safe.
    if (digit === undefined) return keyMillis(prefix);
    prefix += digit;
    nodeA = nodeA[digit] ?? { hash: 0 };
    nodeB = nodeB[digit] ?? { hash: 0 };
  }
}

/**
 * A smaller trie to send: each node keeps its `keepBranches` latest children in full (recent
 * history is where devices usually differ); the earlier ones keep only their hash. Unlike Actual,
 * which drops them, the hashes stay, so a diff against a pruned trie still knows whether an
 * earlier branch differs and answers no later than the true divergence.
 */
export function pruneTrie(trie: MerkleTrie, keepBranches = 2): MerkleTrie {
  const present = trieDigitKeys.filter((key) => trie[key] !== undefined);
  const pruned: MerkleTrie = { hash: trie.hash };
  present.forEach((key, index) => {
    const child = trie[key]!;
    pruned[key] =
      index >= present.length - keepBranches
        ? pruneTrie(child, keepBranches)
        : { hash: child.hash };
  });
  return pruned;
}

/** Checks a trie received from elsewhere (the server): shape, 32-bit hashes, depth. */
export function isMerkleTrie(value: unknown, depth = 0): value is MerkleTrie {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const node = value as Record<string, unknown>;
  const hash = node.hash;
  if (typeof hash !== 'number' || (hash | 0) !== hash) return false;
  for (const key of Object.keys(node)) {
    if (key === 'hash') continue;
    if (key !== '0' && key !== '1' && key !== '2') return false;
    if (depth >= trieDigits || !isMerkleTrie(node[key], depth + 1)) return false;
  }
  return true;
}

/**
 * XORs `hash` into the leaf of `minute` in a nested trie (mutating it), so the trie stays exactly
 * what `buildTrie` makes of the updated minute hashes: a leaf whose hash becomes 0 goes, and so
 * does every node left without children. The server keeps each team's trie this way, so a round
 * costs the timestamps it adds, not a rebuild over the whole history.
 */
export function xorMinuteHash(trie: MerkleTrie, minute: number, hash: number): void {
  if (hash === 0) return;
  const key = minuteKey(minute);
  const path: MerkleTrie[] = [trie];
  let node = trie;
  for (let index = 0; index < trieDigits; index += 1) {
    node.hash ^= hash;
    const digit = key[index] as TrieDigit;
    node = node[digit] ??= { hash: 0 };
    path.push(node);
  }
  node.hash ^= hash;
  // Bottom-up: an empty leaf, then any node whose last child just went, is removed.
  for (let depth = trieDigits; depth > 0; depth -= 1) {
    const child = path[depth]!;
    const empty =
      depth === trieDigits
        ? child.hash === 0
        : child['0'] === undefined && child['1'] === undefined && child['2'] === undefined;
    if (!empty) break;
    delete path[depth - 1]![key[depth - 1] as TrieDigit];
  }
}

/** `xorMinuteHash` for one timestamp: adds it, or removes it when it was there. */
export function addTimestampToTrie(trie: MerkleTrie, ts: Timestamp): void {
  xorMinuteHash(trie, timestampMinute(ts), timestampHash(ts));
}
