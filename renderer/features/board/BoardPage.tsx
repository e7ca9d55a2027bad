import { useMemo } from 'react';
import { assembleBoard } from '../../../shared/dashboard/board';
import { useAllProjectRecords } from '../../db/useProjectRecords';
import { useCalendar, useHelperAgents, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import { BoardView } from './BoardView';

/** 看板 for leaders: the whole team's picture, read from every live record. */
export function BoardPage() {
  // No chart needs the handling steps, the largest table.
  const records = useAllProjectRecords({ handlingSteps: false });
  const helperAgents = useHelperAgents();
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const board = useMemo(
    () =>
      records && helperAgents
        ? assembleBoard({
            projects: records.projects,
            records,
            helperAgents,
            calendar,
            today,
            warnWithinWorkingDays,
          })
        : undefined,
    [records, helperAgents, calendar, today, warnWithinWorkingDays],
  );
  return <BoardView board={board} today={today} />;
}
