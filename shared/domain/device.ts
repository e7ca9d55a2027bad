import { z } from 'zod';
import { nodeIdSchema, timestampSchema } from '../sync/timestamp';
import { recordMetaSchema, requiredText } from './common';

/**
 * A computer (or browser profile) of the team. Every change carries its device in the timestamp's
 * node id, so 修改记录 on any computer can say who made a change: the device's user at that time.
 * A user who changes their name or unit adds an entry; earlier changes keep the earlier name.
 */
export const deviceUserSchema = z.object({
  /** The timestamp from which this name and unit hold. */
  since: timestampSchema,
  name: requiredText(50),
  unit: requiredText(100),
});
export type DeviceUser = z.infer<typeof deviceUserSchema>;

export const deviceInputSchema = z.object({
  node: nodeIdSchema,
  users: z.array(deviceUserSchema),
});
export type DeviceInput = z.infer<typeof deviceInputSchema>;

export const deviceSchema = deviceInputSchema.extend(recordMetaSchema.shape);
export type Device = z.infer<typeof deviceSchema>;

/** The device's user when a change stamped `ts` was made; undefined before any was known. */
export function userAt(device: Pick<Device, 'users'>, ts: string): DeviceUser | undefined {
  let found: DeviceUser | undefined;
  for (const user of device.users) {
    if (user.since <= ts && (!found || user.since > found.since)) found = user;
  }
  return found ?? device.users[0];
}
