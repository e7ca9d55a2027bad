import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProjectInput, type ProjectInput } from '../../shared/domain/project';
import { ClockDriftError } from '../../shared/sync/clock';
import { formatTimestamp } from '../../shared/sync/timestamp';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { readHistory } from './history';
import { carry, createTeam } from './test-replica';

const input: ProjectInput = {
  ...emptyProjectInput(),
  name: '智能装备产业园',
  ownerCompany: '某某科技有限公司',
  level: 'city',
};

const team = createTeam();

const computer = (name: string, unit?: string) => team.computer(name, unit);

afterEach(() => team.cleanUp());

describe('per-field sync by file', () => {
  it('brings a project to another computer, with its author in 修改记录', async () => {
    const office = await computer('王小明');
    const site = await computer('李四', '区审批局');
    const project = await office.repos.createProject(input);
    const summary = await carry(office, site);
    expect(summary.tables.projects.created).toBe(1);
    expect((await site.files.readAll()).projects).toEqual((await office.files.readAll()).projects);
    const history = await readHistory(site.db, project.id);
    expect(history[0]).toMatchObject({
      op: 'create',
      by: { name: '王小明', unit: '某某镇人民政府' },
      via: 'file',
      origin: 'f.json',
    });
  });

  it('keeps both edits when two computers change different fields of one record', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    await carry(office, site);
    office.advance(5);
    site.advance(6);
    await office.repos.projects.update(project.id, { ownerCompany: '新建设单位' });
    await site.repos.projects.update(project.id, { leaderInCharge: '李副区长' });
    await carry(office, site);
    await carry(site, office);
    for (const replica of [office, site]) {
      expect(await replica.db.projects.get(project.id)).toMatchObject({
        ownerCompany: '新建设单位',
        leaderInCharge: '李副区长',
      });
    }
    expect(await site.files.readAll()).toEqual(await office.files.readAll());
    expect(await office.db.conflicts.count()).toBe(0);
  });

  it('lets the later edit of one field win and keeps the other as a conflict on both sides', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    await carry(office, site);
    office.advance(5);
    site.advance(10);
    await office.repos.projects.update(project.id, { name: '上午的名称' });
    await site.repos.projects.update(project.id, { name: '下午的名称' });
    await carry(office, site);
    await carry(site, office);
    for (const replica of [office, site]) {
      expect((await replica.db.projects.get(project.id))?.name).toBe('下午的名称');
      const [conflict] = await replica.db.conflicts.toArray();
      expect(conflict).toMatchObject({
        cell: 'name',
        winner: { value: '下午的名称' },
        loser: { value: '上午的名称' },
        open: 1,
      });
    }
    // One click puts the losing value back, as a new change that travels too.
    const [conflict] = await office.db.conflicts.toArray();
    await office.repos.restoreConflict(conflict!);
    await carry(office, site);
    expect((await site.db.projects.get(project.id))?.name).toBe('上午的名称');
  });

  it('keeps both helper-agents added to one project at once', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    const a = await office.repos.helperAgents.create({
      name: '甲',
      unit: '',
      phone: '',
      active: true,
    });
    const b = await office.repos.helperAgents.create({
      name: '乙',
      unit: '',
      phone: '',
      active: true,
    });
    await carry(office, site);
    await office.repos.projects.update(project.id, { helperAgentIds: [a.id] });
    await site.repos.projects.update(project.id, { helperAgentIds: [b.id] });
    await carry(office, site);
    await carry(site, office);
    for (const replica of [office, site]) {
      const ids = (await replica.db.projects.get(project.id))?.helperAgentIds ?? [];
      expect([...ids].sort()).toEqual([a.id, b.id].sort());
    }
    expect(await site.files.readAll()).toEqual(await office.files.readAll());
  });

  it('drops what it already has: the same file twice changes nothing more', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    await office.repos.createProject(input);
    const file = await office.files.exportFile({ destination: null, producerName: '' });
    const read = await site.files.read(file.text);
    if (!read.ok) throw new Error('unreadable');
    await site.files.import(read.file, 'f.json', 'test');
    const before = await site.files.readAll();
    // Known from its header: not read again.
    expect(await site.files.read(file.text)).toEqual({
      ok: false,
      problem: { reason: 'reasonAlreadyImported' },
    });
    // Applied again all the same (as after reading it twice at once), it changes nothing.
    const again = await site.files.import(read.file, 'f.json', 'test');
    expect(again.ok && again.summary.newMessages).toBe(0);
    expect(again.ok && again.summary.known).toBeGreaterThan(0);
    expect(await site.files.readAll()).toEqual(before);
  });

  it('refuses its own file and a file from another team that has data of its own', async () => {
    const office = await computer('王小明');
    const other = await computer('赵六');
    await office.repos.createProject(input);
    await other.repos.createProject({ ...input, name: '别的团队的项目' });
    await other.files.exportFile({ destination: null, producerName: '' }); // joins a team of its own
    const file = await office.files.exportFile({ destination: null, producerName: '' });
    expect(await office.files.read(file.text)).toEqual({
      ok: false,
      problem: { reason: 'reasonOwnFile' },
    });
    expect(await other.files.read(file.text)).toMatchObject({
      ok: false,
      problem: { reason: 'reasonOtherTeam' },
    });
  });

  it('refuses a change stamped more than a day ahead, naming its device, and applies nothing', async () => {
    const site = await computer('李四');
    const before = await site.files.readAll();
    const ahead = formatTimestamp({
      millis: site.clock.now.getTime() + 3 * 24 * 3600_000,
      counter: 0,
      node: 'abcdefabcdefabcd',
    });
    const id = crypto.randomUUID();
    const entries: SyncFileEntry[] = [
      ['projects', id, [[ahead, { name: '未来的项目', createdAt: '2026-12-02T00:00:00.000Z' }]]],
    ];
    const refused = site.engine.applyBatch(entries, { via: 'file', origin: 'x' });
    await expect(refused).rejects.toThrow(ClockDriftError);
    await expect(refused).rejects.toMatchObject({ drift: { node: 'abcdefabcdefabcd' } });
    expect(await site.files.readAll()).toEqual(before);
  });

  it('refuses a value of the wrong type, naming the record and field, and applies nothing', async () => {
    const site = await computer('李四');
    const before = await site.files.readAll();
    const ts = formatTimestamp({
      millis: site.clock.now.getTime(),
      counter: 0,
      node: 'abcdefabcdefabcd',
    });
    const result = await site.engine.applyBatch(
      [
        ['projects', crypto.randomUUID(), [[ts, { name: '好的项目' }]]],
        ['approvalItems', crypto.randomUUID(), [[ts, { acceptedOn: '2026-02-30' }]]],
      ],
      { via: 'file', origin: 'x' },
    );
    expect(result).toEqual({
      ok: false,
      problem: {
        reason: 'reasonWrongValue',
        entry: 2,
        table: 'approvalItems',
        field: 'acceptedOn',
      },
    });
    expect(await site.files.readAll()).toEqual(before);
  });

  it('parks fields of a newer version, and still sends them on', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    await carry(office, site);
    const ts = formatTimestamp({
      millis: office.clock.now.getTime() + 60_000,
      counter: 0,
      node: 'abcdefabcdefabcd',
    });
    const result = await site.engine.applyBatch(
      [['projects', project.id, [[ts, { name: '新名称', futureField: 42 }]]]],
      { via: 'file', origin: 'newer.json' },
    );
    expect(result.ok && result.summary.parked).toBe(1);
    expect(await site.db.parked.count()).toBe(1);
    expect((await site.db.projects.get(project.id))?.name).toBe('新名称');
    const { entries } = await site.engine.logEntries();
    expect(JSON.stringify(entries)).toContain('futureField');
  });

  it('applies parked changes once this version knows their fields', async () => {
    const office = await computer('王小明');
    const project = await office.repos.createProject(input);
    // An older version parked a change of a field it did not know; this version knows it.
    const ts = formatTimestamp({
      millis: office.clock.now.getTime() + 60_000,
      counter: 0,
      node: 'abcdefabcdefabcd',
    });
    const entries: SyncFileEntry[] = [
      ['projects', project.id, [[ts, { leaderInCharge: '周副区长', later: 1 }]]],
    ];
    await office.db.parked.add({ entries: JSON.stringify(entries) });
    expect(await office.engine.applyParked()).toBe(1);
    expect((await office.db.projects.get(project.id))?.leaderInCharge).toBe('周副区长');
    const still = await office.db.parked.toArray();
    expect(still.map((record) => JSON.parse(record.entries) as unknown)).toEqual([
      [['projects', project.id, [[ts, { later: 1 }]]]],
    ]);
  });

  it('keeps a record whose creation has not arrived out of sight, until it does', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    const project = await office.repos.createProject(input);
    await carry(office, site, 'first');
    office.advance(1);
    await office.repos.projects.update(project.id, { notes: '第二次' });
    // A third computer gets only the second file: an update of a record it never saw created.
    const late = await computer('赵六');
    const second = await office.files.exportFile({ destination: 'first', producerName: '' });
    const read = await late.files.read(second.text);
    if (!read.ok) throw new Error('unreadable');
    await late.files.import(read.file, 'second.json', 'test');
    expect((await late.db.projects.get(project.id))?._incomplete).toBe(true);
    expect((await late.files.readAll()).projects).toHaveLength(0);
    const all = await office.files.exportFile({ destination: null, producerName: '' });
    const full = await late.files.read(all.text);
    if (!full.ok) throw new Error('unreadable');
    await late.files.import(full.file, 'all.json', 'test');
    expect(await late.db.projects.get(project.id)).toMatchObject({ notes: '第二次' });
    expect((await late.db.projects.get(project.id))?._incomplete).toBeUndefined();
  });

  it('merges two computers’ schedules for one year into one record', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    await office.repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01'],
      makeUpWorkdays: [],
    });
    site.advance(1);
    await site.repos.saveHolidaySchedule({
      year: 2027,
      holidays: ['2027-01-01', '2027-02-06'],
      makeUpWorkdays: [],
    });
    await carry(office, site);
    await carry(site, office);
    for (const replica of [office, site]) {
      const live = (await replica.db.holidaySchedules.toArray()).filter((row) => !row.deleted);
      expect(live).toHaveLength(1);
      expect(live[0]?.holidays).toEqual(['2027-01-01', '2027-02-06']);
    }
  });

  it('lets any edit beat the seeded catalog, whichever computer was installed later', async () => {
    const office = await computer('王小明');
    const [entry] = await office.db.catalogItems.toArray();
    await office.repos.catalogItems.update(entry!.id, { timeLimit: { days: 7, unit: 'working' } });
    const later = await computer('李四'); // installed afterwards: seeds the same defaults
    later.advance(60 * 24);
    await carry(office, later);
    await carry(later, office);
    for (const replica of [office, later]) {
      expect((await replica.db.catalogItems.get(entry!.id))?.timeLimit).toEqual({
        days: 7,
        unit: 'working',
      });
    }
  });

  it('an encrypted file needs its passphrase; a wrong one is refused, never garbage', async () => {
    const office = await computer('王小明');
    const site = await computer('李四');
    await office.repos.createProject(input);
    const file = await office.files.exportFile({
      destination: null,
      producerName: '',
      passphrase: '口令123',
    });
    expect(file.text).not.toContain('智能装备产业园');
    expect(await site.files.read(file.text)).toMatchObject({
      problem: { reason: 'reasonNeedsPassphrase' },
    });
    expect(await site.files.read(file.text, { passphrase: '错的' })).toMatchObject({
      problem: { reason: 'reasonWrongPassphrase' },
    });
    const read = await site.files.read(file.text, { passphrase: '口令123' });
    expect(read.ok).toBe(true);
  });
});
