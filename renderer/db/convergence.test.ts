import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProjectInput, projectLevels } from '../../shared/domain/project';
import { materialize } from '../../shared/sync/materialize';
import { packMinuteHashes } from '../../shared/sync/merkle';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { RecordNotFoundError } from './record-repository';
import { createReplica, type Replica } from './test-replica';

/**
 * Convergence, in the style of Yjs/Automerge's tests: five computers make random edits
 * (concurrent edits of one field, additions to one set, deletes), and their changes travel in
 * random order — reordered, duplicated, dropped and sent again, some as sync files — with
 * databases closed and reopened between steps. Once everyone has heard from everyone, every
 * computer must hold the same records and the same merkle hashes, and those records must be what
 * the messages say (last writer per field). `SYNC_PROPERTY_RUNS` sets the number of seeds
 * (`npm run test:convergence` runs many more); a failure prints its seed and path to replay.
 */

const computers = 5;
const runs = Number(process.env.SYNC_PROPERTY_RUNS ?? 200);

type Op =
  | { kind: 'create'; at: number; name: string }
  | {
      kind: 'edit';
      at: number;
      project: number;
      field: 'name' | 'leaderInCharge' | 'notes';
      value: string;
    }
  | { kind: 'level'; at: number; project: number; level: (typeof projectLevels)[number] }
  | { kind: 'agent'; at: number; project: number; agent: number; add: boolean }
  | { kind: 'delete'; at: number; project: number }
  | { kind: 'send'; from: number; to: number; byFile: boolean; sinceHalf: boolean }
  | { kind: 'deliver'; to: number; pick: number; keep: boolean }
  | { kind: 'drop'; to: number; pick: number }
  | { kind: 'reopen'; at: number }
  | { kind: 'tick'; at: number; minutes: number };

const computer = fc.integer({ min: 0, max: computers - 1 });
const text = fc.constantFrom('甲', '乙', '丙', '丁', '');
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    at: computer,
    name: fc.constantFrom('产业园', '物流中心', '安置房'),
  }),
  fc.record({
    kind: fc.constant('edit' as const),
    at: computer,
    project: fc.nat(),
    field: fc.constantFrom('name' as const, 'leaderInCharge' as const, 'notes' as const),
    value: text,
  }),
  fc.record({
    kind: fc.constant('level' as const),
    at: computer,
    project: fc.nat(),
    level: fc.constantFrom(...projectLevels),
  }),
  fc.record({
    kind: fc.constant('agent' as const),
    at: computer,
    project: fc.nat(),
    agent: fc.nat({ max: 2 }),
    add: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: computer, project: fc.nat() }),
  fc.record({
    kind: fc.constant('send' as const),
    from: computer,
    to: computer,
    byFile: fc.boolean(),
    sinceHalf: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('deliver' as const),
    to: computer,
    pick: fc.nat(),
    keep: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('drop' as const), to: computer, pick: fc.nat() }),
  fc.record({ kind: fc.constant('reopen' as const), at: computer }),
  fc.record({
    kind: fc.constant('tick' as const),
    at: computer,
    minutes: fc.integer({ min: -30, max: 120 }),
  }),
);

type Parcel = { entries: SyncFileEntry[] } | { text: string };

/** Five computers of one team, each with the same helper-agents (created once, carried to all). */
async function team(run: string) {
  const replicas: { current: Omit<Replica, 'advance' | 'reopen'>; name: string; base: Replica }[] =
    [];
  const teamId = crypto.randomUUID();
  for (let index = 0; index < computers; index += 1) {
    const name = `converge-${run}-${index}`;
    const base = createReplica(name, new Date(Date.UTC(2026, 10, 29, 8, index * 7)).toISOString());
    await base.repos.saveActor({ name: `用户${index}`, unit: '某镇' });
    await base.repos.seedCatalog();
    await base.db.device.put({ key: 'team', value: { id: teamId } });
    replicas.push({ current: base, name, base });
  }
  const agents: string[] = [];
  for (const name of ['张三', '李四', '王五']) {
    const agent = await replicas[0]!.current.repos.helperAgents.create({
      name,
      unit: '',
      phone: '',
      active: true,
    });
    agents.push(agent.id);
  }
  return { replicas, agents };
}

