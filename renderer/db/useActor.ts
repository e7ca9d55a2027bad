import { useLiveQuery } from 'dexie-react-hooks';
import { actorSchema, type Actor } from '../../shared/domain/change';
import { db } from './index';

/** The staff member this install belongs to; null before the first start, undefined while loading. */
export function useActor(): Actor | null | undefined {
  return useLiveQuery(async () => {
    const parsed = actorSchema.safeParse((await db.device.get('actor'))?.value);
    return parsed.success ? parsed.data : null;
  });
}
