/**
 * Where the sync server keeps teams, devices and writes: SQLite in a data folder by default
 * (sqlite-storage.ts), PostgreSQL when DATABASE_URL is set (postgres-storage.ts). Both implement
 * this type and pass one test suite (storage.test.ts, app.test.ts). A write's content is text the
 * server never reads; `seq` orders writes as they were stored, so a server's in-memory trie
 * catches up with what other processes stored by reading the writes after its last `seq`.
 */

export type StorageKind = 'sqlite' | 'postgres';

export type Team = { id: string; name: string; createdAt: string };

export type DeviceInfo = {
  id: string;
  teamId: string;
  name: string;
  createdAt: string;
  joinedAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
};

/** Who a token belongs to. */
export type DeviceAuth = {
  deviceId: string;
  deviceName: string;
  teamId: string;
  teamName: string;
  revoked: boolean;
};

export type StoredWrite = { ts: string; content: string };

/** A node id and the device it is registered to. */
export type NodeOwner = { node: string; deviceId: string; deviceName: string };

export type TeamSummary = Team & { devices: DeviceInfo[]; writes: number };

/** A device's share of its team's stored writes, for the admin (`list-writes`). */
export type DeviceWrites = DeviceInfo & {
  writes: number;
  /** UTF-8 bytes of their contents, as the team's quota counts them. */
  bytes: number;
  first: string | null;
  last: string | null;
  /** Its writes an admin removed (kept as tombstones). */
  removed: number;
};

/**
 * Writes an admin removes: one device's (or, with null, every device's) from a time on (`from`, an
 * ISO time; '' for all). `throughSeq` is the last `seq` the backup read: writes stored after the
 * backup are never removed without one.
 */
export type WriteSelection = { deviceId: string | null; from: string; throughSeq: number };

export type SelectedWrite = StoredWrite & { seq: number; deviceId: string };

