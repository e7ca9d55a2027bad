import { z } from 'zod';
import { isMerkleTrie, type MerkleTrie } from './merkle';
import type { JsonValue } from './message';
import {
  decodeEntries,
  type EntryProblem,
  type SyncFileChange,
  type SyncFileEntry,
} from './sync-entries';
import { isDeviceNode, isTimestamp, timestampSchema, type Timestamp } from './timestamp';
import { isTriePrefix } from './trie-view';

/**
 * The team sync server's protocol (docs/server.md describes it for people). JSON over HTTPS.
 *
 * The server stores writes, not field messages: a write is one timestamp of one device and every
 * cell it set, in one or more records, exactly as the log holds it. The server keeps each write's
 * payload as text it never reads (it may be end-to-end encrypted), keyed by team and timestamp,
 * insert-or-ignore; a write is never split across two pages, so a device never holds half of one.
 *
 * Node ids belong to devices (protocol 2). Every join and /sync names the device's node (`node`,
 * `isDeviceNode`); the server registers it to the device, first come first served, and answers
 * 409 nodeTaken when another device holds it (the app then makes a new node and asks again). A
 * device may own several nodes (a restored backup makes a new one). A write is taken only when
 * its timestamp's node is the uploader's: a device node no device owns yet is registered to the
 * uploader on first use (histories written before protocol 2 keep syncing); nodes of converted
 * v0.1 records (`isLegacyNode`) are anyone's; the seed node is nobody's.
 *
 *   POST /sync  { protocol, node, nodes?, writes?, since?, expand?, count?, have? }
 *     node     the device's node id
 *     nodes    how many nodes the device knows of the team (the size of its `nodes` map)
 *     writes   stored (insert-or-ignore); `accepted` says how many were new. Each write is
 *              checked on its own: in an encrypted team its payload must be a sealed envelope
 *              (`isSealedPayload`), in a plaintext team parts that pass `entriesOfWrites`; one
 *              that fails is listed in `refused` with its reason and the rest are stored
 *     since    "send me your writes after this": a timestamp, or the ISO millisecond a trie
 *              walk found (then every write of that millisecond on comes)
 *     expand   a trie branch (key prefix) to show opened, for a walk that met a pruned node
 *     count    also say how many writes there are after `since` (`total`), for a progress bar
 *     have     the timestamps after `since` the device holds: left out, and `missing` says which
 *              of them the server lacks
 *   →  { accepted, refused?, writes, more, next, trie, nodes?, serverTime }
 *     refused  [ts, reason] of the writes not stored (`WriteRefusal`): never stored, so never
 *              sent to anyone; the device keeps them out of what it compares with the server
 *     writes   the page of writes after `since`, in timestamp order
 *     more     another page follows: ask again with since = next
 *     trie     the server's trie view after storing (shared/sync/trie-view.ts)
 *     nodes    the team's nodes (node → its device's id and name), when the request's `nodes`
 *              count differs from the server's: whose a write is, for 修改记录
 *     serverTime  the server's clock, so a device can tell its own clock is wrong
 *
 * A round: send the new local writes; walk the server's trie view against the local hashes;
 * where they differ, fetch the server's writes from then on and send the local ones the server
 * did not send; repeat until the roots are equal.
 */

export const syncProtocolVersion = 2;

/**
 * The server refuses writes stamped further ahead of its clock than this: a device with a fast
 * clock would win every later edit of the cells it writes. Such a write is refused
 * ('clockAhead') and sent again once the clock has caught up.
 */
export const maxServerClockAheadMillis = 60 * 60 * 1000;

/** Why the server did not store one write of a request (the request itself succeeds). */
export const writeRefusals = [
  /** The timestamp's node is registered to another device. */
  'foreignNode',
  /** The team holds this timestamp with other content. */
  'timestampReused',
  /** Not a sealed envelope in an encrypted team, not well-formed parts in a plaintext one. */
  'malformedWrite',
  /** Stamped with the seeds' node, which no device may use. */
  'reservedNode',
  /** Stamped more than `maxServerClockAheadMillis` ahead of the server's clock. */
  'clockAhead',
  /** The administrator removed the write under this timestamp (remove-writes): never again. */
  'removed',
] as const;
export type WriteRefusal = (typeof writeRefusals)[number];

/** A node of the team as the server knows it: the device that registered it. */
export type TeamNode = { device: string; name: string };

/** One record's part of a write: its cells and, where not zero, their bases. */
export type WirePart =
  | readonly [table: string, row: string, values: Readonly<Record<string, JsonValue>>]
  | readonly [
      table: string,
      row: string,
      values: Readonly<Record<string, JsonValue>>,
      bases: Readonly<Record<string, Timestamp>>,
    ];

/** A write's payload: its parts, or their AES-GCM sealing as base64 when the team encrypts. */
export type WirePayload = readonly WirePart[] | string;

export type WireWrite = readonly [ts: Timestamp, payload: WirePayload];

