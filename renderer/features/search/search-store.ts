import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import { cachedPinyinForms } from '../../../shared/search/pinyin-forms';
import { searchDocuments } from '../../../shared/search/search-documents';
import { SearchIndex } from '../../../shared/search/search-index';
import { db } from '../../db';
import { readLiveProjectData, readLiveRows } from '../../db/live-records';

export type SearchIndexState = {
  /** False until the first build is done; later rebuilds keep answering from the last one. */
  ready: boolean;
  /** Bumped whenever the index changes, so an open search runs its query again. */
  version: number;
};

/** A build gives the page back after this long, so typing and scrolling stay smooth. */
const sliceMilliseconds = 12;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The one search index of the window, started when search is first opened and from then on kept
 * current by a live query over every record. Converting names to pinyin is the costly part: it
 * runs in slices between which the page stays responsive, and an unchanged record keeps its entry.
 */
class SearchStore {
  readonly index = new SearchIndex(cachedPinyinForms());
  private state: SearchIndexState = { ready: false, version: 0 };
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | null = null;
  private generation = 0;

  start(): void {
    if (this.subscription) return;
    this.subscription = liveQuery(async () => {
      const [data, helperAgents] = await Promise.all([
        readLiveProjectData(db),
        readLiveRows(db, 'helperAgents'),
      ]);
      // The newest work first: ties in ranking keep this order.
      data.projects.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return { ...data, helperAgents };
    }).subscribe({
      next: (records) => void this.rebuild(searchDocuments(records)),
      error: (error: unknown) => console.error('search index', error),
    });
  }

  getState = (): SearchIndexState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private async rebuild(docs: ReturnType<typeof searchDocuments>): Promise<void> {
    const generation = ++this.generation;
    let sliceStart = performance.now();
    const chunk = 500;
    for (let from = 0; from < docs.length; from += chunk) {
      this.index.prepare(docs.slice(from, from + chunk));
      if (performance.now() - sliceStart > sliceMilliseconds) {
        await nextTask();
        // Newer records arrived meanwhile: their build takes over (entries made so far are kept).
        if (generation !== this.generation) return;
        sliceStart = performance.now();
      }
    }
    this.index.setDocuments(docs);
    this.state = { ready: true, version: this.state.version + 1 };
    for (const listener of this.listeners) listener();
  }
}

export const searchStore = new SearchStore();

export function useSearchIndexState(): SearchIndexState {
  return useSyncExternalStore(searchStore.subscribe, searchStore.getState);
}
