import { isValid, parseISO } from 'date-fns';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { joinCodeHash, newJoinCode } from './credentials';
import type {
  DeviceInfo,
  DeviceWrites,
  Storage,
  Team,
  TeamSummary,
  WriteSelection,
} from './storage';

/**
 * What the admin CLI does (`npm run server -- create-team | add-device | revoke-device | list |
 * list-writes | remove-writes | reset-encryption`), over a storage, returning results for cli.ts
 * to print. Teams and devices are named by id or
 * by name; a name that fits several is refused with their ids, so nothing is done to the
 * wrong one.
 */

export class AdminError extends Error {
  override readonly name = 'AdminError';
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** How long a join code stays valid unless told otherwise. */
export const defaultJoinCodeDays = 7;

/** Where a removal's backup goes: the file the admin named, or a new one in the data folder. */
export type BackupTarget = { file: string } | { folder: string };

/** What a removal takes (all of it on a dry run) and what it did. */
export type Removal = {
  team: Team;
  writes: number;
  bytes: number;
  /** The backup file, null on a dry run. */
  backup: string | null;
  removed: number;
  /** Writes of the selection that arrived after the backup was read: left in place. */
  later: number;
  /** Devices revoked (a reset of the team's encryption revokes them all; a dry run: would). */
  revoked: number;
};

/** Writes per page read into a backup: a team's history does not have to fit in memory. */
const backupPageWrites = 5_000;

/**
 * An ISO time with its zone (`Z` or `+08:00`): a server's local time is not the admin's, and a
 * removal must not move by eight hours.
 */
function parseZonedTime(text: string): Date {
  const trimmed = text.trim();
  const time = parseISO(trimmed);
  if (!/(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(trimmed) || !isValid(time)) {
    throw new AdminError(
      `时间须为带时区的 ISO 时间，如 2026-12-07T09:30:00+08:00 (an ISO time with its zone): ${text}`,
    );
  }
  return time;
}

const fileStamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-');

/** The error's code (EACCES, ENOSPC…) or its message: one line for the admin. */
const reasonOf = (error: unknown) =>
  (error as { code?: unknown } | null)?.code?.toString() ??
  (error instanceof Error ? error.message : String(error));

export function createAdmin(storage: Storage, now: () => Date = () => new Date()) {
  async function oneTeam(key: string): Promise<Team> {
    const teams = await storage.findTeams(key);
    if (teams.length === 0) throw new AdminError(`没有名称或编号为“${key}”的团队 (no such team)`);
    if (teams.length > 1) {
      throw new AdminError(
        `有 ${teams.length} 个团队叫“${key}”，请用编号 (several teams have this name; use an id): ${teams.map((team) => team.id).join(', ')}`,
      );
    }
    return teams[0]!;
  }

  async function oneDevice(team: Team, key: string): Promise<DeviceInfo> {
    const devices = await storage.findDevices(team.id, key);
    if (devices.length === 0) {
      throw new AdminError(`团队“${team.name}”没有名称或编号为“${key}”的电脑 (no such device)`);
    }
    if (devices.length > 1) {
      throw new AdminError(
        `有 ${devices.length} 台电脑叫“${key}”，请用编号 (several devices have this name; use an id): ${devices.map((device) => device.id).join(', ')}`,
      );
    }
    return devices[0]!;
  }

  /**
   * Writes the selected writes, exactly as stored, into a new file only the server's user can
   * read, durably, before anything is removed. Refuses an existing file: an earlier backup is
   * never overwritten. A file that cannot be written in full is deleted and nothing is removed.
   */
  async function writeBackup(
    target: BackupTarget,
    name: string,
    header: Record<string, unknown>,
    team: Team,
    selection: WriteSelection,
  ): Promise<string> {
    const file = path.resolve('file' in target ? target.file : path.join(target.folder, name));
    let created = false;
    try {
      if ('folder' in target) await mkdir(target.folder, { recursive: true, mode: 0o700 });
      const handle = await open(file, 'wx', 0o600);
      created = true;
      try {
        await handle.chmod(0o600);
        const head = JSON.stringify({ format: 'daiban-removed-writes', version: 1, ...header });
        await handle.write(`${head.slice(0, -1)},"writes":[`);
        let afterSeq = 0;
        for (;;) {
          const page = await storage.selectedWrites(team.id, selection, afterSeq, backupPageWrites);
          if (page.length === 0) break;
          const lines = page.map((write) =>
            JSON.stringify({ ts: write.ts, device: write.deviceId, content: write.content }),
          );
          await handle.write(`${afterSeq === 0 ? '' : ','}\n${lines.join(',\n')}`);
          afterSeq = page.at(-1)!.seq;
        }
        await handle.write('\n]}\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
      return file;
    } catch (error) {
      if (created) await unlink(file).catch(() => undefined);
      throw new AdminError(
        `无法写入备份文件 ${file}：${reasonOf(error)}，未移除任何修改 (the backup cannot be written: nothing was removed)`,
      );
    }
  }

  return {
    /**
     * A new team. `id` keeps the team id computers already share by sync file (see 同步 →
     * 文件交换), so they stay one team after joining the server.
     */
    async createTeam(name: string, id?: string): Promise<Team> {
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 200)
        throw new AdminError('团队名称须为 1–200 个字 (name: 1–200 characters)');
      if (id !== undefined && !uuidPattern.test(id))
        throw new AdminError(`不是 UUID (not a UUID): ${id}`);
      if ((await storage.findTeams(trimmed)).length > 0) {
        throw new AdminError(`已有团队叫“${trimmed}” (a team has this name already)`);
      }
      if (id !== undefined && (await storage.findTeams(id)).length > 0) {
        throw new AdminError(`已有团队的编号是 ${id} (a team has this id already)`);
      }
      const team = {
        id: id?.toLowerCase() ?? crypto.randomUUID(),
        name: trimmed,
        createdAt: now().toISOString(),
      };
      await storage.createTeam(team);
      return team;
    },

    /** A device of the team, with its one-time join code (shown once, stored hashed). */
    async addDevice(
      teamKey: string,
      name: string,
      days = defaultJoinCodeDays,
    ): Promise<{ team: Team; device: DeviceInfo; code: string; expiresAt: string }> {
      const team = await oneTeam(teamKey);
      const trimmed = name.trim();
      if (!trimmed || trimmed.length > 100)
        throw new AdminError('电脑名称须为 1–100 个字 (name: 1–100 characters)');
      if (!(days > 0 && days <= 90)) throw new AdminError('有效天数须在 1–90 之间 (days: 1–90)');
      const created = now();
      const device: DeviceInfo = {
        id: crypto.randomUUID(),
        teamId: team.id,
        name: trimmed,
        createdAt: created.toISOString(),
        joinedAt: null,
        lastSeenAt: null,
        revokedAt: null,
      };
      const code = newJoinCode();
      const expiresAt = new Date(created.getTime() + days * 86_400_000).toISOString();
      await storage.addDevice(device, { hash: joinCodeHash(code), expiresAt });
      return { team, device, code, expiresAt };
    },

    /** Refuses the device's token from its next request on; its join code, if unused, too. */
    async revokeDevice(
      teamKey: string,
      deviceKey: string,
    ): Promise<{ team: Team; device: DeviceInfo }> {
      const team = await oneTeam(teamKey);
      const devices = await storage.findDevices(team.id, deviceKey);
      if (devices.length === 0) {
        throw new AdminError(
          `团队“${team.name}”没有名称或编号为“${deviceKey}”的电脑 (no such device)`,
        );
      }
      if (devices.length > 1) {
        throw new AdminError(
          `有 ${devices.length} 台电脑叫“${deviceKey}”，请用编号 (several devices have this name; use an id): ${devices.map((device) => device.id).join(', ')}`,
        );
      }
      const device = devices[0]!;
      await storage.revokeDevice(device.id, now().toISOString());
      return { team, device: { ...device, revokedAt: device.revokedAt ?? now().toISOString() } };
    },

    list: (): Promise<TeamSummary[]> => storage.listTeams(),

    /** The team's writes on the server by device: what `remove-writes` would pick from. */
    async listWrites(
      teamKey: string,
    ): Promise<{ team: Team; encrypted: boolean; devices: DeviceWrites[] }> {
      const team = await oneTeam(teamKey);
      return {
        team,
        encrypted: (await storage.teamEncryption(team.id)) !== null,
        devices: await storage.writesByDevice(team.id),
      };
    },

    /**
     * Removes a device's writes stamped from `from` on, after backing them up; their timestamps
     * stay as tombstones, so no device can upload them again. A dry run only counts them.
     */
    async removeWrites(
      teamKey: string,
      deviceKey: string,
      options: { from: string; dryRun: boolean; backup: BackupTarget },
    ): Promise<Removal & { device: DeviceInfo; from: Date }> {
      const team = await oneTeam(teamKey);
      const device = await oneDevice(team, deviceKey);
      const from = parseZonedTime(options.from);
      const chosen = { deviceId: device.id, from: from.toISOString() };
      const measured = await storage.measureSelection(team.id, chosen);
      const result = { team, device, from, writes: measured.writes, bytes: measured.bytes };
      if (options.dryRun || measured.writes === 0) {
        return { ...result, backup: null, removed: 0, later: 0, revoked: 0 };
      }
      const at = now();
      const selection = { ...chosen, throughSeq: measured.throughSeq };
      const backup = await writeBackup(
        options.backup,
        `removed-writes-${team.id}-${fileStamp(at)}.json`,
        {
          removedAt: at.toISOString(),
          team,
          device: { id: device.id, name: device.name },
          from: from.toISOString(),
        },
        team,
        selection,
      );
      const done = await storage.removeWrites(team.id, selection, {
        at: at.toISOString(),
        tombstones: true,
        resetEncryption: false,
      });
      return { ...result, backup, ...done };
    },

    /**
     * Removes the team's encryption record, so a first device can set up a new passphrase. What
     * was sealed with the old key cannot be read under the new one, so the team's writes go too
     * (backed up first, with the old record to open them by), and only when the admin says so.
     * Every device is revoked: with its old key it would go on uploading what the new one cannot
     * open. Each joins again with a new code and the new passphrase and uploads its copy, sealed
     * with the new key.
     */
    async resetEncryption(
      teamKey: string,
      options: { removeWrites: boolean; dryRun: boolean; backup: BackupTarget },
    ): Promise<Removal> {
      const team = await oneTeam(teamKey);
      const encryption = await storage.teamEncryption(team.id);
      if (encryption === null) {
        throw new AdminError(
          `团队“${team.name}”没有加密记录，无需重置 (the team has no encryption record)`,
        );
      }
      const chosen = { deviceId: null, from: '' };
      const measured = await storage.measureSelection(team.id, chosen);
      const result = { team, writes: measured.writes, bytes: measured.bytes };
      if (options.dryRun) {
        const devices = await storage.writesByDevice(team.id);
        const active = devices.filter((device) => device.revokedAt === null).length;
        return { ...result, backup: null, removed: 0, later: 0, revoked: active };
      }
      if (measured.writes > 0 && !options.removeWrites) {
        throw new AdminError(
          `团队“${team.name}”在服务器上存有 ${measured.writes} 次用旧口令加密的修改，设定新口令的电脑无法读取它们。` +
            '加 --remove-writes：先备份，再与加密记录一起移除，各电脑随后用新口令重新上传 ' +
            `(the team's ${measured.writes} writes are sealed with the old key: add --remove-writes to back them up and remove them too)`,
        );
      }
      const at = now();
      const selection = { ...chosen, throughSeq: measured.throughSeq };
      const backup =
        measured.writes === 0
          ? null
          : await writeBackup(
              options.backup,
              `encryption-reset-${team.id}-${fileStamp(at)}.json`,
              { removedAt: at.toISOString(), team, device: null, encryption },
              team,
              selection,
            );
      // No tombstones: the devices' copies of these writes, sealed with the new key, are welcome.
      const done = await storage.removeWrites(team.id, selection, {
        at: at.toISOString(),
        tombstones: false,
        resetEncryption: true,
      });
      if (done.later > 0) {
        if (backup) await unlink(backup).catch(() => undefined);
        throw new AdminError(
          `备份期间团队又收到了 ${done.later} 次修改，未做任何更改；请先停止服务器再重置 (writes arrived during the backup: nothing was changed; stop the server first)`,
        );
      }
      return { ...result, backup, ...done };
    },
  };
}
