import { timestampHash, timestampMinute } from '../../shared/sync/merkle';
import {
  maxHave,
  sinceMillis,
  syncProtocolVersion,
  type SyncResponse,
  type WirePart,
} from '../../shared/sync/server-protocol';
import { timestampMillis, type Timestamp } from '../../shared/sync/timestamp';
import { findDivergence, LevelTrie } from '../../shared/sync/trie-view';

/** A refused request: its HTTP status, and the server's Retry-After in seconds when it sent one. */
export class SyncHttpError extends Error {
  override readonly name = 'SyncHttpError';
  constructor(
    readonly status: number,
    readonly retryAfter: number | null,
    text: string,
  ) {
    super(`sync failed: ${status} ${text}`);
  }
}

/**
 * What a request names besides its own fields: protocol 2 carries the device's node id in every
 * request (and in its join).
 */
export function deviceFields(node: string | undefined): Record<string, unknown> {
  return (syncProtocolVersion as number) >= 2 && node !== undefined
    ? { protocol: syncProtocolVersion, node }
    : { protocol: syncProtocolVersion };
}

/**
 * A device for the server benchmarks, in Node: the app's round (renderer/db/server-sync.ts)
 * without IndexedDB — the same requests, the same trie walk, the same paging — so many devices
 * and a history of millions of writes fit in one process. What it receives it only records
 * (its trie and timestamps); what it sends it keeps, in case the server asks for it again.
 */
export class SimDevice {
  readonly trie: LevelTrie;
  private readonly own = new Map<Timestamp, readonly WirePart[]>();
  private unsent: Timestamp[] = [];
  /** Timestamps written or received here (not the history given at construction), sorted on use. */
  private readonly recent: string[] = [];
  requests = 0;

  constructor(
    private readonly url: string,
    private readonly token: string,
    history?: LevelTrie,
    /** The device's node id, sent with every request from protocol 2 on. */
    private readonly node?: string,
  ) {
    this.trie = history ?? new LevelTrie();
  }

  /** A local write, sent on the next round. */
  write(ts: Timestamp, parts: readonly WirePart[]) {
    this.own.set(ts, parts);
    this.unsent.push(ts);
    this.recent.push(ts);
    this.trie.add(ts);
  }

  private async post(body: string): Promise<SyncResponse> {
    this.requests += 1;
    const response = await fetch(`${this.url}/sync`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body,
    });
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new SyncHttpError(
        response.status,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
        await response.text(),
      );
    }
    return (await response.json()) as SyncResponse;
  }

  private body(fields: object, writes?: Timestamp[]) {
    const texts = writes?.map((ts) => JSON.stringify([ts, this.own.get(ts)]));
    return JSON.stringify({ ...deviceFields(this.node), ...fields }).replace(
      /}$/,
      texts ? `,"writes":[${texts.join(',')}]}` : '}',
    );
  }

  /** One round as the app does it; resolves when this device and the server hold the same log. */
  async round(): Promise<{ sent: number; received: number; requests: number }> {
    const before = this.requests;
    let sent = this.unsent.length;
    let received = 0;
    // Sent when the server answered: a refused request leaves them for the next round.
    let trie = (await this.post(this.body({}, this.unsent))).trie;
    this.unsent = [];
    for (let pass = 0; pass < 8; pass += 1) {
      let divergence = findDivergence(this.trie, trie);
      for (let asked = 0; divergence.kind === 'expand'; asked += 1) {
        if (asked > 10) throw new Error('walk does not end');
        trie = (await this.post(this.body({ expand: divergence.prefix }))).trie;
        divergence = findDivergence(this.trie, trie);
      }
      if (divergence.kind === 'equal') return { sent, received, requests: this.requests - before };
      if (divergence.millis < this.forgotten) {
        throw new Error('the round reaches back before what this device forgot');
      }
      const since = sinceMillis(divergence.millis);
      const have = this.recent.filter((ts) => ts > since);
      const listed = have.length <= maxHave ? have : null;
      const got = new Set<string>();
      let missing: Set<string> | null = null;
      let mark = since;
      for (;;) {
        const later = listed?.filter((ts) => ts > mark);
        const page = await this.post(
          this.body({ since: mark, ...(later && later.length > 0 ? { have: later } : {}) }),
        );
        missing ??= new Set(page.missing ?? []);
        for (const [ts] of page.writes) {
          got.add(ts);
          if (!this.own.has(ts) && !this.known(ts)) {
            this.trie.add(ts);
            this.recent.push(ts);
          }
        }
        received += page.writes.length;
        trie = page.trie;
        if (!page.more || !page.next) break;
        mark = page.next;
      }
      const held = new Set(listed?.filter((ts) => !missing?.has(ts)) ?? []);
      const mine = [...this.own.keys()].filter((ts) => ts > since && !got.has(ts) && !held.has(ts));
      if (mine.length > 0) {
        sent += mine.length;
        trie = (await this.post(this.body({}, mine))).trie;
      }
    }
    throw new Error('round does not converge');
  }

  /**
   * Forgets what was written or received before `millis`, so that a device running for long in a
   * busy team holds only its recent past: a round fetches from the minute the trie walk stops
   * at, never from long ago while the device keeps syncing. Throws in a round that reaches back
   * before it (`since` older than what was forgotten), rather than count a write twice.
   */
  forget(millis: number) {
    const before = (ts: string) => timestampMillis(ts as Timestamp) < millis;
    for (const ts of this.own.keys())
      if (before(ts) && !this.unsent.includes(ts)) this.own.delete(ts);
    for (const ts of this.seen) if (before(ts)) this.seen.delete(ts);
    const kept = this.recent.filter((ts) => !before(ts));
    this.recent.length = 0;
    this.recent.push(...kept);
    this.forgotten = Math.max(this.forgotten, millis);
  }

  private forgotten = 0;
  private readonly seen = new Set<string>();
  /**
   * Received timestamps, so a write fetched twice is added to the trie once. A history given at
   * construction is not listed: the benchmarks never fetch into it.
   */
  private known(ts: string): boolean {
    if (this.seen.has(ts)) return true;
    this.seen.add(ts);
    return false;
  }
}

/** The trie of a history given as timestamps, built as the server builds it on a cold start. */
export function trieOfHistory(timestamps: Iterable<Timestamp>): LevelTrie {
  const minutes = new Map<number, number>();
  for (const ts of timestamps) {
    const minute = timestampMinute(ts);
    minutes.set(minute, (minutes.get(minute) ?? 0) ^ timestampHash(ts));
  }
  return LevelTrie.fromMinuteHashes(minutes);
}
