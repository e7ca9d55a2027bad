import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { assembleSummarySheet } from '../../../shared/reports/summary-sheet';
import { useActor } from '../../db/useActor';
import { useAllProjectRecords } from '../../db/useProjectRecords';
import { useCalendar, useHelperAgents, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import {
  describeFilter,
  filterFromSearch,
  filterToSearch,
  isEmptyFilter,
  matchesFilter,
} from '../projects/project-filter';
import { summarizeProjects } from '../projects/useProjectSummaries';
import { actorLabel } from './actor-label';
import { sheetFormat } from './print-format';
import { PrintPreview } from './PrintPreview';
import { SummarySheet } from './SummarySheet';

/**
 * #/print/summary?<the list's filter> — 重点项目推进情况汇总表 over the projects the list shows:
 * the same filter, read from the same URL parameters, applied by the same function.
 */
export function SummarySheetPage() {
  const { t, i18n } = useTranslation();
  const [search] = useSearchParams();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  // Steps are read only for a filter: the list's overdue count includes their open 下一步.
  const records = useAllProjectRecords({
    handlingSteps: isEmptyFilter(filter) ? 'none' : 'attention',
  });
  const helperAgents = useHelperAgents();
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const actor = useActor();
  const [printedAt] = useState(() => new Date());
  const format = useMemo(() => sheetFormat(t, i18n.language), [t, i18n.language]);
  const agentNames = useMemo(
    () => new Map((helperAgents ?? []).map((agent) => [agent.id, agent.name])),
    [helperAgents],
  );

  const projects = useMemo(() => {
    if (!records) return undefined;
    if (isEmptyFilter(filter)) return records.projects;
    // Only a filter needs the list's per-project summaries (current stage, overdue count).
    return summarizeProjects(records, calendar, today, warnWithinWorkingDays)
      .filter((summary) => matchesFilter(summary, filter, agentNames))
      .map((summary) => summary.project);
  }, [records, filter, calendar, today, warnWithinWorkingDays, agentNames]);

  const sheet = useMemo(
    () =>
      records && projects && helperAgents
        ? assembleSummarySheet({
            projects,
            records,
            helperAgents,
            calendar,
            today,
            warnWithinWorkingDays,
          })
        : null,
    [records, projects, helperAgents, calendar, today, warnWithinWorkingDays],
  );
  const filterWords = isEmptyFilter(filter) ? null : describeFilter(filter, t, agentNames);

  return (
    <PrintPreview
      title={t('print.summary.title')}
      subject={filterWords ?? t('print.summary.subjectAll')}
      today={today}
      format={format}
      backTo={`/projects?${filterToSearch(filter).toString()}`}
      state={sheet && actor !== undefined ? 'ready' : 'loading'}
    >
      {sheet && (
        <SummarySheet
          sheet={sheet}
          format={format}
          warnWithinWorkingDays={warnWithinWorkingDays}
          today={today}
          filter={filterWords}
          printedBy={actorLabel(actor)}
          printedAt={printedAt}
        />
      )}
    </PrintPreview>
  );
}
