/* eslint-disable @typescript-eslint/require-await -- better-sqlite3 answers synchronously; the Storage type is async for PostgreSQL */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import {
  auth,
  device,
  type AuthRow,
  type DeviceRow,
  type DeviceWrites,
  type SelectedWrite,
  type Storage,
  type StoredWrite,
  type Team,
  type TeamSummary,
} from './storage';

const schemaVersion = 2;

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  encryption TEXT
);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  created_at TEXT NOT NULL,
  joined_at TEXT,
  last_seen_at TEXT,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS devices_team ON devices(team_id);
CREATE TABLE IF NOT EXISTS join_codes (
  code_hash TEXT PRIMARY KEY,
  device_id TEXT NOT NULL REFERENCES devices(id),
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE IF NOT EXISTS writes (
  seq INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL,
  ts TEXT NOT NULL,
  content TEXT NOT NULL,
  device_id TEXT NOT NULL,
  UNIQUE (team_id, ts)
);
CREATE INDEX IF NOT EXISTS writes_team_seq ON writes(team_id, seq);
CREATE TABLE IF NOT EXISTS removed_writes (
  team_id TEXT NOT NULL,
  ts TEXT NOT NULL,
  device_id TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  PRIMARY KEY (team_id, ts)
);
CREATE TABLE IF NOT EXISTS removals (
  seq INTEGER PRIMARY KEY,
  team_id TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  device_id TEXT,
  writes INTEGER NOT NULL,
  encryption_reset INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS removals_team ON removals(team_id);
CREATE TABLE IF NOT EXISTS nodes (
  team_id TEXT NOT NULL,
  node TEXT NOT NULL,
  device_id TEXT NOT NULL REFERENCES devices(id),
  registered_at TEXT NOT NULL,
  PRIMARY KEY (team_id, node)
);
`;

/**
 * Schema 2 adds the nodes and the removals (tables above). Upgrading from 1, the nodes of the
 * writes stored so far are registered to the device that uploaded each node's first write, as a
 * protocol 2 server would have on first use.
 */
const registerStoredNodes = `
INSERT OR IGNORE INTO nodes (team_id, node, device_id, registered_at)
  SELECT w.team_id, substr(w.ts, 31), w.device_id, ?
    FROM writes w JOIN devices d ON d.id = w.device_id
   WHERE substr(w.ts, 31, 8) <> '00000000'
   ORDER BY w.seq
`;

const selected = 'team_id = @team AND (@device IS NULL OR device_id = @device) AND ts >= @from';

/** The file the server keeps everything in, in its data folder. */
export const sqliteFileName = 'daiban-server.sqlite';

/**
 * SQLite in one file of the data folder. WAL with synchronous=FULL: a write the server has
 * answered for is on disk, whatever happens to the process or the machine next. One server
 * process per file (better-sqlite3 is synchronous; the process serialises its own writes).
 */
export function openSqliteStorage(dataFolder: string): Storage {
  // Only the server's user reads the teams' data: the folder 0700, the file 0600 (SQLite gives
  // its -wal and -shm files the database file's mode).
  mkdirSync(dataFolder, { recursive: true, mode: 0o700 });
  const file = path.join(dataFolder, sqliteFileName);
  closeSync(openSync(file, 'a', 0o600));
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(name)) chmodSync(name, 0o600);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A team's history reaches millions of writes: 64 MiB of pages (not SQLite's 2 MiB) keep the
  // indexes a round walks in memory, so a round's cost follows its changes, not the history.
  db.pragma('cache_size = -65536');

  const statements = () => ({
    insertWrite: db.prepare(
      `INSERT INTO writes (team_id, ts, content, device_id)
         SELECT @team, @ts, @content, @device
          WHERE NOT EXISTS (SELECT 1 FROM removed_writes WHERE team_id = @team AND ts = @ts)
       ON CONFLICT (team_id, ts) DO NOTHING`,
    ),
    writesAfter: db.prepare<[string, string, number], StoredWrite>(
      'SELECT ts, content FROM writes WHERE team_id = ? AND ts > ? ORDER BY ts LIMIT ?',
    ),
    timestampsAfter: db.prepare<[string, number, number], { ts: string; seq: number }>(
      'SELECT ts, seq FROM writes WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    deviceByToken: db.prepare<[string], AuthRow>(
      `SELECT d.id, d.name, d.team_id, t.name AS team_name, d.revoked_at
         FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = ?`,
    ),
    touch: db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?'),
  });
  let prepared: ReturnType<typeof statements> | null = null;
  const sql = () => (prepared ??= statements());

  const teamEncryption = (teamId: string) =>
    db
      .prepare<[string], { encryption: string | null }>('SELECT encryption FROM teams WHERE id = ?')
      .get(teamId)?.encryption ?? null;

  const insertMany = db.transaction(
    (teamId: string, deviceId: string, writes: readonly StoredWrite[], plaintext: boolean) => {
      if (plaintext && teamEncryption(teamId)) return 'teamEncrypted' as const;
      let inserted = 0;
      for (const { ts, content } of writes) {
        inserted += sql().insertWrite.run({ team: teamId, ts, content, device: deviceId }).changes;
      }
      return inserted;
    },
  );

  const redeem = db.transaction((codeHash: string, tokenHash: string, now: string) => {
    const code = db
      .prepare<[string, string], { device_id: string }>(
        `SELECT c.device_id FROM join_codes c JOIN devices d ON d.id = c.device_id
          WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ? AND d.revoked_at IS NULL`,
      )
      .get(codeHash, now);
    if (!code) return null;
    db.prepare('UPDATE join_codes SET used_at = ? WHERE code_hash = ?').run(now, codeHash);
    db.prepare(
      'UPDATE devices SET token_hash = ?, joined_at = ?, last_seen_at = ? WHERE id = ?',
    ).run(tokenHash, now, now, code.device_id);
    return sql().deviceByToken.get(tokenHash) ?? null;
  });

  const setEncryption = db.transaction((teamId: string, encryption: string) => {
    const team = db
      .prepare<[string], { encryption: string | null }>('SELECT encryption FROM teams WHERE id = ?')
      .get(teamId);
    if (team?.encryption) return 'exists' as const;
    const any = db.prepare('SELECT 1 FROM writes WHERE team_id = ? LIMIT 1').get(teamId);
    if (any) return 'hasPlaintext' as const;
    db.prepare('UPDATE teams SET encryption = ? WHERE id = ?').run(encryption, teamId);
    return 'set' as const;
  });

  const removeSelected = db.transaction(
    (
      teamId: string,
      selection: { deviceId: string | null; from: string; throughSeq: number },
      how: { at: string; tombstones: boolean; resetEncryption: boolean },
    ) => {
      const params = {
        team: teamId,
        device: selection.deviceId,
        from: selection.from,
        through: selection.throughSeq,
      };
      const later = db
        .prepare<typeof params, { count: number }>(
          `SELECT count(*) AS count FROM writes WHERE ${selected} AND seq > @through`,
        )
        .get(params)!.count;
      if (how.resetEncryption && later > 0) return { removed: 0, later, revoked: 0 };
      if (how.tombstones) {
        db.prepare(
          `INSERT INTO removed_writes (team_id, ts, device_id, removed_at)
             SELECT team_id, ts, device_id, @at FROM writes WHERE ${selected} AND seq <= @through
           ON CONFLICT (team_id, ts) DO NOTHING`,
        ).run({ ...params, at: how.at });
      }
      const removed = db
        .prepare(`DELETE FROM writes WHERE ${selected} AND seq <= @through`)
        .run(params).changes;
      let revoked = 0;
      if (how.resetEncryption) {
        db.prepare('UPDATE teams SET encryption = NULL WHERE id = ?').run(teamId);
        db.prepare('DELETE FROM nodes WHERE team_id = ?').run(teamId);
        revoked = db
          .prepare('UPDATE devices SET revoked_at = ? WHERE team_id = ? AND revoked_at IS NULL')
          .run(how.at, teamId).changes;
      }
      db.prepare(
        'INSERT INTO removals (team_id, removed_at, device_id, writes, encryption_reset) VALUES (?, ?, ?, ?, ?)',
      ).run(teamId, how.at, selection.deviceId, removed, how.resetEncryption ? 1 : 0);
      return { removed, later, revoked };
    },
  );

  return {
    kind: 'sqlite',
    async migrate() {
      db.exec(schema);
      const row = db
        .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
        .get();
      const version = row ? Number(row.value) : 0;
      if (version > schemaVersion) {
        throw new Error(
          `The data was written by a newer server (schema ${version}, this one knows ${schemaVersion}): upgrade the server`,
        );
      }
      if (version < 2) db.prepare(registerStoredNodes).run(new Date().toISOString());
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(String(schemaVersion));
    },
    async close() {
      db.close();
    },
    async createTeam(team: Team) {
      db.prepare('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)').run(
        team.id,
        team.name,
        team.createdAt,
      );
    },
    async findTeams(key) {
      return db
        .prepare<[string, string], { id: string; name: string; created_at: string }>(
          'SELECT id, name, created_at FROM teams WHERE id = ? OR name = ? ORDER BY created_at',
        )
        .all(key, key)
        .map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async listTeams(): Promise<TeamSummary[]> {
      const teams = db
        .prepare<[], { id: string; name: string; created_at: string; writes: number }>(
          `SELECT t.id, t.name, t.created_at, (SELECT count(*) FROM writes w WHERE w.team_id = t.id) AS writes
             FROM teams t ORDER BY t.created_at`,
        )
        .all();
      const devices = db
        .prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY created_at')
        .all()
        .map(device);
      return teams.map((team) => ({
        id: team.id,
        name: team.name,
        createdAt: team.created_at,
        writes: team.writes,
        devices: devices.filter((entry) => entry.teamId === team.id),
      }));
    },
    async addDevice(info, code) {
      db.transaction(() => {
        db.prepare('INSERT INTO devices (id, team_id, name, created_at) VALUES (?, ?, ?, ?)').run(
          info.id,
          info.teamId,
          info.name,
          info.createdAt,
        );
        db.prepare(
          'INSERT INTO join_codes (code_hash, device_id, expires_at) VALUES (?, ?, ?)',
        ).run(code.hash, info.id, code.expiresAt);
      })();
    },
    async findDevices(teamId, key) {
      return db
        .prepare<[string, string, string], DeviceRow>(
          'SELECT * FROM devices WHERE team_id = ? AND (id = ? OR name = ?) ORDER BY created_at',
        )
        .all(teamId, key, key)
        .map(device);
    },
    async revokeDevice(deviceId, at) {
      db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(
        at,
        deviceId,
      );
    },
    async redeemJoinCode(codeHash, tokenHash, now) {
      const row = redeem(codeHash, tokenHash, now);
      return row ? auth(row) : null;
    },
    async joinCodeTeam(codeHash, now) {
      return (
        db
          .prepare<[string, string], { team_id: string }>(
            `SELECT d.team_id FROM join_codes c JOIN devices d ON d.id = c.device_id
              WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ? AND d.revoked_at IS NULL`,
          )
          .get(codeHash, now)?.team_id ?? null
      );
    },
    async deviceByToken(tokenHash) {
      const row = sql().deviceByToken.get(tokenHash);
      return row ? auth(row) : null;
    },
    async touchDevice(deviceId, at) {
      sql().touch.run(at, deviceId);
    },
    async teamEncryption(teamId) {
      return teamEncryption(teamId);
    },
    async setTeamEncryption(teamId, encryption) {
      return setEncryption(teamId, encryption);
    },
    async insertWrites(teamId, deviceId, writes, checked) {
      return writes.length === 0
        ? 0
        : insertMany(teamId, deviceId, writes, checked?.plaintext ?? false);
    },
    async registerNode(teamId, deviceId, node, at) {
      db.prepare(
        'INSERT OR IGNORE INTO nodes (team_id, node, device_id, registered_at) VALUES (?, ?, ?, ?)',
      ).run(teamId, node, deviceId, at);
      const owner = db
        .prepare<[string, string], { device_id: string }>(
          'SELECT device_id FROM nodes WHERE team_id = ? AND node = ?',
        )
        .get(teamId, node);
      return owner?.device_id === deviceId ? 'registered' : 'taken';
    },
    async teamNodes(teamId) {
      return db
        .prepare<[string], { node: string; device_id: string; name: string }>(
          `SELECT n.node, n.device_id, d.name FROM nodes n JOIN devices d ON d.id = n.device_id
            WHERE n.team_id = ? ORDER BY n.node`,
        )
        .all(teamId)
        .map((row) => ({ node: row.node, deviceId: row.device_id, deviceName: row.name }));
    },
    async storedContents(teamId, timestamps) {
      if (timestamps.length === 0) return new Map<string, string>();
      const rows = db
        .prepare<[string, string], StoredWrite>(
          'SELECT ts, content FROM writes WHERE team_id = ? AND ts IN (SELECT value FROM json_each(?))',
        )
        .all(teamId, JSON.stringify(timestamps));
      return new Map(rows.map((row) => [row.ts, row.content]));
    },
    async removedAmong(teamId, timestamps) {
      if (timestamps.length === 0) return new Set<string>();
      const rows = db
        .prepare<[string, string], { ts: string }>(
          'SELECT ts FROM removed_writes WHERE team_id = ? AND ts IN (SELECT value FROM json_each(?))',
        )
        .all(teamId, JSON.stringify(timestamps));
      return new Set(rows.map((row) => row.ts));
    },
    async writesAfter(teamId, since, limit) {
      return sql().writesAfter.all(teamId, since, limit);
    },
    async existingAmong(teamId, timestamps) {
      if (timestamps.length === 0) return new Set<string>();
      const rows = db
        .prepare<[string, string], { ts: string }>(
          'SELECT ts FROM writes WHERE team_id = ? AND ts IN (SELECT value FROM json_each(?))',
        )
        .all(teamId, JSON.stringify(timestamps));
      return new Set(rows.map((row) => row.ts));
    },
    async storedBytes(teamId) {
      return db
        .prepare<[string], { bytes: number }>(
          'SELECT coalesce(sum(length(CAST(content AS BLOB))), 0) AS bytes FROM writes WHERE team_id = ?',
        )
        .get(teamId)!.bytes;
    },
    async countAfter(teamId, since) {
      return db
        .prepare<[string, string], { count: number }>(
          'SELECT count(*) AS count FROM writes WHERE team_id = ? AND ts > ?',
        )
        .get(teamId, since)!.count;
    },
    async timestampsAfter(teamId, seq, limit) {
      return sql().timestampsAfter.all(teamId, seq, limit);
    },
    async removalCount(teamId) {
      return db
        .prepare<[string], { count: number }>(
          'SELECT count(*) AS count FROM removals WHERE team_id = ?',
        )
        .get(teamId)!.count;
    },
    async writesByDevice(teamId): Promise<DeviceWrites[]> {
      const rows = db
        .prepare<
          { team: string },
          DeviceRow & {
            writes: number | null;
            bytes: number | null;
            first: string | null;
            last: string | null;
            removed: number | null;
          }
        >(
          `SELECT d.*, w.writes, w.bytes, w.first, w.last, r.removed
             FROM devices d
             LEFT JOIN (SELECT device_id, count(*) AS writes, sum(length(CAST(content AS BLOB))) AS bytes,
                               min(ts) AS first, max(ts) AS last
                          FROM writes WHERE team_id = @team GROUP BY device_id) w ON w.device_id = d.id
             LEFT JOIN (SELECT device_id, count(*) AS removed
                          FROM removed_writes WHERE team_id = @team GROUP BY device_id) r ON r.device_id = d.id
            WHERE d.team_id = @team ORDER BY d.created_at`,
        )
        .all({ team: teamId });
      return rows.map((row) => ({
        ...device(row),
        writes: row.writes ?? 0,
        bytes: row.bytes ?? 0,
        first: row.first,
        last: row.last,
        removed: row.removed ?? 0,
      }));
    },
    async measureSelection(teamId, selection) {
      return db
        .prepare<
          { team: string; device: string | null; from: string },
          { writes: number; bytes: number; throughSeq: number }
        >(
          `SELECT count(*) AS writes, coalesce(sum(length(CAST(content AS BLOB))), 0) AS bytes,
                  coalesce(max(seq), 0) AS throughSeq
             FROM writes WHERE ${selected}`,
        )
        .get({ team: teamId, device: selection.deviceId, from: selection.from })!;
    },
    async selectedWrites(teamId, selection, afterSeq, limit) {
      return db
        .prepare<
          {
            team: string;
            device: string | null;
            from: string;
            after: number;
            through: number;
            limit: number;
          },
          SelectedWrite
        >(
          `SELECT seq, ts, content, device_id AS deviceId FROM writes
            WHERE ${selected} AND seq > @after AND seq <= @through ORDER BY seq LIMIT @limit`,
        )
        .all({
          team: teamId,
          device: selection.deviceId,
          from: selection.from,
          after: afterSeq,
          through: selection.throughSeq,
          limit,
        });
    },
    async removeWrites(teamId, selection, how) {
      return removeSelected(teamId, selection, how);
    },
  };
}
