import { timestampHash, timestampMinute } from '../shared/sync/merkle';
import type { Timestamp } from '../shared/sync/timestamp';
import { LevelTrie } from '../shared/sync/trie-view';
import type { Storage } from './storage';

type Cached = { trie: LevelTrie; seq: number; removals: number };

/** Rows read per query while a trie loads or catches up. */
const batchRows = 50_000;

/**
 * Each team's merkle trie, kept in memory and brought up to date before use by adding the
 * timestamps stored since it was last read (by `seq`): a round costs the writes it adds, not a
 * pass over the history. Loaded once per team per process, and again after an admin removed
 * some of its writes (admin.ts); each team's reads are serialised so a timestamp is never added
 * twice. With PostgreSQL, writes stored by other server processes
 * are picked up the same way.
 */
export function createTeamTries(storage: Storage) {
  const cache = new Map<string, Cached>();
  const queues = new Map<string, Promise<unknown>>();

  async function catchUp(teamId: string): Promise<LevelTrie> {
    // Read before the writes: a removal after this point is seen on the next round.
    const removals = await storage.removalCount(teamId);
    let cached = cache.get(teamId);
    if (!cached || cached.removals !== removals) {
      cached = { trie: new LevelTrie(), seq: 0, removals };
      // A cold load adds each minute's hash once instead of walking 22 levels per timestamp.
      const minutes = new Map<number, number>();
      for (;;) {
        const rows = await storage.timestampsAfter(teamId, cached.seq, batchRows);
        for (const { ts, seq } of rows) {
          const minute = timestampMinute(ts as Timestamp);
          minutes.set(minute, (minutes.get(minute) ?? 0) ^ timestampHash(ts as Timestamp));
          cached.seq = seq;
        }
        if (rows.length < batchRows) break;
      }
      cached.trie = LevelTrie.fromMinuteHashes(minutes);
      cache.set(teamId, cached);
      return cached.trie;
    }
    for (;;) {
      const rows = await storage.timestampsAfter(teamId, cached.seq, batchRows);
      for (const { ts, seq } of rows) {
        cached.trie.add(ts as Timestamp);
        cached.seq = seq;
      }
      if (rows.length < batchRows) break;
    }
    return cached.trie;
  }

  return {
    /** The team's trie with every write stored so far. */
    current(teamId: string): Promise<LevelTrie> {
      const previous = queues.get(teamId) ?? Promise.resolve();
      const next = previous.then(
        () => catchUp(teamId),
        () => catchUp(teamId),
      );
      queues.set(teamId, next);
      void next.finally(() => {
        if (queues.get(teamId) === next) queues.delete(teamId);
      });
      return next;
    },
  };
}

export type TeamTries = ReturnType<typeof createTeamTries>;
