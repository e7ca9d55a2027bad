import { z } from 'zod';
import { isMerkleTrie, type MerkleTrie } from './merkle';
import type { JsonValue } from './message';
import {
  decodeEntries,
  type EntryProblem,
  type SyncFileChange,
  type SyncFileEntry,
} from './sync-entries';
import { isTimestamp, timestampSchema, type Timestamp } from './timestamp';
import { isTriePrefix } from './trie-view';

/**
 * The team sync server's protocol (docs/server.md describes it for people). JSON over HTTPS.
 *
 * The server stores writes, not field messages: a write is one timestamp of one device and every
 * cell it set, in one or more records, exactly as the log holds it. The server keeps each write's
 * payload as text it never reads (it may be end-to-end encrypted), keyed by team and timestamp,
 * insert-or-ignore; a write is never split across two pages, so a device never holds half of one.
 *
 *   POST /sync  { protocol, writes?, since?, expand? }
 *     writes   stored (insert-or-ignore); `accepted` says how many were new
 *     since    "send me your writes after this": a timestamp, or the ISO millisecond a trie
 *              walk found (then every write of that millisecond on comes)
 *     expand   a trie branch (key prefix) to show opened, for a walk that met a pruned node
 *     count    also say how many writes there are after `since` (`total`), for a progress bar
 *     have     the timestamps after `since` the device holds: left out, and `missing` says which
 *              of them the server lacks
 *   →  { accepted, writes, more, next, trie }
 *     writes   the page of writes after `since`, in timestamp order
 *     more     another page follows: ask again with since = next
 *     trie     the server's trie view after storing (shared/sync/trie-view.ts)
 *
 * A round: send the new local writes; walk the server's trie view against the local hashes;
 * where they differ, fetch the server's writes from then on and send the local ones the server
 * did not send; repeat until the roots are equal.
 */

export const syncProtocolVersion = 1;

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

const payloadSchema = z.union([z.string().min(1).max(maxWriteBytes), z.array(z.unknown()).min(1)]);

export const syncRequestSchema = z.object({
  protocol: z.literal(syncProtocolVersion),
  writes: z
    .array(z.tuple([z.string().refine(isTimestamp), payloadSchema]))
    .max(downloadPageWrites)
    .optional(),
  since: z.string().regex(sincePattern).optional(),
  expand: z.string().refine(isTriePrefix).optional(),
  count: z.boolean().optional(),
  have: z.array(z.string().refine(isTimestamp)).max(maxHave).optional(),
});
export type SyncRequest = {
  protocol: typeof syncProtocolVersion;
  writes?: readonly WireWrite[];
  since?: string;
  expand?: string;
  count?: boolean;
  have?: readonly string[];
};

export type SyncResponse = {
  accepted: number;
  writes: WireWrite[];
  more: boolean;
  next: Timestamp | null;
  trie: MerkleTrie;
  /** With `count`: how many writes there are after `since`, for a progress bar. */
  total?: number;
  /** With `have`: those of them the server does not hold. */
  missing?: Timestamp[];
};

/** What a device checks of a response before using any of it. */
export const syncResponseSchema = z.object({
  accepted: z.number().int().min(0),
  writes: z.array(z.tuple([timestampSchema, payloadSchema])),
  more: z.boolean(),
  next: timestampSchema.nullable(),
  trie: z.unknown().refine(isMerkleTrie),
  total: z.number().int().min(0).optional(),
  missing: z.array(timestampSchema).optional(),
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
  iterations: z.number().int().min(200_000).max(10_000_000),
  salt: z.string().regex(/^[A-Za-z0-9+/]{21}[AQgw]==$/),
  check: z
    .string()
    .min(40)
    .max(200)
    .regex(/^[A-Za-z0-9+/]+=*$/),
});
export type TeamEncryption = z.infer<typeof teamEncryptionSchema>;

export const joinRequestSchema = z.object({
  protocol: z.literal(syncProtocolVersion),
  code: joinCodeSchema,
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
