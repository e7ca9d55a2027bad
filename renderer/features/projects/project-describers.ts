import type { TFunction } from 'i18next';
import type { HelperAgent } from '../../../shared/domain/helper-agent';
import type { ProjectInput } from '../../../shared/domain/project';
import { describeValue, enumText, type ValueDescribers } from '../../ui/ChangedUnderneathAlert';

/** A project's fields as users read them, for the notice of changes made underneath. */
export function projectDescribers(
  t: TFunction,
  agents: readonly HelperAgent[] | undefined,
): ValueDescribers<ProjectInput> {
  return {
    status: enumText(t, 'projectStatus'),
    level: enumText(t, 'level'),
    category: enumText(t, 'category'),
    landStatus: enumText(t, 'landStatus'),
    attorneyStages: enumText(t, 'stage'),
    helperAgentIds: (ids) =>
      describeValue(
        (Array.isArray(ids) ? ids : []).map(
          (id) => agents?.find((agent) => agent.id === id)?.name ?? id,
        ),
        t,
      ),
  };
}
