import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { assembleProjectSheet } from '../../../shared/reports/project-sheet';
import { useActor } from '../../db/useActor';
import { useProject } from '../../db/useProjects';
import { useProjectRecords } from '../../db/useProjectRecords';
import { useCalendar, useHelperAgents, useTeamSettings } from '../../db/useTeamData';
import { useToday } from '../../ui/useToday';
import { actorLabel } from './actor-label';
import { sheetFormat } from './print-format';
import { PrintPreview } from './PrintPreview';
import { ProjectSheet } from './ProjectSheet';

/** #/print/project/:projectId — 项目审批进度表 of one project, previewed, printed, exported. */
export function ProjectSheetPage() {
  const { t, i18n } = useTranslation();
  const { projectId } = useParams();
  const project = useProject(projectId);
  const records = useProjectRecords(projectId);
  const helperAgents = useHelperAgents();
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const actor = useActor();
  const [printedAt] = useState(() => new Date());
  const format = useMemo(() => sheetFormat(t, i18n.language), [t, i18n.language]);

  const sheet = useMemo(
    () =>
      project && records && helperAgents
        ? assembleProjectSheet({
            project,
            records,
            helperAgents,
            calendar,
            today,
            warnWithinWorkingDays,
          })
        : null,
    [project, records, helperAgents, calendar, today, warnWithinWorkingDays],
  );

  return (
    <PrintPreview
      title={t('print.project.title')}
      subject={project?.name ?? ''}
      today={today}
      format={format}
      backTo={projectId ? `/projects/${projectId}` : '/projects'}
      state={project === null ? 'missing' : sheet && actor !== undefined ? 'ready' : 'loading'}
      missingText={t('project.notFound')}
    >
      {sheet && (
        <ProjectSheet
          sheet={sheet}
          format={format}
          warnWithinWorkingDays={warnWithinWorkingDays}
          today={today}
          printedBy={actorLabel(actor)}
          printedAt={printedAt}
        />
      )}
    </PrintPreview>
  );
}