describe('sync convergence', () => {
  it(
    `five computers converge whatever the delivery (${runs} seeds)`,
    { timeout: 600_000 },
    async () => {
      let runNumber = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(opArbitrary, { minLength: 5, maxLength: 30 }), async (ops) => {
          runNumber += 1;
          const { replicas, agents } = await team(
            `${runNumber}-${crypto.randomUUID().slice(0, 8)}`,
          );
          const at = (index: number) => replicas[index]!.current;
          const projects: string[] = [];
          const mailboxes: Parcel[][] = replicas.map(() => []);
          const projectOf = (index: number) => projects[index % Math.max(projects.length, 1)];

          async function parcel(
            from: number,
            sinceHalf: boolean,
            byFile: boolean,
          ): Promise<Parcel> {
            const replica = at(from);
            const seq = (await replica.db.syncLog.orderBy(':id').last())?.seq ?? 0;
            const since = sinceHalf ? Math.floor(seq / 2) : 0;
            if (!byFile) return { entries: (await replica.engine.logEntries(since)).entries };
            const file = await replica.files.exportFile({
              destination: null,
              producerName: `用户${from}`,
            });
            return { text: file.text };
          }

          async function deliver(to: number, item: Parcel) {
            const replica = at(to);
            if ('entries' in item) {
              const result = await replica.engine.applyBatch(item.entries, {
                via: 'server',
                origin: '',
              });
              expect(result.ok).toBe(true);
              return;
            }
            const read = await replica.files.read(item.text);
            // A computer's own file is refused, and a file applied before is known from its
            // header, as users see; nothing else may be refused.
            if (!read.ok) {
              expect(['reasonOwnFile', 'reasonAlreadyImported']).toContain(read.problem.reason);
              return;
            }
            const result = await replica.files.import(read.file, 'x.json', '');
            expect(result.ok).toBe(true);
          }

          try {
            for (const op of ops) {
              try {
                switch (op.kind) {
                  case 'create': {
                    const project = await at(op.at).repos.createProject({
                      ...emptyProjectInput(),
                      name: op.name,
                      ownerCompany: '某公司',
                    });
                    projects.push(project.id);
                    break;
                  }
                  case 'edit': {
                    const id = projectOf(op.project);
                    if (id && op.field !== 'name')
                      await at(op.at).repos.projects.update(id, { [op.field]: op.value });
                    else if (id && op.value)
                      await at(op.at).repos.projects.update(id, { name: op.value });
                    break;
                  }
                  case 'level': {
                    const id = projectOf(op.project);
                    if (id) await at(op.at).repos.projects.update(id, { level: op.level });
                    break;
                  }
                  case 'agent': {
                    const id = projectOf(op.project);
                    const replica = at(op.at);
                    const row = id ? await replica.db.projects.get(id) : undefined;
                    if (!id || !row) break;
                    const agent = agents[op.agent]!;
                    const ids = row.helperAgentIds.filter((other) => other !== agent);
                    await replica.repos.projects.update(id, {
                      helperAgentIds: op.add ? [...ids, agent] : ids,
                    });
                    break;
                  }
                  case 'delete': {
                    const id = projectOf(op.project);
                    if (id) await at(op.at).repos.projects.remove(id);
                    break;
                  }
                  case 'send':
                    mailboxes[op.to]!.push(await parcel(op.from, op.sinceHalf, op.byFile));
                    break;
                  case 'deliver': {
                    const box = mailboxes[op.to]!;
                    if (box.length === 0) break;
                    const index = op.pick % box.length;
                    await deliver(op.to, box[index]!);
                    if (!op.keep) box.splice(index, 1); // kept: delivered again later (duplicated)
                    break;
                  }
                  case 'drop': {
                    const box = mailboxes[op.to]!;
                    if (box.length > 0) box.splice(op.pick % box.length, 1);
                    break;
                  }
                  case 'reopen': {
                    const replica = replicas[op.at]!;
                    replica.current = await replica.base.reopen();
                    break;
                  }
                  case 'tick':
                    replicas[op.at]!.base.clock.now = new Date(
                      replicas[op.at]!.base.clock.now.getTime() + op.minutes * 60_000,
                    );
                    break;
                }
              } catch (error) {
                // Editing a record a computer has not received, or that was deleted, is refused there.
                if (!(error instanceof RecordNotFoundError)) throw error;
              }
            }

            // Everyone hears from everyone (what was dropped is sent again), twice over.
            for (let round = 0; round < 2; round += 1) {
              for (let from = 0; from < computers; from += 1) {
                for (let to = 0; to < computers; to += 1) {
                  if (from !== to)
                    await deliver(to, await parcel(from, false, (from + to + round) % 2 === 0));
                }
              }
            }

            const dumps = await Promise.all(replicas.map(({ current }) => current.files.readAll()));
            for (const dump of dumps.slice(1)) expect(dump).toEqual(dumps[0]);
            const tries = await Promise.all(
              replicas.map(async ({ current }) => {
                const packed = packMinuteHashes((await current.engine.minuteHashes()).hashes);
                return [Array.from(packed.minutes), Array.from(packed.hashes)];
              }),
            );
            for (const trie of tries.slice(1)) expect(trie).toEqual(tries[0]);
            // And what they hold is what the messages say: last writer per field.
            const expected = materialize((await at(0).engine.logEntries()).entries);
            expect(dumps[0]!.projects).toEqual(expected.projects);
          } finally {
            for (const { current } of replicas) await current.db.delete();
          }
        }),
        { numRuns: runs },
      );
    },
  );
});
