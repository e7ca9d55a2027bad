import { z } from 'zod';
import { yearScheduleSchema } from '../calendar/year-schedule';
import { recordMetaSchema } from './common';

/** A year's holiday schedule entered or imported by a user (synced like other data). */
export const holidayScheduleSchema = z.intersection(yearScheduleSchema, recordMetaSchema);
export type HolidaySchedule = z.infer<typeof holidayScheduleSchema>;

/** Team-wide settings, one record with a fixed id so every device edits the same one. */
export const teamSettingsId = '00000000-0000-4000-8000-000000000001';
export const teamSettingsInputSchema = z.object({
  /** Tier 预警 starts this many working days before a due date. */
  warnWithinWorkingDays: z.number('validation.number').int('validation.integer').min(0).max(30),
});
export type TeamSettingsInput = z.infer<typeof teamSettingsInputSchema>;
export const teamSettingsSchema = teamSettingsInputSchema.extend(recordMetaSchema.shape);
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const defaultTeamSettings: TeamSettingsInput = {
  warnWithinWorkingDays: 3,
};
