import type { TimestampCollision } from '../../shared/sync/apply-rule';
import { ClockDriftError, type ClockDrift } from '../../shared/sync/clock';
import { serverOrigin } from '../../shared/security/server-origin';
import {
  addTimestamp,
  packMinuteHashes,
  unpackMinuteHashes,
  type MerkleTrie,
  type PackedMinuteHashes,
} from '../../shared/sync/merkle';
import {
  entriesOfWrites,
  joinResponseSchema,
  maxHave,
  maxServerClockAheadMillis,
  serverErrors,
  sinceMillis,
  syncProtocolVersion,
  syncResponseSchema,
  teamInfoSchema,
  uploadPageBytes,
  uploadPageWrites,
  type ServerError,
  type SyncResponse,
  type TeamEncryption,
  type WirePart,
  type WriteProblem,
  type WriteRefusal,
} from '../../shared/sync/server-protocol';
import {
  createTeamEncryption,
  isLongEnoughPassphrase,
  openParts,
  sealParts,
  unlockTeamKey,
  type TeamKey,
} from '../../shared/sync/team-crypto';
import { splitIncoming, type IncomingProblem } from '../../shared/sync/incoming';
import type { SyncFileChange, SyncFileEntry } from '../../shared/sync/sync-entries';
import { timestampMillis, type Timestamp } from '../../shared/sync/timestamp';
import { findDivergence, packedTrieHashes } from '../../shared/sync/trie-view';
import type { DaibanDatabase, QuarantineReason } from './database';
import type { SyncEngine } from './sync-engine';

/**
 * This computer and the team's sync server (docs/server.md): joining with a one-time code,
 * and the round that brings both to the same log. The same messages and the same apply path
 * as sync files: the server is one more place writes come from (`via: 'server'`).
 *
 * A round: send the writes made here since the last round; walk the server's trie view against
 * this computer's merkle hashes to the first minute where they differ (asking for the branches
 * the view leaves out); fetch the server's writes from then on, page by page, applying each page
 * in one transaction; send this computer's writes from then on that the server did not send;
 * repeat until both tries are equal. Changes that came by file are sent only if the server
 * lacks them, and nothing the server holds is sent back to it.
 */

export const serverKeys = {
  config: 'server',
  key: 'serverKey',
  pushed: 'serverPushed',
  status: 'serverStatus',
  refused: 'serverRefused',
} as const;

/**
 * A write of this computer's log the server would not store (`refused` of its answers), kept
 * under its timestamp. Not sent again, and, unless the server turns out to hold that timestamp
 * (`held`: another's upload of it, or other content under it), left out of the hashes compared
 * with the server's: the tries are XOR sums, so a write one side will never hold would keep
 * every round walking. A 'clockAhead' write is sent again once the server's clock has caught up.
 */
export type RefusedWrite = { reason: WriteRefusal; at: string; held: boolean };
export type RefusedWrites = Record<string, RefusedWrite>;

const teamKey = 'team';

export type ServerConfig = {
  origin: string;
  token: string;
  team: { id: string; name: string };
  device: { id: string; name: string };
  encryption: TeamEncryption | null;
  joinedAt: string;
};

/** Why a round or a join failed: what the status shows, in Chinese, and what the retry does. */
export type SyncFailure =
  | { code: 'offline' }
  | { code: 'unreachable' }
  | { code: 'unauthorized' }
  | { code: 'revoked' }
  | { code: 'rateLimited'; retryAfter: number }
  | { code: 'serverError'; status: number }
  | { code: 'notDaibanServer' }
  | { code: 'protocol' }
  | { code: 'refused'; error: ServerError }
  | { code: 'badData'; problem: WriteProblem | IncomingProblem | TimestampCollision }
  | { code: 'clockDrift'; drift: ClockDrift }
  | { code: 'needsPassphrase' }
  | { code: 'wrongPassphrase' }
  | { code: 'undecryptable' }
  /** A passphrase shorter than minPassphraseLength offered to set the team's key. */
  | { code: 'passphraseTooShort' }
  | { code: 'notConverging' }
  | { code: 'badAddress' }
  /** http:// to a host that is neither loopback nor private (shared/security/server-origin.ts). */
  | { code: 'plainHttp' }
  /** The desktop asked the user whether it may connect to `origin`, and the user said no. */
  | { code: 'serverDeclined'; origin: string }
  | { code: 'notJoined' }
  /** Anything else (a bug, a full disk): its message, for the admin. */
  | { code: 'internal'; message: string };

