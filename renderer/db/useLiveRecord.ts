import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordOf, SyncedTable } from '../../shared/domain/records';
import { db } from './index';
import { readLiveRecord } from './live-records';

/**
 * One record, live (another window's write or an import shows at once): undefined while it
 * loads, null when it does not exist or is not live (deleted, or its project deleted). For forms
 * open on a record.
 */
export function useLiveRecord<K extends SyncedTable>(
  table: K,
  id: string | undefined,
): RecordOf<K> | null | undefined {
  return useLiveQuery(() => (id ? readLiveRecord(db, table, id) : null), [table, id]);
}
