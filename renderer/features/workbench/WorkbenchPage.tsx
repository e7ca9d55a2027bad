import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { assembleWorkbench, type WorkbenchScope } from '../../../shared/dashboard/workbench';
import { db } from '../../db';
import { useCalendar, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import { readWorkbenchData } from './workbench-data';
import { WorkbenchView, type ScopeChoice } from './WorkbenchView';

/**
 * 工作台: what needs the user today. 我的 (the projects naming the user as a helper-agent) when
 * the user is one, else the whole team; the choice is kept in the address (?scope=team).
 */
export function WorkbenchPage() {
  const [search, setSearch] = useSearchParams();
  const requested: WorkbenchScope = search.get('scope') === 'team' ? 'team' : 'mine';
  const data = useLiveQuery(() => readWorkbenchData(db, requested), [requested]);
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();

  // While another scope loads, the last one stays on screen (useLiveQuery keeps its value).
  const workbench = useMemo(
    () =>
      data &&
      assembleWorkbench({
        projects: data.records.projects,
        records: data.records,
        calendar,
        today,
        warnWithinWorkingDays,
        // The records read are those of the scope already.
        helperAgentIds: null,
      }),
    [data, calendar, today, warnWithinWorkingDays],
  );
  const choice: ScopeChoice = !data
    ? { canChooseMine: null }
    : data.myAgents.length > 0
      ? { canChooseMine: true, agentNames: [...new Set(data.myAgents.map((agent) => agent.name))] }
      : { canChooseMine: false, userName: data.userName };

  return (
    <WorkbenchView
      workbench={workbench}
      scope={data?.scope ?? requested}
      choice={choice}
      onScope={(next) => setSearch(next === 'team' ? { scope: 'team' } : {}, { replace: true })}
    />
  );
}
