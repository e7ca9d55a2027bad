import { useLiveQuery } from 'dexie-react-hooks';
import { readHistory, readRecordNames, type HistoryEntry } from './history';
import { db } from './index';

/** Who changed a record and when, newest first (see history.ts). */
export function useHistory(recordId: string | undefined): HistoryEntry[] | undefined {
  return useLiveQuery(async () => (recordId ? readHistory(db, recordId) : []), [recordId]);
}

/** Names of records referred to by id in a history (see readRecordNames); undefined while read. */
export function useRecordNames(
  ids: readonly string[],
): Map<string, { name: string; deleted: boolean }> | undefined {
  const key = [...new Set(ids)].sort().join(',');
  return useLiveQuery(() => readRecordNames(db, key === '' ? [] : key.split(',')), [key]);
}
