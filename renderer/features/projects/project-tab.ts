import type { WorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import type { Deadline } from '../../../shared/domain/deadlines';
import type { KeyProject } from '../../../shared/domain/project';
import type { RecordIssue } from '../../../shared/domain/record-issues';
import type { ProjectRecords } from '../../db/useProjectRecords';

/** What the project page hands each of its tabs: the project, its records and the derived dates. */
export type ProjectTabProps = {
  project: KeyProject;
  records: ProjectRecords;
  /** Every deadline of this project, derived for today. */
  deadlines: Deadline[];
  calendar: WorkingDayCalendar;
  today: string;
  warnWithinWorkingDays: number;
  /** The problems of each record that needs review (需核对), by record id. */
  review: ReadonlyMap<string, readonly RecordIssue[]>;
};
