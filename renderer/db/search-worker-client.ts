import { proxy, wrap, type Remote } from 'comlink';
import { useSyncExternalStore } from 'react';
import type { SearchResults } from '../../shared/search/search-index';
import type { SearchWorker } from './search-worker';

export type SearchIndexState = {
  /** False until the first build is done; later ones keep answering from the last. */
  ready: boolean;
  /** Bumped whenever the records changed, so an open search runs its query again. */
  version: number;
};

let worker: Remote<SearchWorker> | undefined;
let state: SearchIndexState = { ready: false, version: 0 };
const listeners = new Set<() => void>();

function changed(version: number): void {
  state = { ready: version > 0, version };
  for (const listener of listeners) listener();
}

/** Starts the search worker of this window (once), when search is first opened. */
export function startSearchIndex(): void {
  if (worker) return;
  worker = wrap<SearchWorker>(
    new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module', name: '搜索' }),
  );
  void worker.watch(proxy(changed)).then(changed);
}

export function searchRecords(query: string, limitPerKind: number): Promise<SearchResults> {
  if (!worker) return Promise.resolve([]);
  return worker.search(query, limitPerKind);
}

export function useSearchIndexState(): SearchIndexState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
