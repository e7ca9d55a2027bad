import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import { newTiers, type ReminderDeadline } from '../../shared/reminders/reminders';
import { db } from './index';

const settingKey = 'reminders';
const settingSchema = z.object({ enabled: z.boolean() });

/**
 * Which deadlines newly entered 预警 or 逾期 on this computer, remembered at once in the same
 * transaction: two windows checking together never both remind of one record.
 */
export function takeNewTiers(deadlines: readonly ReminderDeadline[]): Promise<ReminderDeadline[]> {
  return db.transaction('rw', db.reminders, async () => {
    const reminded = new Set(await db.reminders.toCollection().primaryKeys());
    const { fresh, keys } = newTiers(deadlines, reminded);
    const at = new Date().toISOString();
    if (keys.length > 0) await db.reminders.bulkPut(keys.map((key) => ({ key, at })));
    return fresh;
  });
}

/** Whether this computer shows reminders (on unless turned off); undefined while loading. */
export function useRemindersEnabled(): boolean | undefined {
  return useLiveQuery(async () => {
    const parsed = settingSchema.safeParse((await db.device.get(settingKey))?.value);
    return parsed.success ? parsed.data.enabled : true;
  });
}

export async function setRemindersEnabled(enabled: boolean): Promise<void> {
  await db.device.put({ key: settingKey, value: { enabled } });
}
