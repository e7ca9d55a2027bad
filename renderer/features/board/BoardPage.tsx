import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { assembleBoard } from '../../../shared/dashboard/board';
import { db } from '../../db';
import { useCalendar, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import { readBoardData } from './board-data';
import { BoardView } from './BoardView';

/** 看板 for leaders: the whole team's picture, read from every live project and approval item. */
export function BoardPage() {
  const data = useLiveQuery(() => readBoardData(db));
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const board = useMemo(
    () =>
      data &&
      assembleBoard({
        projects: data.records.projects,
        records: data.records,
        helperAgents: data.helperAgents,
        calendar,
        today,
        warnWithinWorkingDays,
      }),
    [data, calendar, today, warnWithinWorkingDays],
  );
  return <BoardView board={board} today={today} />;
}