/** Writes are refused above this size: no write of a record comes near (strings ≤ 100,000). */
export const maxWriteBytes = 4 * 1024 * 1024;
/** A request body above this is refused with 413; a device sends pages well below it. */
export const maxRequestBytes = 16 * 1024 * 1024;
/** A device sends its writes in pages of about this size, and at most this many. */
export const uploadPageBytes = 2 * 1024 * 1024;
export const uploadPageWrites = 5_000;
/** A request holds at most this many writes: a page and room for an older client's. */
export const maxWritesPerRequest = 2 * uploadPageWrites;
/** The server answers in pages of about this size (one write may take it past), at most this many. */
export const downloadPageBytes = 8 * 1024 * 1024;
export const downloadPageWrites = 20_000;

/**
 * A device may list the timestamps it holds after `since` (when there are at most this many):
 * the server then leaves those out of the page and says which of them it lacks (`missing`), so
 * after a walk nothing either side holds crosses the wire. Within the minute the walk stops at,
 * a busy team would otherwise fetch every write of that minute again.
 */
export const maxHave = 5_000;

/** The exclusive lower bound of a download: a timestamp, or an ISO millisecond. */
const sincePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z(?:-[0-9A-F]{4}-[0-9a-f]{16})?$/;

/** Every write from this millisecond on sorts after the result (a timestamp extends it). */
export function sinceMillis(millis: number): string {
  return new Date(millis).toISOString();
}

/** A sealed write: base64 of IV, ciphertext and tag (team-crypto.ts), within the write bound. */
export function isSealedPayload(payload: unknown): payload is string {
  return (
    typeof payload === 'string' &&
    payload.length >= 40 &&
    payload.length <= maxWriteBytes &&
    /^[A-Za-z0-9+/]+={0,2}$/.test(payload) &&
    payload.length % 4 === 0
  );
}

/**
 * A plaintext write the server may store: parts that decode as a sync file's entries do (tables,
 * rows, field names, values, bases), several records allowed. The domain rules stay the clients'.
 */
export function isWellFormedParts(ts: Timestamp, payload: unknown): boolean {
  return entriesOfWrites([[ts, payload]]).ok;
}

export const nodeSchema = z.string().refine(isDeviceNode);

export const syncRequestSchema = z.object({
  protocol: z.literal(syncProtocolVersion),
  node: nodeSchema,
  nodes: z.number().int().min(0).optional(),
  // Each write's payload is checked on its own by the server, against the team's mode.
  writes: z
    .array(z.tuple([z.string().refine(isTimestamp), z.unknown()]))
    .max(maxWritesPerRequest)
    .optional(),
  since: z.string().regex(sincePattern).optional(),
  expand: z.string().refine(isTriePrefix).optional(),
  count: z.boolean().optional(),
  have: z.array(z.string().refine(isTimestamp)).max(maxHave).optional(),
});
export type SyncRequest = {
  protocol: typeof syncProtocolVersion;
  node: string;
  nodes?: number;
  writes?: readonly WireWrite[];
  since?: string;
  expand?: string;
  count?: boolean;
  have?: readonly string[];
};

export type SyncResponse = {
  accepted: number;
  refused?: [Timestamp, WriteRefusal][];
  /** Payloads as received: the device checks each and sets aside what does not open or decode. */
  writes: (readonly [ts: Timestamp, payload: unknown])[];
  more: boolean;
  next: Timestamp | null;
  trie: MerkleTrie;
  /** With `count`: how many writes there are after `since`, for a progress bar. */
  total?: number;
  /** With `have`: those of them the server does not hold. */
  missing?: Timestamp[];
  nodes?: Record<string, TeamNode>;
  serverTime: string;
};

/** What a device checks of a response before using any of it. */
export const syncResponseSchema = z.object({
  accepted: z.number().int().min(0),
  refused: z.array(z.tuple([timestampSchema, z.enum(writeRefusals)])).optional(),
  writes: z.array(z.tuple([timestampSchema, z.unknown()])),
  more: z.boolean(),
  next: timestampSchema.nullable(),
  trie: z.unknown().refine(isMerkleTrie),
  total: z.number().int().min(0).optional(),
  missing: z.array(timestampSchema).optional(),
  nodes: z
    .record(nodeSchema, z.object({ device: z.string().min(1).max(100), name: z.string().max(200) }))
    .optional(),
  serverTime: z.string().datetime(),
});

/** A join code as people type it: letters and digits in groups, case and dashes ignored. */
export const joinCodeSchema = z
  .string()
  .trim()
  .min(16)
  .max(40)
  .regex(/^[0-9A-Za-z\s-]+$/);

/**
 * A team's end-to-end encryption: the key is PBKDF2-SHA256 of the team passphrase with this
 * salt; `check` is a known text sealed with it, so a wrong passphrase is told at once.
 */
export const teamEncryptionSchema = z.object({
  kdf: z.literal('PBKDF2-SHA256'),
  // What team-crypto.ts makes (600,000), up to a cost every device can still pay: a first
  // device cannot leave the team a key that takes minutes to derive.
  iterations: z.number().int().min(600_000).max(2_000_000),
  // 16 random bytes.
  salt: z.string().regex(/^[A-Za-z0-9+/]{21}[AQgw]==$/),
  // The sealed check text: 12 bytes of IV, 21 of text, 16 of tag.
  check: z.string().regex(/^[A-Za-z0-9+/]{65}[AQgw]==$/),
});
export type TeamEncryption = z.infer<typeof teamEncryptionSchema>;

