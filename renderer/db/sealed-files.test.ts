import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import encryptedV1 from '../../shared/sync/fixtures/encrypted-v1.json?raw';
import { emptyProjectInput } from '../../shared/domain/project';
import { teamSettingsId } from '../../shared/domain/settings';
import { dataFileFormat, dataFileFormatVersion } from '../../shared/exchange/data-file';
import type { SyncFileEntry } from '../../shared/sync/sync-entries';
import { createSyncFileFromEntries, minPbkdf2Iterations } from '../../shared/sync/sync-file';
import { formatTimestamp } from '../../shared/sync/timestamp';
import { carry, createTeam, type Replica } from './test-replica';

/**
 * 同步文件必须加密: once a computer holds the team setting, only files sealed with a passphrase
 * (format 2, header authenticated) come in; anything else is refused and changes nothing.
 */

const team = createTeam();
afterEach(() => team.cleanUp());

const passphrase = '高新区帮代通2026';
const producer = 'f00dfeedc0ffee01';
const stamp = (minutes: number) =>
  formatTimestamp({
    millis: Date.parse('2026-11-29T08:00:00.000Z') + minutes * 60_000,
    counter: 0,
    node: producer,
  });

/** Everything a computer holds that an import could change. */
async function snapshot(replica: Replica) {
  return {
    records: await replica.files.readAll(),
    log: await replica.db.syncLog.count(),
    parked: await replica.db.parked.toArray(),
    exchanges: await replica.db.exchanges.count(),
    device: await replica.db.device.toArray(),
  };
}

/** A file of the receiver's team holding `entries`, from a colleague, sealed or not. */
async function fileFor(receiver: Replica, entries: SyncFileEntry[], sealed: boolean) {
  const current = await receiver.files.team();
  return createSyncFileFromEntries(
    {
      team: { id: current!.id, name: '测试团队' },
      producer: { node: producer, name: '赵六' },
      createdAt: '2026-11-29T07:30:00.000Z',
      appVersion: '0.3.0',
      minAppVersion: '0.2.0',
    },
    entries,
    sealed ? { passphrase, iterations: minPbkdf2Iterations } : {},
  );
}

/** Exports what is new for `to` sealed with the team's passphrase and imports it there. */
async function carrySealed(from: Replica, to: Replica) {
  const file = await from.files.exportFile({ destination: null, passphrase, producerName: '' });
  const read = await to.files.read(file.text, { passphrase });
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  const result = await to.files.import(read.file, 'sealed.json', 'test');
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
}

/** Two computers of one team; the office switched the requirement on and the site received it. */
async function teamRequiringSeals() {
  const office = await team.computer('王小明');
  const site = await team.computer('李四');
  const project = await office.repos.createProject({
    ...emptyProjectInput(),
    name: '智能装备产业园',
    ownerCompany: '某某科技有限公司',
  });
  await carry(office, site);
  await office.repos.updateTeamSettings({ requireSealedFiles: true });
  await carrySealed(office, site);
  return { office, site, project };
}

const rename = (id: string, name: string, minutes = 1): SyncFileEntry[] => [
  ['projects', id, [[stamp(minutes), { name }]]],
];

