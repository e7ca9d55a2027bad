import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../../shared/catalog/default-catalog';
import { emptyProjectInput } from '../../../shared/domain/project';
import { createTeam, type Replica } from '../../db/test-replica';
import { readWorkbenchData } from './workbench-data';

const team = createTeam();
afterEach(() => team.cleanUp());

const catalogId = defaultCatalog.find((entry) => entry.name === '施工图联合审查')!.id;

async function project(replica: Replica, name: string, helperAgentIds: string[]) {
  const created = await replica.repos.createProject(
    { ...emptyProjectInput(), name, ownerCompany: '某公司', helperAgentIds },
    [catalogId],
  );
  await replica.repos.problems.create({
    projectId: created.id,
    title: `${name}的问题`,
    description: '',
    responsibleDepartment: '区住建局',
    raisedOn: '2026-11-02',
    escalation: 'agent',
    status: 'open',
    resolution: '',
    resolvedOn: null,
  });
  return created;
}

async function agent(replica: Replica, name: string) {
  return replica.repos.helperAgents.create({ name, unit: '', phone: '', active: true });
}

describe('readWorkbenchData', () => {
  it('我的 reads the live projects naming the user as a helper-agent, with their records only', async () => {
    const computer = await team.computer('王小明');
    const me = await agent(computer, '王小明');
    const colleague = await agent(computer, '李四');
    const mine = await project(computer, '我的项目', [me.id]);
    const shared = await project(computer, '合办项目', [colleague.id, me.id]);
    await project(computer, '李四的项目', [colleague.id]);
    const gone = await project(computer, '已删除的项目', [me.id]);
    await computer.repos.projects.remove(gone.id);

    const data = await readWorkbenchData(computer.db, 'mine');
    expect(data.scope).toBe('mine');
    expect(data.myAgents.map((row) => row.id)).toEqual([me.id]);
    expect(data.records.projects.map((row) => row.name).sort()).toEqual(['合办项目', '我的项目']);
    const projectIds = new Set([mine.id, shared.id]);
    expect(data.records.approvalItems).toHaveLength(2);
    expect(data.records.approvalItems.every((row) => projectIds.has(row.projectId))).toBe(true);
    expect(data.records.problems.map((row) => row.title).sort()).toEqual([
      '合办项目的问题',
      '我的项目的问题',
    ]);

    const whole = await readWorkbenchData(computer.db, 'team');
    expect(whole.scope).toBe('team');
    expect(whole.records.projects).toHaveLength(3);
    expect(whole.records.problems).toHaveLength(3);
  });

  it('falls back to 全队 for a user who is no helper-agent, saying who the user is', async () => {
    const computer = await team.computer('赵六');
    const other = await agent(computer, '李四');
    await project(computer, '李四的项目', [other.id]);
    const data = await readWorkbenchData(computer.db, 'mine');
    expect(data).toMatchObject({ scope: 'team', userName: '赵六', myAgents: [] });
    expect(data.records.projects).toHaveLength(1);
  });
});
