import pg from 'pg';
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

/*
 * Timestamps are compared as text: `COLLATE "C"` makes PostgreSQL compare bytes, as JavaScript
 * and SQLite do, whatever the database's locale (en_US would order '-' and ':' differently).
 */
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
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id TEXT NOT NULL,
  ts TEXT COLLATE "C" NOT NULL,
  content TEXT NOT NULL,
  device_id TEXT NOT NULL,
  UNIQUE (team_id, ts)
);
CREATE INDEX IF NOT EXISTS writes_team_seq ON writes(team_id, seq);
CREATE TABLE IF NOT EXISTS removed_writes (
  team_id TEXT NOT NULL,
  ts TEXT COLLATE "C" NOT NULL,
  device_id TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  PRIMARY KEY (team_id, ts)
);
CREATE TABLE IF NOT EXISTS removals (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id TEXT NOT NULL,
  removed_at TEXT NOT NULL,
  device_id TEXT,
  writes BIGINT NOT NULL,
  encryption_reset BOOLEAN NOT NULL
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
INSERT INTO nodes (team_id, node, device_id, registered_at)
  SELECT DISTINCT ON (w.team_id, substr(w.ts, 31)) w.team_id, substr(w.ts, 31), w.device_id, $1
    FROM writes w JOIN devices d ON d.id = w.device_id
   WHERE substr(w.ts, 31, 8) <> '00000000'
   ORDER BY w.team_id, substr(w.ts, 31), w.seq
ON CONFLICT DO NOTHING
`;

/** A removal's writes: $1 team, $2 device (null: every device), $3 from (an ISO time, '' for all). */
const selected = 'team_id = $1 AND ($2::text IS NULL OR device_id = $2) AND ts >= $3';

const authQuery = `SELECT d.id, d.name, d.team_id, t.name AS team_name, d.revoked_at
  FROM devices d JOIN teams t ON t.id = d.team_id WHERE d.token_hash = $1`;

/**
 * PostgreSQL, for deployments that outgrow one machine: several server processes may share
 * the database. Writes of one team are stored under a transaction-scoped advisory lock on the
 * team, so their `seq` values commit in order and every process's trie, catching up by `seq`,
 * sees each write exactly once.
 */
export function openPostgresStorage(connectionString: string): Storage {
  const pool = new pg.Pool({ connectionString, max: 10 });

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const lockTeam = (client: pg.PoolClient, teamId: string) =>
    client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [teamId]);

  return {
    kind: 'postgres',
    async migrate() {
      await transaction(async (client) => {
        // Two processes starting at once: one creates the schema, the other waits for it.
        await client.query('SELECT pg_advisory_xact_lock(20261129)');
        await client.query(schema);
        const { rows } = await client.query<{ value: string }>(
          "SELECT value FROM meta WHERE key = 'schema_version'",
        );
        const version = rows[0] ? Number(rows[0].value) : 0;
        if (version > schemaVersion) {
          throw new Error(
            `The data was written by a newer server (schema ${version}, this one knows ${schemaVersion}): upgrade the server`,
          );
        }
        if (version < 2) await client.query(registerStoredNodes, [new Date().toISOString()]);
        await client.query(
          "INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [String(schemaVersion)],
        );
      });
    },
    async close() {
      await pool.end();
    },
    async createTeam(team: Team) {
      await pool.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, $3)', [
        team.id,
        team.name,
        team.createdAt,
      ]);
    },
    async findTeams(key) {
      const { rows } = await pool.query<{ id: string; name: string; created_at: string }>(
        'SELECT id, name, created_at FROM teams WHERE id = $1 OR name = $1 ORDER BY created_at',
        [key],
      );
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }));
    },
    async listTeams(): Promise<TeamSummary[]> {
      const teams = await pool.query<{
        id: string;
        name: string;
        created_at: string;
        writes: string;
      }>(
        `SELECT t.id, t.name, t.created_at, (SELECT count(*) FROM writes w WHERE w.team_id = t.id) AS writes
           FROM teams t ORDER BY t.created_at`,
      );
      const devices = (
        await pool.query<DeviceRow>('SELECT * FROM devices ORDER BY created_at')
      ).rows.map(device);
      return teams.rows.map((team) => ({
        id: team.id,
        name: team.name,
        createdAt: team.created_at,
        writes: Number(team.writes),
        devices: devices.filter((entry) => entry.teamId === team.id),
      }));
    },
    async addDevice(info, code) {
      await transaction(async (client) => {
        await client.query(
          'INSERT INTO devices (id, team_id, name, created_at) VALUES ($1, $2, $3, $4)',
          [info.id, info.teamId, info.name, info.createdAt],
        );
        await client.query(
          'INSERT INTO join_codes (code_hash, device_id, expires_at) VALUES ($1, $2, $3)',
          [code.hash, info.id, code.expiresAt],
        );
      });
    },
    async findDevices(teamId, key) {
      const { rows } = await pool.query<DeviceRow>(
        'SELECT * FROM devices WHERE team_id = $1 AND (id = $2 OR name = $2) ORDER BY created_at',
        [teamId, key],
      );
      return rows.map(device);
    },
    async revokeDevice(deviceId, at) {
      await pool.query('UPDATE devices SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2', [
        at,
        deviceId,
      ]);
    },
    async redeemJoinCode(codeHash, tokenHash, now) {
      return transaction(async (client) => {
        // One redemption per code: the row is locked, and a second redeemer finds it used.
        const code = await client.query<{ device_id: string }>(
          `SELECT c.device_id FROM join_codes c JOIN devices d ON d.id = c.device_id
            WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2 AND d.revoked_at IS NULL
            FOR UPDATE OF c`,
          [codeHash, now],
        );
        const deviceId = code.rows[0]?.device_id;
        if (!deviceId) return null;
        await client.query('UPDATE join_codes SET used_at = $1 WHERE code_hash = $2', [
          now,
          codeHash,
        ]);
        await client.query(
          'UPDATE devices SET token_hash = $1, joined_at = $2, last_seen_at = $2 WHERE id = $3',
          [tokenHash, now, deviceId],
        );
        const { rows } = await client.query<AuthRow>(authQuery, [tokenHash]);
        return rows[0] ? auth(rows[0]) : null;
      });
    },
    async joinCodeTeam(codeHash, now) {
      const { rows } = await pool.query<{ team_id: string }>(
        `SELECT d.team_id FROM join_codes c JOIN devices d ON d.id = c.device_id
          WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > $2 AND d.revoked_at IS NULL`,
        [codeHash, now],
      );
      return rows[0]?.team_id ?? null;
    },
    async deviceByToken(tokenHash) {
      const { rows } = await pool.query<AuthRow>(authQuery, [tokenHash]);
      return rows[0] ? auth(rows[0]) : null;
    },
    async touchDevice(deviceId, at) {
      await pool.query('UPDATE devices SET last_seen_at = $1 WHERE id = $2', [at, deviceId]);
    },
    async teamEncryption(teamId) {
      const { rows } = await pool.query<{ encryption: string | null }>(
        'SELECT encryption FROM teams WHERE id = $1',
        [teamId],
      );
      return rows[0]?.encryption ?? null;
    },
    async setTeamEncryption(teamId, encryption) {
      return transaction(async (client) => {
        await lockTeam(client, teamId);
        const team = await client.query<{ encryption: string | null }>(
          'SELECT encryption FROM teams WHERE id = $1 FOR UPDATE',
          [teamId],
        );
        if (team.rows[0]?.encryption) return 'exists' as const;
        const any = await client.query('SELECT 1 FROM writes WHERE team_id = $1 LIMIT 1', [teamId]);
        if (any.rowCount) return 'hasPlaintext' as const;
        await client.query('UPDATE teams SET encryption = $1 WHERE id = $2', [encryption, teamId]);
        return 'set' as const;
      });
    },
    async insertWrites(teamId, deviceId, writes, checked) {
      if (writes.length === 0) return 0;
      return transaction(async (client) => {
        await lockTeam(client, teamId);
        // setTeamEncryption takes the same lock: the mode read here is the one the writes meet.
        if (checked?.plaintext) {
          const team = await client.query<{ encryption: string | null }>(
            'SELECT encryption FROM teams WHERE id = $1',
            [teamId],
          );
          if (team.rows[0]?.encryption) return 'teamEncrypted' as const;
        }
        const result = await client.query(
          `INSERT INTO writes (team_id, ts, content, device_id)
             SELECT $1, w.ts, w.content, $4 FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS w(ts, content, n)
              WHERE NOT EXISTS (SELECT 1 FROM removed_writes r WHERE r.team_id = $1 AND r.ts = w.ts)
             ORDER BY w.n
           ON CONFLICT (team_id, ts) DO NOTHING`,
          [teamId, writes.map((write) => write.ts), writes.map((write) => write.content), deviceId],
        );
        return result.rowCount ?? 0;
      });
    },
    async registerNode(teamId, deviceId, node, at) {
      // One statement: a second device registering the same node at once finds the first's row.
      const { rows } = await pool.query<{ device_id: string }>(
        `WITH added AS (
           INSERT INTO nodes (team_id, node, device_id, registered_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING device_id)
         SELECT device_id FROM added
         UNION ALL SELECT device_id FROM nodes WHERE team_id = $1 AND node = $2`,
        [teamId, node, deviceId, at],
      );
      return rows[0]?.device_id === deviceId ? 'registered' : 'taken';
    },
    async teamNodes(teamId) {
      const { rows } = await pool.query<{ node: string; device_id: string; name: string }>(
        `SELECT n.node, n.device_id, d.name FROM nodes n JOIN devices d ON d.id = n.device_id
          WHERE n.team_id = $1 ORDER BY n.node`,
        [teamId],
      );
      return rows.map((row) => ({ node: row.node, deviceId: row.device_id, deviceName: row.name }));
    },
    async storedContents(teamId, timestamps) {
      if (timestamps.length === 0) return new Map<string, string>();
      const { rows } = await pool.query<StoredWrite>(
        'SELECT ts, content FROM writes WHERE team_id = $1 AND ts = ANY($2::text[])',
        [teamId, timestamps],
      );
      return new Map(rows.map((row) => [row.ts, row.content]));
    },
    async removedAmong(teamId, timestamps) {
      if (timestamps.length === 0) return new Set<string>();
      const { rows } = await pool.query<{ ts: string }>(
        'SELECT ts FROM removed_writes WHERE team_id = $1 AND ts = ANY($2::text[])',
        [teamId, timestamps],
      );
      return new Set(rows.map((row) => row.ts));
    },
    async writesAfter(teamId, since, limit): Promise<StoredWrite[]> {
      const { rows } = await pool.query<StoredWrite>(
        'SELECT ts, content FROM writes WHERE team_id = $1 AND ts > $2 ORDER BY ts LIMIT $3',
        [teamId, since, limit],
      );
      return rows;
    },
    async existingAmong(teamId, timestamps) {
      if (timestamps.length === 0) return new Set<string>();
      const { rows } = await pool.query<{ ts: string }>(
        'SELECT ts FROM writes WHERE team_id = $1 AND ts = ANY($2::text[])',
        [teamId, timestamps],
      );
      return new Set(rows.map((row) => row.ts));
    },
    async storedBytes(teamId) {
      const { rows } = await pool.query<{ bytes: string }>(
        'SELECT coalesce(sum(octet_length(content)), 0) AS bytes FROM writes WHERE team_id = $1',
        [teamId],
      );
      return Number(rows[0]?.bytes ?? 0);
    },
    async countAfter(teamId, since) {
      const { rows } = await pool.query<{ count: string }>(
        'SELECT count(*) AS count FROM writes WHERE team_id = $1 AND ts > $2',
        [teamId, since],
      );
      return Number(rows[0]?.count ?? 0);
    },
    async timestampsAfter(teamId, seq, limit) {
      const { rows } = await pool.query<{ ts: string; seq: string }>(
        'SELECT ts, seq FROM writes WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [teamId, seq, limit],
      );
      return rows.map((row) => ({ ts: row.ts, seq: Number(row.seq) }));
    },
    async removalCount(teamId) {
      const { rows } = await pool.query<{ count: string }>(
        'SELECT count(*) AS count FROM removals WHERE team_id = $1',
        [teamId],
      );
      return Number(rows[0]?.count ?? 0);
    },
    async writesByDevice(teamId): Promise<DeviceWrites[]> {
      const { rows } = await pool.query<
        DeviceRow & {
          writes: string | null;
          bytes: string | null;
          first: string | null;
          last: string | null;
          removed: string | null;
        }
      >(
        `SELECT d.*, w.writes, w.bytes, w.first, w.last, r.removed
           FROM devices d
           LEFT JOIN (SELECT device_id, count(*) AS writes, sum(octet_length(content)) AS bytes,
                             min(ts) AS first, max(ts) AS last
                        FROM writes WHERE team_id = $1 GROUP BY device_id) w ON w.device_id = d.id
           LEFT JOIN (SELECT device_id, count(*) AS removed
                        FROM removed_writes WHERE team_id = $1 GROUP BY device_id) r ON r.device_id = d.id
          WHERE d.team_id = $1 ORDER BY d.created_at`,
        [teamId],
      );
      return rows.map((row) => ({
        ...device(row),
        writes: Number(row.writes ?? 0),
        bytes: Number(row.bytes ?? 0),
        first: row.first,
        last: row.last,
        removed: Number(row.removed ?? 0),
      }));
    },
    async measureSelection(teamId, selection) {
      const { rows } = await pool.query<{ writes: string; bytes: string; through: string }>(
        `SELECT count(*) AS writes, coalesce(sum(octet_length(content)), 0) AS bytes,
                coalesce(max(seq), 0) AS through
           FROM writes WHERE ${selected}`,
        [teamId, selection.deviceId, selection.from],
      );
      return {
        writes: Number(rows[0]!.writes),
        bytes: Number(rows[0]!.bytes),
        throughSeq: Number(rows[0]!.through),
      };
    },
    async selectedWrites(teamId, selection, afterSeq, limit): Promise<SelectedWrite[]> {
      const { rows } = await pool.query<{
        seq: string;
        ts: string;
        content: string;
        device_id: string;
      }>(
        `SELECT seq, ts, content, device_id FROM writes
          WHERE ${selected} AND seq > $4 AND seq <= $5 ORDER BY seq LIMIT $6`,
        [teamId, selection.deviceId, selection.from, afterSeq, selection.throughSeq, limit],
      );
      return rows.map((row) => ({
        seq: Number(row.seq),
        ts: row.ts,
        content: row.content,
        deviceId: row.device_id,
      }));
    },
    async removeWrites(teamId, selection, how) {
      return transaction(async (client) => {
        // insertWrites takes the same lock: no write of the team commits while this one runs.
        await lockTeam(client, teamId);
        const params = [teamId, selection.deviceId, selection.from, selection.throughSeq];
        const later = await client.query<{ count: string }>(
          `SELECT count(*) AS count FROM writes WHERE ${selected} AND seq > $4`,
          params,
        );
        const laterCount = Number(later.rows[0]!.count);
        if (how.resetEncryption && laterCount > 0) {
          return { removed: 0, later: laterCount, revoked: 0 };
        }
        if (how.tombstones) {
          await client.query(
            `INSERT INTO removed_writes (team_id, ts, device_id, removed_at)
               SELECT team_id, ts, device_id, $5 FROM writes WHERE ${selected} AND seq <= $4
             ON CONFLICT (team_id, ts) DO NOTHING`,
            [...params, how.at],
          );
        }
        const deleted = await client.query(
          `DELETE FROM writes WHERE ${selected} AND seq <= $4`,
          params,
        );
        const removed = deleted.rowCount ?? 0;
        let revoked = 0;
        if (how.resetEncryption) {
          await client.query('UPDATE teams SET encryption = NULL WHERE id = $1', [teamId]);
          await client.query('DELETE FROM nodes WHERE team_id = $1', [teamId]);
          const devices = await client.query(
            'UPDATE devices SET revoked_at = $1 WHERE team_id = $2 AND revoked_at IS NULL',
            [how.at, teamId],
          );
          revoked = devices.rowCount ?? 0;
        }
        await client.query(
          'INSERT INTO removals (team_id, removed_at, device_id, writes, encryption_reset) VALUES ($1, $2, $3, $4, $5)',
          [teamId, how.at, selection.deviceId, removed, how.resetEncryption],
        );
        return { removed, later: laterCount, revoked };
      });
    },
  };
}
