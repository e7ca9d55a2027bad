/// <reference lib="webworker" />
import { expose, type ProxyMarked } from 'comlink';
import { liveQuery } from 'dexie';
import { cachedPinyinForms } from '../../shared/search/pinyin-forms';
import { searchDocuments } from '../../shared/search/search-documents';
import { SearchIndex, type SearchResults } from '../../shared/search/search-index';
import { DaibanDatabase } from './database';
import { readLiveProjectData, readLiveRows } from './live-records';

/**
 * 搜索's index, off the window's thread: every live record read, names converted to pinyin and
 * the index kept current by a live query over the same database (Dexie tells this worker about
 * the window's writes). The window only sends a query and gets the grouped results back, so
 * neither building the index nor following a change ever holds up typing.
 */

const db = new DaibanDatabase();
const index = new SearchIndex(cachedPinyinForms());
let version = 0;
let started = false;

/** Told the index's version each time it changed: an open search runs its query again. */
export type IndexListener = ((version: number) => void) & ProxyMarked;
const listeners: IndexListener[] = [];

function start(): void {
  if (started) return;
  started = true;
  liveQuery(async () => {
    const [data, helperAgents] = await Promise.all([
      readLiveProjectData(db),
      readLiveRows(db, 'helperAgents'),
    ]);
    // The newest work first: ties in ranking keep this order.
    data.projects.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return { ...data, helperAgents };
  }).subscribe({
    next: (records) => {
      index.setDocuments(searchDocuments(records));
      version += 1;
      for (const listener of listeners) void listener(version);
    },
    error: (error: unknown) => console.error('search index', error),
  });
}

const api = {
  /** Starts the index (once) and reports its version now and whenever it changes; 0: not built. */
  watch(listener: IndexListener): number {
    listeners.push(listener);
    start();
    return version;
  },
  search(query: string, limitPerKind: number): SearchResults {
    return index.search(query, limitPerKind);
  },
};

export type SearchWorker = typeof api;

expose(api);
