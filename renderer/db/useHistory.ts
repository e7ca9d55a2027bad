import { useLiveQuery } from 'dexie-react-hooks';
import type { ChangeRecord } from '../../shared/domain/change';
import { db } from './index';

/** Who changed a record and when, newest first. */
export function useHistory(recordId: string | undefined): ChangeRecord[] | undefined {
  return useLiveQuery(async () => {
    if (!recordId) return [];
    const changes = await db.changes.where('recordId').equals(recordId).toArray();
    return changes.sort((a, b) => b.at.localeCompare(a.at));
  }, [recordId]);
}
