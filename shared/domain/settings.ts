import { z } from 'zod';
import { yearScheduleSchema } from '../calendar/year-schedule';
import { optionalText, recordMetaSchema } from './common';

/** A year's holiday schedule entered or imported by a user (synced like other data). */
export const holidayScheduleSchema = z.intersection(yearScheduleSchema, recordMetaSchema);
export type HolidaySchedule = z.infer<typeof holidayScheduleSchema>;

/**
 * One schedule per year on every computer: its id follows from the year, so two people entering
 * 2027 on two computers edit one record (last writer wins per field) instead of making two.
 */
export function holidayScheduleId(year: number): string {
  return `2d1b0a6e-0000-4000-8000-${String(year).padStart(12, '0')}`;
}

/** Team-wide settings, one record with a fixed id so every device edits the same one. */
export const teamSettingsId = '00000000-0000-4000-8000-000000000001';
export const teamSettingsInputSchema = z.object({
  /** The team's name, written into its sync files so a file from another team is recognised. */
  teamName: optionalText(100).default(''),
  /** Tier 预警 starts this many working days before a due date. */
  warnWithinWorkingDays: z.number('validation.number').int('validation.integer').min(0).max(30),
  /**
   * 同步文件必须加密: files are imported only when sealed with the team's passphrase (format 2,
   * header authenticated). Absent means off. Not defaulted: a default would write `false` with
   * any other settings edit made before a colleague's `true` arrived, and switch it off unasked.
   */
  requireSealedFiles: z.boolean().optional(),
});
export type TeamSettingsInput = z.infer<typeof teamSettingsInputSchema>;
export const teamSettingsSchema = teamSettingsInputSchema.extend(recordMetaSchema.shape);
export type TeamSettings = z.infer<typeof teamSettingsSchema>;

export const defaultTeamSettings: TeamSettingsInput = {
  teamName: '',
  warnWithinWorkingDays: 3,
};
