import { useLiveQuery } from 'dexie-react-hooks';
import { readHistory, type HistoryEntry } from './history';
import { db } from './index';

/** Who changed a record and when, newest first (see history.ts). */
export function useHistory(recordId: string | undefined): HistoryEntry[] | undefined {
  return useLiveQuery(async () => (recordId ? readHistory(db, recordId) : []), [recordId]);
}
