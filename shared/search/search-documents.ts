import type { ApprovalItem } from '../domain/approval-item';
import type { HandlingStep } from '../domain/handling-step';
import type { HelperAgent } from '../domain/helper-agent';
import type { MissingItem } from '../domain/missing-item';
import type { Problem } from '../domain/problem';
import type { KeyProject } from '../domain/project';
import type { SearchDocument } from './search-index';

/** The live records search covers (see renderer/db/live-records.ts for what is live). */
export type SearchableRecords = {
  projects: readonly KeyProject[];
  approvalItems: readonly ApprovalItem[];
  missingItems: readonly MissingItem[];
  handlingSteps: readonly HandlingStep[];
  problems: readonly Problem[];
  helperAgents: readonly HelperAgent[];
};

/** A step's content can run to 2,000 characters: the result shows its start. */
const stepTitleLength = 60;

const joined = (...parts: string[]) => parts.filter((part) => part.length > 0).join(' · ');

/**
 * Every record as search sees it. A record's project name is among its texts, so "滨江 施工许可"
 * finds that project's 施工许可 item; a project's helper-agents' names are among the project's.
 */
export function searchDocuments(records: SearchableRecords): SearchDocument[] {
  const agentNames = new Map(records.helperAgents.map((agent) => [agent.id, agent.name]));
  const projectNames = new Map(records.projects.map((project) => [project.id, project.name]));
  const itemNames = new Map(records.approvalItems.map((item) => [item.id, item.name]));
  const projectOf = (projectId: string) => projectNames.get(projectId) ?? '';
  const docs: SearchDocument[] = [];

  for (const project of records.projects) {
    const agents = project.helperAgentIds.flatMap((id) => agentNames.get(id) ?? []);
    docs.push({
      kind: 'project',
      id: project.id,
      projectId: project.id,
      title: project.name,
      subtitle: joined(project.code, project.ownerCompany),
      texts: [project.name, project.code, project.ownerCompany, project.leaderInCharge, ...agents],
      pinyinTexts: [project.name, project.ownerCompany, ...agents],
    });
  }
  for (const item of records.approvalItems) {
    const project = projectOf(item.projectId);
    docs.push({
      kind: 'approvalItem',
      id: item.id,
      projectId: item.projectId,
      title: item.name,
      subtitle: joined(project, item.department),
      texts: [item.name, item.department, item.certificateNo, project],
      pinyinTexts: [item.name, item.department, project],
    });
  }
  for (const missing of records.missingItems) {
    const project = projectOf(missing.projectId);
    const item = itemNames.get(missing.approvalItemId) ?? '';
    docs.push({
      kind: 'missingItem',
      id: missing.id,
      projectId: missing.projectId,
      title: missing.material,
      subtitle: joined(project, item),
      texts: [missing.material, missing.supplier, item, project],
      pinyinTexts: [missing.material, project],
    });
  }
  for (const step of records.handlingSteps) {
    const project = projectOf(step.projectId);
    docs.push({
      kind: 'handlingStep',
      id: step.id,
      projectId: step.projectId,
      title: step.summary.slice(0, stepTitleLength),
      subtitle: joined(step.on, step.by, project),
      texts: [step.summary, step.nextAction, step.by, project],
      pinyinTexts: [step.nextAction, step.by, project],
    });
  }
  for (const problem of records.problems) {
    const project = projectOf(problem.projectId);
    docs.push({
      kind: 'problem',
      id: problem.id,
      projectId: problem.projectId,
      title: problem.title,
      subtitle: joined(project, problem.responsibleDepartment),
      texts: [
        problem.title,
        problem.description,
        problem.responsibleDepartment,
        problem.resolution,
        project,
      ],
      pinyinTexts: [problem.title, problem.responsibleDepartment, project],
    });
  }
  return docs;
}
