import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { createWorkingDayCalendar } from '../../../shared/calendar/working-day-calendar';
import { collectDeadlines } from '../../../shared/domain/deadlines';
import { remindersToShow, type ReminderDeadline } from '../../../shared/reminders/reminders';
import { schedulesForCounting } from '../../db/live-records';
import { takeNewTiers, useRemindersEnabled } from '../../db/reminders';
import { useAllProjectRecords } from '../../db/useProjectRecords';
import { useHolidaySchedules, useTeamSettings } from '../../db/useTeamData';
import { bridge } from '../../platform/bridge';
import { useToday } from '../../ui/useToday';
import { recordLink } from '../search/record-link';

/**
 * 提醒, whichever screen is open: whenever the records or the day change, the deadlines that
 * newly entered 预警 or 逾期 are remembered on this computer and, unless reminders are off, shown
 * as desktop notifications. The first check after start-up covers what changed while the app was
 * closed. With reminders off they are remembered all the same, so turning them on later does not
 * bring up the old ones. A click opens the record (a summary opens 工作台).
 */
export function ReminderWatcher() {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setStarted(true), startAfterMilliseconds);
    return () => clearTimeout(timer);
  }, []);
  return started ? <ReminderChecks /> : null;
}

/**
 * Reading every record is what the first screen does too: the reminders' own read waits a moment,
 * so it never competes with showing 工作台.
 */
const startAfterMilliseconds = 2000;

function ReminderChecks() {
  const navigate = useNavigate();
  const records = useAllProjectRecords({ handlingSteps: 'attention' });
  const schedules = useHolidaySchedules();
  const { warnWithinWorkingDays } = useTeamSettings();
  const enabled = useRemindersEnabled();
  const today = useToday();
  const moment = useRef<'startup' | 'running'>('startup');

  const deadlines = useMemo<ReminderDeadline[] | undefined>(() => {
    if (!records || !schedules) return undefined;
    const calendar = createWorkingDayCalendar(schedulesForCounting(schedules));
    const names = new Map(records.projects.map((project) => [project.id, project.name]));
    return collectDeadlines(records, calendar, today, warnWithinWorkingDays).map((deadline) => ({
      ...deadline,
      projectName: names.get(deadline.projectId) ?? '',
    }));
  }, [records, schedules, today, warnWithinWorkingDays]);

  useEffect(() => {
    if (!deadlines || enabled === undefined) return;
    void takeNewTiers(deadlines).then((fresh) => {
      const when = moment.current;
      moment.current = 'running';
      if (!enabled) return;
      for (const reminder of remindersToShow(fresh, when)) {
        void bridge.notify(reminder).then((result) => {
          if (result.status !== 'clicked') return;
          void navigate(result.target ? recordLink(result.target) : '/workbench');
        });
      }
    });
  }, [deadlines, enabled, navigate]);

  return null;
}
