import { joinCodeHash, newJoinCode } from './credentials';
import type { DeviceInfo, Storage, Team, TeamSummary } from './storage';

/**
 * What the admin CLI does (`npm run server -- create-team | add-device | revoke-device | list`),
 * over a storage, returning results for cli.ts to print. Teams and devices are named by id or
 * by name; a name that fits several is refused with their ids, so nothing is done to the
 * wrong one.
 */

export class AdminError extends Error {
  override readonly name = 'AdminError';
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** How long a join code stays valid unless told otherwise. */
export const defaultJoinCodeDays = 7;

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
  };
}
