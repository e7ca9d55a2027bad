export {
  isoDateSchema,
  parseYearScheduleText,
  scheduleTextErrors,
  yearScheduleSchema,
  type ParseYearScheduleResult,
  type ScheduleTextError,
  type YearSchedule,
} from './year-schedule';
export {
  canEstimate,
  estimateHolidays,
  estimatedYearRange,
  festivals,
  statutoryDays,
  type EstimatedHoliday,
  type Festival,
} from './statutory-holidays';
export {
  builtinYears,
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from './working-day-calendar';
export {
  computeDueDate,
  deadlineTier,
  workingDaysBetween,
  workingDaysOverdue,
  type DeadlineTier,
  type DueDate,
  type DueDateInput,
  type PausedInterval,
  type TimeLimit,
} from './deadline';