export class ServerSyncError extends Error {
  override readonly name = 'ServerSyncError';
  readonly failure: SyncFailure;

  constructor(failure: SyncFailure) {
    super(`Sync with the server failed: ${failure.code}`);
    this.failure = failure;
  }
}

/** Failures that another attempt cannot fix without someone acting (a new code, a passphrase). */
export function needsPerson(failure: SyncFailure): boolean {
  return [
    'unauthorized',
    'revoked',
    'needsPassphrase',
    'wrongPassphrase',
    'notJoined',
    'badAddress',
    'plainHttp',
    'serverDeclined',
    'notDaibanServer',
  ].includes(failure.code);
}

export type RoundResult = {
  sent: number;
  received: number;
  /** Received writes set aside (quarantine): not applied, shown in 同步. */
  setAside: number;
  /** Writes of this computer the server refused in this round (`RefusedWrites`). */
  refused: number;
  passes: number;
  requests: number;
};

type SetAside = { ts: Timestamp; payload: string; reason: QuarantineReason; detail: string };

/** A problem as the admin's file names it: its reason and where, in one line. */
function problemDetail(problem: object): string {
  return Object.entries(problem)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
}

export type ServerSyncOptions = {
  fetch?: typeof fetch;
  /** False when the system says there is no network: a failed request is then 'offline'. */
  isOnline?: () => boolean;
  /** Per request; a stalled connection fails and is retried instead of hanging the round. */
  timeoutMillis?: number;
};

/** Passes of walk, fetch and send before a round gives up (writes keep arriving meanwhile). */
const maxPasses = 8;
/** Branches asked for in one walk: 21 trie digits, four per request, and some to spare. */
const maxExpansions = 10;

