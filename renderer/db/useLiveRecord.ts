import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordOf, SyncedTable } from '../../shared/domain/records';
import { db } from './index';

/**
 * One record, live (another window's write or an import shows at once): undefined while it
 * loads, null when it does not exist or was deleted. For forms open on a record.
 */
export function useLiveRecord<K extends SyncedTable>(
  table: K,
  id: string | undefined,
): RecordOf<K> | null | undefined {
  return useLiveQuery(async () => {
    if (!id) return null;
    const row = (await db.table(table).get(id)) as RecordOf<K> | undefined;
    return row && !row.deleted ? row : null;
  }, [table, id]);
}
