import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  createWorkingDayCalendar,
  type WorkingDayCalendar,
} from '../../shared/calendar/working-day-calendar';
import type { CatalogItem } from '../../shared/domain/catalog-item';
import type { HelperAgent } from '../../shared/domain/helper-agent';
import {
  defaultTeamSettings,
  teamSettingsId,
  type HolidaySchedule,
  type TeamSettingsInput,
} from '../../shared/domain/settings';
import { db } from './index';
import { isLiveRow, readLiveRows, schedulesForCounting } from './live-records';

export function useHelperAgents(): HelperAgent[] | undefined {
  return useLiveQuery(async () =>
    (await readLiveRows(db, 'helperAgents')).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
}

export function useCatalog(): CatalogItem[] | undefined {
  return useLiveQuery(async () =>
    (await readLiveRows(db, 'catalogItems')).sort((a, b) => a.sortOrder - b.sortOrder),
  );
}

export function useHolidaySchedules(): HolidaySchedule[] | undefined {
  return useLiveQuery(async () =>
    (await readLiveRows(db, 'holidaySchedules')).sort((a, b) => a.year - b.year),
  );
}

export function useTeamSettings(): TeamSettingsInput {
  const settings = useLiveQuery(() => db.settings.get(teamSettingsId));
  return settings && isLiveRow(settings) ? settings : defaultTeamSettings;
}

/** The working-day calendar: chinese-days data plus the years users entered. */
export function useCalendar(): WorkingDayCalendar {
  const schedules = useHolidaySchedules();
  return useMemo(
    () => createWorkingDayCalendar(schedulesForCounting(schedules ?? [])),
    [schedules],
  );
}