export function createServerSync(
  db: DaibanDatabase,
  engine: SyncEngine,
  options: ServerSyncOptions = {},
) {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const timeoutMillis = options.timeoutMillis ?? 60_000;

  async function config(): Promise<ServerConfig | undefined> {
    return (await db.device.get(serverKeys.config))?.value as ServerConfig | undefined;
  }

  async function storedKey(): Promise<TeamKey | undefined> {
    return (await db.device.get(serverKeys.key))?.value as TeamKey | undefined;
  }

  async function refusedWrites(): Promise<RefusedWrites> {
    return ((await db.device.get(serverKeys.refused))?.value as RefusedWrites | undefined) ?? {};
  }

  async function pushedSeq(): Promise<number> {
    return ((await db.device.get(serverKeys.pushed))?.value as number | undefined) ?? 0;
  }

  /** One HTTP request; every failure becomes a ServerSyncError the status can word. */
  async function request(
    origin: string,
    path: string,
    init: { method: 'GET' | 'POST'; token?: string; body?: string },
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchImpl(`${origin}${path}`, {
        method: init.method,
        headers: {
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
        },
        ...(init.body !== undefined ? { body: init.body } : {}),
        signal: AbortSignal.timeout(timeoutMillis),
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'error',
      });
    } catch {
      throw new ServerSyncError({ code: isOnline() ? 'unreachable' : 'offline' });
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      if (response.ok) throw new ServerSyncError({ code: 'notDaibanServer' });
    }
    if (response.ok) return body;
    const error = (body as { error?: unknown } | null)?.error;
    const known = serverErrors.find((name) => name === error);
    if (response.status === 401 && known === 'revoked')
      throw new ServerSyncError({ code: 'revoked' });
    if (response.status === 401 && known !== 'badCode') {
      throw new ServerSyncError({ code: 'unauthorized' });
    }
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ServerSyncError({
        code: 'rateLimited',
        retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 30,
      });
    }
    if (known === 'quotaExceeded') throw new ServerSyncError({ code: 'refused', error: known });
    if (response.status >= 500) {
      throw new ServerSyncError({ code: 'serverError', status: response.status });
    }
    if (known === 'protocol') throw new ServerSyncError({ code: 'protocol' });
    if (known) throw new ServerSyncError({ code: 'refused', error: known });
    throw new ServerSyncError({ code: 'notDaibanServer' });
  }

  async function sync(current: ServerConfig, body: string): Promise<SyncResponse> {
    const answer = await request(current.origin, '/sync', {
      method: 'POST',
      token: current.token,
      body,
    });
    const parsed = syncResponseSchema.safeParse(answer);
    if (!parsed.success) throw new ServerSyncError({ code: 'protocol' });
    return parsed.data;
  }

  const syncBody = (node: string, fields: object, writes?: string[]) =>
    `{"protocol":${syncProtocolVersion},"node":"${node}"${writes ? `,"writes":[${writes.join(',')}]` : ''}${Object.entries(
      fields,
    )
      .map(([name, value]) => `,"${name}":${JSON.stringify(value)}`)
      .join('')}}`;

  /**
   * Sends writes in pages of bounded size; the last answer's trie is the server's after all.
   * What the server refused is added to `refused`.
   */
  async function send(
    current: ServerConfig,
    node: string,
    key: TeamKey | null,
    writes: ReadonlyMap<Timestamp, WirePart[]>,
    counter: { requests: number },
    refused: RefusedWrites,
  ): Promise<{ trie: MerkleTrie; sent: number; refused: number; serverTime: string }> {
    let page: string[] = [];
    let bytes = 0;
    let trie: MerkleTrie | null = null;
    let serverTime = '';
    let count = 0;
    const flush = async () => {
      counter.requests += 1;
      const answer = await sync(current, syncBody(node, {}, page));
      trie = answer.trie;
      serverTime = answer.serverTime;
      for (const [ts, reason] of answer.refused ?? []) {
        // The server holds a write under that timestamp: both tries have it.
        refused[ts] = { reason, at: answer.serverTime, held: reason === 'timestampReused' };
        count += 1;
      }
      page = [];
      bytes = 0;
    };
    for (const [ts, parts] of writes) {
      const payload = key ? await sealParts(key, current.team.id, ts, parts) : parts;
      const text = JSON.stringify([ts, payload]);
      if (
        page.length > 0 &&
        (page.length >= uploadPageWrites || bytes + text.length > uploadPageBytes)
      ) {
        await flush();
      }
      page.push(text);
      bytes += text.length;
    }
    if (page.length > 0 || !trie) await flush();
    return { trie: trie!, sent: writes.size - count, refused: count, serverTime };
  }

  /**
   * The writes of one page, opened and checked one by one, as log entries; what does not open,
   * decode or validate is returned apart (`setAside`), so one bad write does not stop the sync.
   * In a team that encrypts, only what opens under the team key (for this team and the write's
   * timestamp) is taken: a payload in the clear is never applied there, whoever stored it.
   */
  async function entriesOf(
    current: ServerConfig,
    page: SyncResponse,
    key: TeamKey | null,
    teamEncrypts: () => Promise<boolean>,
  ): Promise<{ entries: SyncFileEntry[]; setAside: SetAside[] }> {
    const rows = new Map<string, [table: string, row: string, changes: SyncFileChange[]]>();
    const setAside: SetAside[] = [];
    const inPage = new Set<string>();
    for (const [ts, payload] of page.writes) {
      const aside = (reason: QuarantineReason, detail = '') =>
        setAside.push({ ts, payload: JSON.stringify(payload), reason, detail });
      if (inPage.has(ts)) {
        aside('malformed', 'reasonWriteOrder');
        continue;
      }
      inPage.add(ts);
      let parts: unknown = payload;
      if (key) {
        if (typeof payload !== 'string') {
          aside('notSealed');
          continue;
        }
        parts = await openParts(key, current.team.id, ts, payload);
        if (parts === null) {
          aside('undecryptable');
          continue;
        }
      } else if (typeof payload === 'string') {
        // The team may have chosen encryption after this computer joined: the passphrase is
        // asked for. Else nobody here can read it.
        if (await teamEncrypts()) throw new ServerSyncError({ code: 'needsPassphrase' });
        aside('sealedInPlainTeam');
        continue;
      }
      const decoded = entriesOfWrites([[ts, parts]]);
      if (!decoded.ok) {
        aside('malformed', problemDetail(decoded.problem));
        continue;
      }
      const split = splitIncoming(decoded.entries);
      if (!split.ok) {
        aside('wrongValue', problemDetail(split.problem));
        continue;
      }
      for (const [table, row, changes] of decoded.entries) {
        const rowKey = `${table}\u0000${row}`;
        const known = rows.get(rowKey);
        if (known) known[2].push(...changes);
        else rows.set(rowKey, [table, row, [...changes]]);
      }
    }
    return { entries: [...rows.values()], setAside };
  }

  /**
   * One round with the server: on return both hold the same log (as of the last answer).
   * `onProgress` hears how many of the writes to fetch have arrived, for a first fill.
   */
  async function roundOnce(
    onProgress?: (done: number, total: number | null) => void,
  ): Promise<RoundResult> {
    const current = await config();
    if (!current) throw new ServerSyncError({ code: 'notJoined' });
    const key = current.encryption ? ((await storedKey()) ?? null) : null;
    if (current.encryption && !key) throw new ServerSyncError({ code: 'needsPassphrase' });
    const counter = { requests: 0 };
    let encrypts: Promise<boolean> | null = null;
    const teamEncrypts = () => {
      encrypts ??= request(current.origin, '/team', { method: 'GET', token: current.token }).then(
        (answer) => teamInfoSchema.safeParse(answer).data?.encryption != null,
      );
      return encrypts;
    };
    const result: RoundResult = {
      sent: 0,
      received: 0,
      setAside: 0,
      refused: 0,
      passes: 0,
      requests: 0,
    };
    const refused = await refusedWrites();
    const before = JSON.stringify(refused);

    // What was written here since the last round goes first: the usual round is this one request.
    const through = await engine.lastSeq();
    const local = await engine.localWritesAfter(await pushedSeq(), through);
    for (const ts of Object.keys(refused)) local.delete(ts as Timestamp);
    const { node } = await engine.identity();
    const first = await send(current, node, key, local, counter, refused);
    let trie = first.trie;
    result.sent += first.sent;
    result.refused += first.refused;
    await db.device.put({ key: serverKeys.pushed, value: through });
    // Stamps the server found too far ahead go again once its clock has caught up with them.
    const serverNow = Date.parse(first.serverTime);
    for (const [ts, entry] of Object.entries(refused)) {
      const ahead = timestampMillis(ts as Timestamp) - serverNow;
      if (entry.reason === 'clockAhead' && ahead <= maxServerClockAheadMillis) delete refused[ts];
    }
    const saveRefused = async () => {
      const now = JSON.stringify(refused);
      if (now !== before) await db.device.put({ key: serverKeys.refused, value: refused });
    };

    for (let pass = 1; pass <= maxPasses; pass += 1) {
      result.passes = pass;
      const mine = packedTrieHashes(withoutRefused(await engine.packedMinuteHashes(), refused));
      let divergence = findDivergence(mine, trie);
      for (let asked = 0; divergence.kind === 'expand'; asked += 1) {
        if (asked >= maxExpansions) throw new ServerSyncError({ code: 'notConverging' });
        counter.requests += 1;
        trie = (await sync(current, syncBody(node, { expand: divergence.prefix }))).trie;
        divergence = findDivergence(mine, trie);
      }
      if (divergence.kind === 'equal') {
        result.requests = counter.requests;
        await saveRefused();
        return result;
      }

      const since = sinceMillis(divergence.millis);
      // What this computer holds from then on is listed, so the server sends only the rest and
      // says which of the listed it lacks.
      const have = await engine.timestampsAfter(since, maxHave);
      const received = new Set<string>();
      let missing: Set<string> | null = null;
      let total: number | null = null;
      const request = (from: string, first: boolean) => {
        counter.requests += 1;
        const listed = have?.filter((ts) => ts > from);
        return sync(
          current,
          syncBody(node, {
            since: from,
            ...(first ? { count: true } : {}),
            ...(listed && listed.length > 0 ? { have: listed } : {}),
          }),
        );
      };
      let pending = request(since, true);
      for (;;) {
        const page = await pending;
        // The next page is asked for before this one is applied: the server reads it while
        // this computer writes, so a first fill is not the sum of both.
        const next = page.more && page.next ? request(page.next, false) : null;
        // Awaited below, or its failure would go unheard while this page's failure is thrown.
        next?.catch(() => undefined);
        total ??= page.total ?? null;
        missing ??= new Set(page.missing ?? []);
        if (page.writes.length > 0) {
          const { entries, setAside } = await entriesOf(current, page, key, teamEncrypts);
          if (setAside.length > 0) {
            await engine.setAside(setAside, { via: 'server', origin: current.origin });
          }
          try {
            const applied = await engine.applyBatch(
              entries,
              { via: 'server', origin: current.origin },
              { collisions: 'setAside' },
            );
            if (!applied.ok) {
              throw new ServerSyncError({ code: 'badData', problem: applied.problem });
            }
            // A write under a timestamp this computer holds with other content: never merged
            // into the one held, never skipped as known, but set aside and shown.
            const payloads = new Map(page.writes.map(([ts, payload]) => [ts as string, payload]));
            const collided = applied.summary.collisions.map(({ ts, table, row }) => ({
              ts,
              payload: JSON.stringify(payloads.get(ts) ?? null),
              reason: 'collision' as const,
              detail: `table=${table} row=${row}`,
            }));
            if (collided.length > 0) {
              await engine.setAside(collided, { via: 'server', origin: current.origin });
              setAside.push(...collided);
            }
          } catch (error) {
            if (error instanceof ClockDriftError) {
              throw new ServerSyncError({ code: 'clockDrift', drift: error.drift });
            }
            throw error;
          }
          for (const [ts] of page.writes) received.add(ts);
          result.received += page.writes.length - setAside.length;
          result.setAside += setAside.length;
          onProgress?.(received.size, total);
        }
        trie = page.trie;
        if (!next) break;
        pending = next;
      }
      // Sent back: what this computer holds from then on, less what the server sent or holds,
      // and less what it refused.
      const skip = new Set(received);
      for (const ts of have ?? []) if (!missing?.has(ts)) skip.add(ts);
      for (const ts of skip) {
        const entry = refused[ts];
        if (entry && !entry.held) refused[ts] = { ...entry, held: true };
      }
      for (const ts of Object.keys(refused)) skip.add(ts);
      const mineSince = await engine.writesSince(since, skip);
      if (mineSince.size > 0) {
        const answer = await send(current, node, key, mineSince, counter, refused);
        trie = answer.trie;
        result.sent += answer.sent;
        result.refused += answer.refused;
      }
    }
    await saveRefused();
    throw new ServerSyncError({ code: 'notConverging' });
  }

  const nodeTaken = (error: unknown) =>
    error instanceof ServerSyncError &&
    error.failure.code === 'refused' &&
    error.failure.error === 'nodeTaken';

  /**
   * One round; when the server says another device holds this computer's node (a copy of its
   * data), the computer takes a new one and the round is tried again.
   */
  async function round(
    onProgress?: (done: number, total: number | null) => void,
  ): Promise<RoundResult> {
    try {
      return await roundOnce(onProgress);
    } catch (error) {
      if (!nodeTaken(error)) throw error;
      await engine.renewIdentity();
      return roundOnce(onProgress);
    }
  }

  return {
    config,
    round,

    /** Local writes the server has not been sent: the status's 待上传. */
    async pending(): Promise<number> {
      return (await config()) ? engine.countLocalAfter(await pushedSeq()) : 0;
    },

    /**
     * Joins the team of a one-time code: checks the address is a Daiban sync server, redeems
     * the code for this computer's token, and with a passphrase sets the team's encryption (or,
     * when the team has one, checks the passphrase against it). This computer then belongs to
     * the server's team: its data stays and merges with the team's on the first round.
     */
    async join(input: {
      address: string;
      code: string;
      deviceName: string;
      passphrase?: string;
    }): Promise<ServerConfig> {
      const origin = serverOrigin(input.address);
      if (!origin) throw new ServerSyncError({ code: 'badAddress' });
      // The first device's passphrase becomes the team's key: a short one is refused before the
      // code is spent. (A team's existing passphrase is checked, not set, by `unlock`.)
      if (input.passphrase && !isLongEnoughPassphrase(input.passphrase)) {
        throw new ServerSyncError({ code: 'passphraseTooShort' });
      }
      const health = (await request(origin, '/health', { method: 'GET' })) as {
        service?: unknown;
        protocol?: unknown;
      } | null;
      if (health?.service !== 'daiban-sync') throw new ServerSyncError({ code: 'notDaibanServer' });
      if (health.protocol !== syncProtocolVersion) throw new ServerSyncError({ code: 'protocol' });
      const offered = input.passphrase ? await createTeamEncryption(input.passphrase) : null;
      const joinWith = async (node: string) =>
        request(origin, '/join', {
          method: 'POST',
          body: JSON.stringify({
            protocol: syncProtocolVersion,
            code: input.code,
            node,
            deviceName: input.deviceName,
            ...(offered ? { encryption: offered.encryption } : {}),
          }),
        });
      let answer: unknown;
      try {
        answer = await joinWith((await engine.identity()).node);
      } catch (error) {
        // The code is not spent then: with a node of its own this computer joins.
        if (!nodeTaken(error)) throw error;
        answer = await joinWith((await engine.renewIdentity()).node);
      }
      const joined = joinResponseSchema.safeParse(answer);
      if (!joined.success) throw new ServerSyncError({ code: 'protocol' });
      const { token, team, device, encryption } = joined.data;
      const saved: ServerConfig = {
        origin,
        token,
        team,
        device,
        encryption,
        joinedAt: new Date().toISOString(),
      };
      let key: TeamKey | null = null;
      if (encryption && offered && encryption.salt === offered.encryption.salt) key = offered.key;
      else if (encryption && input.passphrase)
        key = await unlockTeamKey(input.passphrase, encryption);
      await db.transaction('rw', db.device, async () => {
        await db.device.put({ key: serverKeys.config, value: saved });
        await db.device.put({ key: teamKey, value: { id: team.id } });
        await db.device.put({ key: serverKeys.pushed, value: 0 });
        await db.device.delete(serverKeys.status);
        if (key) await db.device.put({ key: serverKeys.key, value: key });
        else await db.device.delete(serverKeys.key);
      });
      if (encryption && !key) {
        throw new ServerSyncError({
          code: input.passphrase ? 'wrongPassphrase' : 'needsPassphrase',
        });
      }
      return saved;
    },

    /** The team passphrase of a joined computer whose team encrypts. */
    async unlock(passphrase: string): Promise<void> {
      const current = await config();
      if (!current) throw new ServerSyncError({ code: 'notJoined' });
      // The team may have chosen encryption after this computer joined.
      const info = teamInfoSchema.safeParse(
        await request(current.origin, '/team', { method: 'GET', token: current.token }),
      );
      if (!info.success) throw new ServerSyncError({ code: 'protocol' });
      const encryption = info.data.encryption;
      if (!encryption) return;
      const key = await unlockTeamKey(passphrase, encryption);
      if (!key) throw new ServerSyncError({ code: 'wrongPassphrase' });
      await db.transaction('rw', db.device, async () => {
        await db.device.put({ key: serverKeys.config, value: { ...current, encryption } });
        await db.device.put({ key: serverKeys.key, value: key });
      });
    },

    /** Leaves the server: the data stays here; nothing more is sent or fetched. */
    async leave(): Promise<void> {
      await db.transaction('rw', db.device, async () => {
        for (const key of Object.values(serverKeys)) await db.device.delete(key);
      });
    },
  };
}

export type ServerSync = ReturnType<typeof createServerSync>;

/** This computer's hashes less the writes the server refused and does not hold. */
function withoutRefused(packed: PackedMinuteHashes, refused: RefusedWrites): PackedMinuteHashes {
  const left = Object.entries(refused).filter(([, entry]) => !entry.held);
  if (left.length === 0) return packed;
  const hashes = unpackMinuteHashes(packed);
  // XOR: adding a timestamp the hashes hold takes it out again.
  for (const [ts] of left) addTimestamp(hashes, ts as Timestamp);
  return packMinuteHashes(hashes);
}
