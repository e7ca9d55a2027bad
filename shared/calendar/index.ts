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
  builtinYears,
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from './working-day-calendar';
export {
  computeDueDate,
  deadlineTier,
  type DeadlineTier,
  type DueDate,
  type DueDateInput,
  type PausedInterval,
  type TimeLimit,
} from './deadline';
