import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  assembleWorkbench,
  helperAgentsOfUser,
  type WorkbenchScope,
} from '../../../shared/dashboard/workbench';
import { useActor } from '../../db/useActor';
import { useAllProjectRecords } from '../../db/useProjectRecords';
import { useCalendar, useHelperAgents, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import { WorkbenchView, type ScopeChoice } from './WorkbenchView';

/**
 * 工作台: what needs the user today. 我的 (the projects naming the user as a helper-agent) when
 * the user is one, else the whole team; the choice is kept in the address (?scope=team).
 */
export function WorkbenchPage() {
  const records = useAllProjectRecords();
  const helperAgents = useHelperAgents();
  const actor = useActor();
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const [search, setSearch] = useSearchParams();

  const mine = useMemo(
    () => helperAgentsOfUser(actor?.name ?? '', helperAgents ?? []),
    [actor, helperAgents],
  );
  const loaded = records !== undefined && helperAgents !== undefined && actor !== undefined;
  const choice: ScopeChoice = !loaded
    ? { canChooseMine: null }
    : mine.length > 0
      ? { canChooseMine: true, agentNames: [...new Set(mine.map((agent) => agent.name))] }
      : { canChooseMine: false, userName: actor?.name ?? '' };
  const scope: WorkbenchScope =
    choice.canChooseMine !== false && search.get('scope') !== 'team' ? 'mine' : 'team';

  const workbench = useMemo(
    () =>
      loaded
        ? assembleWorkbench({
            projects: records.projects,
            records,
            calendar,
            today,
            warnWithinWorkingDays,
            helperAgentIds: scope === 'mine' ? mine.map((agent) => agent.id) : null,
          })
        : undefined,
    [loaded, records, calendar, today, warnWithinWorkingDays, scope, mine],
  );

  return (
    <WorkbenchView
      workbench={workbench}
      scope={scope}
      choice={choice}
      onScope={(next) => setSearch(next === 'team' ? { scope: 'team' } : {}, { replace: true })}
    />
  );
}
