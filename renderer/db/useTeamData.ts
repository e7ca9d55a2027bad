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

export function useHelperAgents(): HelperAgent[] | undefined {
  return useLiveQuery(async () =>
    (await db.helperAgents.toArray())
      .filter((agent) => !agent.deleted)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
}

export function useCatalog(): CatalogItem[] | undefined {
  return useLiveQuery(async () =>
    (await db.catalogItems.toArray())
      .filter((entry) => !entry.deleted)
      .sort((a, b) => a.sortOrder - b.sortOrder),
  );
}

export function useHolidaySchedules(): HolidaySchedule[] | undefined {
  return useLiveQuery(async () =>
    (await db.holidaySchedules.orderBy('year').toArray()).filter((row) => !row.deleted),
  );
}

export function useTeamSettings(): TeamSettingsInput {
  const settings = useLiveQuery(() => db.settings.get(teamSettingsId));
  return settings ?? defaultTeamSettings;
}

/** The working-day calendar: chinese-days data plus the years users entered. */
export function useCalendar(): WorkingDayCalendar {
  const schedules = useHolidaySchedules();
  return useMemo(() => createWorkingDayCalendar(schedules ?? []), [schedules]);
}