export const joinRequestSchema = z.object({
  protocol: z.literal(syncProtocolVersion),
  code: joinCodeSchema,
  /** The node id this device stamps its writes with, registered to it on joining. */
  node: nodeSchema,
  /** The device's own name for the admin's list (its user and unit). */
  deviceName: z.string().trim().min(1).max(100),
  /**
   * The encryption the joining device sets up for a team that has none yet (and no writes): the
   * first device's passphrase becomes the team's. Refused, with the code left unspent, when the
   * team already stored writes in the clear.
   */
  encryption: teamEncryptionSchema.optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

export const teamInfoSchema = z.object({
  team: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) }),
  device: z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }),
  encryption: teamEncryptionSchema.nullable(),
});
export type TeamInfo = z.infer<typeof teamInfoSchema>;

export const joinResponseSchema = teamInfoSchema.extend({ token: z.string().min(20).max(200) });
export type JoinResponse = z.infer<typeof joinResponseSchema>;

/**
 * Why the server refused a request (the `error` of its JSON body): the device words it in
 * Chinese. Nothing else is said: a refusal never carries data.
 */
export const serverErrors = [
  'unauthorized',
  'revoked',
  'badRequest',
  'protocol',
  'tooLarge',
  'writeTooLarge',
  'clockAhead',
  'plaintextRefused',
  'badCode',
  'encryptionExists',
  'hasPlaintext',
  'rateLimited',
  /** The team's storage quota on the server is used up (507). */
  'quotaExceeded',
  /** The request's node is registered to another device (409): the device makes a new one. */
  'nodeTaken',
  'malformedWrite',
  'reservedNode',
  'internal',
] as const;
export type ServerError = (typeof serverErrors)[number];

/** Groups log entries into writes: every part of one timestamp together, in timestamp order. */
export function writesOfEntries(
  entries: readonly SyncFileEntry[],
  { since, skip }: { since?: string; skip?: ReadonlySet<string> } = {},
): Map<Timestamp, WirePart[]> {
  const writes = new Map<Timestamp, WirePart[]>();
  for (const [table, row, changes] of entries) {
    for (const [ts, values, bases] of changes) {
      if ((since !== undefined && ts <= since) || skip?.has(ts)) continue;
      const part: WirePart = bases ? [table, row, values, bases] : [table, row, values];
      const parts = writes.get(ts);
      if (parts) parts.push(part);
      else writes.set(ts, [part]);
    }
  }
  return new Map([...writes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export type WriteProblem =
  | { reason: 'reasonMalformedWrite'; ts: string }
  | { reason: 'reasonWriteOrder'; ts: string }
  | (EntryProblem & { ts?: string });

/**
 * Turns writes received from the server (their parts decrypted) into log entries, one per
 * record with its changes in time order, after checking them as a sync file's entries are
 * checked: tables, rows, field names, values and bases, no record written twice in one write.
 * Writes must come in strictly increasing timestamp order, as the server sends them.
 */
export function entriesOfWrites(
  writes: readonly (readonly [ts: Timestamp, parts: unknown])[],
): { ok: true; entries: SyncFileEntry[]; messages: number } | { ok: false; problem: WriteProblem } {
  const rows = new Map<string, { table: string; row: string; changes: SyncFileChange[] }>();
  let previous = '';
  for (const [ts, parts] of writes) {
    if (!isTimestamp(ts)) return { ok: false, problem: { reason: 'reasonMalformedWrite', ts } };
    if (ts <= previous) return { ok: false, problem: { reason: 'reasonWriteOrder', ts } };
    previous = ts;
    if (!Array.isArray(parts) || parts.length === 0) {
      return { ok: false, problem: { reason: 'reasonMalformedWrite', ts } };
    }
    for (const part of parts as unknown[]) {
      if (!Array.isArray(part) || (part.length !== 3 && part.length !== 4)) {
        return { ok: false, problem: { reason: 'reasonMalformedWrite', ts } };
      }
      const [table, row, values, bases] = part as [unknown, unknown, unknown, unknown];
      if (typeof table !== 'string' || typeof row !== 'string') {
        return { ok: false, problem: { reason: 'reasonMalformedWrite', ts } };
      }
      const key = `${table}\u0000${row}`;
      const change = (part.length === 4 ? [ts, values, bases] : [ts, values]) as SyncFileChange;
      const known = rows.get(key);
      if (known) known.changes.push(change);
      else rows.set(key, { table, row, changes: [change] });
    }
  }
  const entries: SyncFileEntry[] = [...rows.values()].map(({ table, row, changes }) => [
    table,
    row,
    changes,
  ]);
  const checked = decodeEntries(entries, undefined, { collect: false });
  if (!checked.ok) return { ok: false, problem: checked.problem };
  return { ok: true, entries, messages: checked.messageCount };
}