export type Storage = {
  readonly kind: StorageKind;
  /** Creates or upgrades the schema; run once at start. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createTeam(team: Team): Promise<void>;
  /** Teams whose id or name is `key`. */
  findTeams(key: string): Promise<Team[]>;
  listTeams(): Promise<TeamSummary[]>;
  /** A device waiting for its join code (hashed) to be redeemed. */
  addDevice(device: DeviceInfo, code: { hash: string; expiresAt: string }): Promise<void>;
  /** Devices of a team whose id or name is `key`. */
  findDevices(teamId: string, key: string): Promise<DeviceInfo[]>;
  revokeDevice(deviceId: string, at: string): Promise<void>;

  /**
   * Redeems a join code once: when it is unused, unexpired and its device not revoked, the
   * device gets the token (hashed) and the code is spent. Null otherwise.
   */
  redeemJoinCode(codeHash: string, tokenHash: string, now: string): Promise<DeviceAuth | null>;
  /** The team of a join code that could be redeemed now, without redeeming it. */
  joinCodeTeam(codeHash: string, now: string): Promise<string | null>;
  deviceByToken(tokenHash: string): Promise<DeviceAuth | null>;
  touchDevice(deviceId: string, at: string): Promise<void>;

  /** The team's encryption record (JSON text), or null while it has none. */
  teamEncryption(teamId: string): Promise<string | null>;
  /**
   * Sets it once, and only before the team has stored a write in the clear: a team encrypts
   * from its first write or not at all.
   */
  setTeamEncryption(teamId: string, encryption: string): Promise<'set' | 'exists' | 'hasPlaintext'>;

  /**
   * Stores writes insert-or-ignore, durably before it resolves; returns how many were new. A
   * timestamp an admin removed (a tombstone) is ignored like one already stored.
   * Writes checked as plaintext (`plaintext`) are refused with 'teamEncrypted' when the team's
   * encryption was set since: the mode is read again inside the write's transaction (and, on
   * PostgreSQL, the team's lock), so no plaintext write checked before `PUT /team/encryption`
   * committed lands after it.
   */
  insertWrites(
    teamId: string,
    deviceId: string,
    writes: readonly StoredWrite[],
    checked?: { plaintext: boolean },
  ): Promise<number | 'teamEncrypted'>;
  /**
   * Registers a node to a device of the team, first come first served: 'taken' when another
   * device holds it (nodes never change hands), 'registered' when it is (now) this device's.
   */
  registerNode(
    teamId: string,
    deviceId: string,
    node: string,
    at: string,
  ): Promise<'registered' | 'taken'>;
  /** Every node registered in the team, with its device. */
  teamNodes(teamId: string): Promise<NodeOwner[]>;
  /** The stored content of those of these timestamps the team holds. */
  storedContents(teamId: string, timestamps: readonly string[]): Promise<Map<string, string>>;
  /** Those of these timestamps an administrator removed (remove-writes keeps them). */
  removedAmong(teamId: string, timestamps: readonly string[]): Promise<Set<string>>;
  /** Writes with ts > since, in ts order, at most `limit`. */
  writesAfter(teamId: string, since: string, limit: number): Promise<StoredWrite[]>;
  /** Which of these timestamps the team holds. */
  existingAmong(teamId: string, timestamps: readonly string[]): Promise<Set<string>>;
  /** Bytes (UTF-8) of the team's stored writes' contents: what its quota counts. */
  storedBytes(teamId: string): Promise<number>;
  /** How many writes have ts > since. */
  countAfter(teamId: string, since: string): Promise<number>;
  /** Timestamps stored after `seq`, in seq order, at most `limit`: how a trie catches up. */
  timestampsAfter(
    teamId: string,
    seq: number,
    limit: number,
  ): Promise<{ ts: string; seq: number }[]>;
  /**
   * How many times an admin removed writes of the team: a trie read before a removal still holds
   * the removed timestamps (and, on SQLite, `seq` values may be issued again), so it is read anew.
   */
  removalCount(teamId: string): Promise<number>;

  /** Every device of the team with its stored and removed writes. */
  writesByDevice(teamId: string): Promise<DeviceWrites[]>;
  /** What a removal would take now: how many writes, their bytes, and the last `seq` among them. */
  measureSelection(
    teamId: string,
    selection: Omit<WriteSelection, 'throughSeq'>,
  ): Promise<{ writes: number; bytes: number; throughSeq: number }>;
  /** The selected writes stored after `afterSeq`, in seq order, at most `limit`: the backup's pages. */
  selectedWrites(
    teamId: string,
    selection: WriteSelection,
    afterSeq: number,
    limit: number,
  ): Promise<SelectedWrite[]>;
  /**
   * Deletes the selected writes in one transaction (on PostgreSQL under the team's lock).
   * `tombstones`: their timestamps are kept so insertWrites never stores them again, from any
   * device. `resetEncryption`: the team's encryption record goes too, and every device of the
   * team is revoked (`revoked` counts them), as their tokens would go on uploading writes sealed
   * with the old key; the team's node registrations go with them, so each computer that joins
   * again registers its own nodes anew as it uploads the team's data again; nothing is done when writes arrived after `throughSeq`. `later` counts the
   * selection's writes that did.
   */
  removeWrites(
    teamId: string,
    selection: WriteSelection,
    how: { at: string; tombstones: boolean; resetEncryption: boolean },
  ): Promise<{ removed: number; later: number; revoked: number }>;
};

/** A device's row as both storages' SQL returns it (snake_case columns). */
export type DeviceRow = {
  id: string;
  team_id: string;
  name: string;
  created_at: string;
  joined_at: string | null;
  last_seen_at: string | null;
  revoked_at: string | null;
};

export const device = (row: DeviceRow): DeviceInfo => ({
  id: row.id,
  teamId: row.team_id,
  name: row.name,
  createdAt: row.created_at,
  joinedAt: row.joined_at,
  lastSeenAt: row.last_seen_at,
  revokedAt: row.revoked_at,
});

export type AuthRow = {
  id: string;
  name: string;
  team_id: string;
  team_name: string;
  revoked_at: string | null;
};
export const auth = (row: AuthRow): DeviceAuth => ({
  deviceId: row.id,
  deviceName: row.name,
  teamId: row.team_id,
  teamName: row.team_name,
  revoked: row.revoked_at !== null,
});