describe('a team that requires sealed sync files', { timeout: 60_000 }, () => {
  it('holds the requirement as a team setting that travels with the team’s data', async () => {
    const { site } = await teamRequiringSeals();
    expect(await site.files.sealingRequired()).toBe(true);
    expect(await site.db.settings.get(teamSettingsId)).toMatchObject({ requireSealedFiles: true });
  });

  it('refuses an unsealed file and changes nothing', async () => {
    const { site, project } = await teamRequiringSeals();
    const before = await snapshot(site);
    const read = await site.files.read(await fileFor(site, rename(project.id, '改名'), false));
    expect(read).toEqual({ ok: false, problem: { reason: 'reasonSealingRequired' } });
    expect(await snapshot(site)).toEqual(before);
  });

  it('imports a sealed file', async () => {
    const { site, project } = await teamRequiringSeals();
    const read = await site.files.read(await fileFor(site, rename(project.id, '二期'), true), {
      passphrase,
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.file.sealed).toBe(true);
    expect(await site.files.import(read.file, 'x.json', 'test')).toMatchObject({ ok: true });
    expect(await site.db.projects.get(project.id)).toMatchObject({ name: '二期' });
  });

  it('refuses a file encrypted as format 1 (header not authenticated) before asking its passphrase', async () => {
    const { site } = await teamRequiringSeals();
    const before = await snapshot(site);
    expect(await site.files.read(encryptedV1)).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequiredOldFormat' },
    });
    expect(await site.files.read(encryptedV1, { passphrase: '旧版文件口令2026' })).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequiredOldFormat' },
    });
    expect(await snapshot(site)).toEqual(before);
  });

  it('refuses a data file of version 0.1, which is never sealed', async () => {
    const { office, site } = await teamRequiringSeals();
    const before = await snapshot(site);
    const dataFile = JSON.stringify({
      format: dataFileFormat,
      formatVersion: dataFileFormatVersion,
      exportedAt: '2026-11-29T07:00:00.000Z',
      appVersion: '0.1.0',
      tables: await office.files.readAll(),
    });
    expect(await site.files.read(dataFile)).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequiredDataFile' },
    });
    expect(await snapshot(site)).toEqual(before);
  });

  it('cannot be switched off by an unsealed file', async () => {
    const { office, site } = await teamRequiringSeals();
    await office.repos.updateTeamSettings({ requireSealedFiles: false });
    const before = await snapshot(site);
    // Off on the office, so it may export without a passphrase; the site still requires one.
    const file = await office.files.exportFile({ destination: null, producerName: '王小明' });
    expect(await site.files.read(file.text)).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequired' },
    });
    expect(await snapshot(site)).toEqual(before);
    expect(await site.files.sealingRequired()).toBe(true);

    // Nor by a forged one stamped later than the office's switch.
    const forged = await fileFor(
      site,
      [['settings', teamSettingsId, [[stamp(30), { requireSealedFiles: false }]]]],
      false,
    );
    expect(await site.files.read(forged)).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequired' },
    });
    expect(await site.files.sealingRequired()).toBe(true);

    // Sealed, the same change is the team's and comes in.
    await carrySealed(office, site);
    expect(await site.files.sealingRequired()).toBe(false);
  });

  it('refuses at import an unsealed file read before the requirement arrived', async () => {
    const office = await team.computer('王小明');
    const site = await team.computer('李四');
    const project = await office.repos.createProject({
      ...emptyProjectInput(),
      name: '智能装备产业园',
      ownerCompany: '某某科技有限公司',
    });
    await carry(office, site);
    const read = await site.files.read(await fileFor(site, rename(project.id, '改名'), false));
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    await office.repos.updateTeamSettings({ requireSealedFiles: true });
    await carrySealed(office, site);
    const before = await snapshot(site);
    expect(await site.files.import(read.file, 'x.json', 'test')).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequired' },
    });
    expect(await snapshot(site)).toEqual(before);
  });

  it('exports only with a passphrase, but still backs up unsealed', async () => {
    const { office } = await teamRequiringSeals();
    await expect(
      office.files.exportFile({ destination: 'stick', producerName: '王小明' }),
    ).rejects.toThrow('团队要求同步文件加密');
    const backup = await office.files.exportFile({
      destination: null,
      backup: true,
      producerName: '王小明',
    });
    expect(JSON.parse(backup.text)).toMatchObject({ formatVersion: 1, encryption: null });
  });

  it('restores this computer’s own unsealed backup, not another computer’s', async () => {
    const { office, site, project } = await teamRequiringSeals();
    const own = await site.files.exportFile({ destination: null, backup: true, producerName: '' });
    await site.repos.projects.update(project.id, { name: '恢复前改的名字' });
    const read = await site.files.read(own.text, { backup: true });
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect((await site.files.restore(read.file.entries, '备份.json')).ok).toBe(true);
    expect(await site.db.projects.get(project.id)).toMatchObject({ name: '智能装备产业园' });

    const before = await snapshot(site);
    const theirs = await office.files.exportFile({
      destination: null,
      backup: true,
      producerName: '',
    });
    expect(await site.files.read(theirs.text, { backup: true })).toEqual({
      ok: false,
      problem: { reason: 'reasonSealingRequiredBackup' },
    });
    expect(await snapshot(site)).toEqual(before);
  });
});

describe('a team that does not require sealed files', () => {
  it('imports unsealed files as before (the setting is off by default)', async () => {
    const office = await team.computer('王小明');
    const site = await team.computer('李四');
    const project = await office.repos.createProject({
      ...emptyProjectInput(),
      name: '智能装备产业园',
      ownerCompany: '某某科技有限公司',
    });
    expect(await site.files.sealingRequired()).toBe(false);
    await carry(office, site);
    expect(await site.db.projects.get(project.id)).toMatchObject({ name: '智能装备产业园' });
  });
});
