import type { IncomingMessage } from 'node:http';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  downloadPageBytes,
  downloadPageWrites,
  isSealedPayload,
  isWellFormedParts,
  joinRequestSchema,
  maxRequestBytes,
  maxServerClockAheadMillis,
  maxWriteBytes,
  maxWritesPerRequest,
  syncProtocolVersion,
  syncRequestSchema,
  teamEncryptionSchema,
  type ServerError,
  type TeamInfo,
  type WriteRefusal,
} from '../shared/sync/server-protocol';
import {
  isDeviceNode,
  isLegacyNode,
  timestampMillis,
  timestampNode,
  type Timestamp,
} from '../shared/sync/timestamp';
import { trieView } from '../shared/sync/trie-view';
import { joinCodeHash, newDeviceToken, tokenHash } from './credentials';
import { createRateLimiter, type RateLimit } from './rate-limit';
import { BodyRefused, createYielder, readJsonBody, type BodyLimits } from './request-body';
import type { DeviceAuth, Storage, StoredWrite } from './storage';
import { createTeamTries } from './team-tries';

export type TrustProxy = number | readonly string[];

/**
 * `--trust-proxy`'s value: a hop count (1 for one nginx in front) or the proxies' addresses
 * (comma-separated, CIDR allowed). Null for anything else, `true` and `*` included: trusting
 * every hop would take the address the client itself wrote into X-Forwarded-For.
 */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return Number(text) >= 1 ? Number(text) : null;
  const addresses = text.split(',').map((entry) => entry.trim());
  const address = /^(?:[0-9.]+|[0-9a-fA-F:]+)(?:\/\d{1,3})?$/;
  if (addresses.length === 0 || !addresses.every((entry) => address.test(entry) && entry !== '')) {
    return null;
  }
  return addresses;
}

/** Fastify's form: a hop count trusts the nearest `hops` addresses of the chain, no further. */
function trustedHops(trust: TrustProxy | undefined) {
  if (trust === undefined) return false;
  if (typeof trust !== 'number') return [...trust];
  return (_address: string, hop: number) => hop < trust;
}

export type ServerOptions = {
  storage: Storage;
  version: string;
  /** Fastify's logger settings; false for none. Whatever is given, requests log no secrets. */
  logger?: FastifyServerOptions['logger'];
  /**
   * Per device: requests, and the writes and bytes they carry (a device's cost, not only its
   * count of requests); per address: joins and failed sign-ins.
   */
  limits?: { device: RateLimit; address: RateLimit; writes?: RateLimit; bytes?: RateLimit };
  /** Bytes (UTF-8) a team may store; a write past it is refused with 507 quotaExceeded. */
  teamQuotaBytes?: number;
  /**
   * Behind a reverse proxy, take the client address from X-Forwarded-For (docs/server.md): how
   * many proxies stand in front (a hop count), or their addresses. Never "any": the client
   * writes the leftmost entries itself.
   */
  trustProxy?: TrustProxy;
  /** Download pages (tests make them small). */
  page?: { writes: number; bytes: number };
  now?: () => Date;
};

/** Generous for a person's work, tight for a runaway loop or a script guessing codes. */
export const defaultLimits = {
  device: { burst: 120, perMinute: 240 },
  address: { burst: 10, perMinute: 10 },
  // A first upload of a long history (100,000 writes, some 30 MB) takes a couple of minutes;
  // a device flooding at these rates leaves the server's time to the others.
  writes: { burst: 60_000, perMinute: 60_000 },
  bytes: { burst: 64 * 1024 * 1024, perMinute: 64 * 1024 * 1024 },
} satisfies Required<NonNullable<ServerOptions['limits']>>;

/** A team's data is a few hundred MB after years; 4 GiB leaves room and stops a runaway. */
export const defaultTeamQuotaBytes = 4 * 1024 * 1024 * 1024;

/**
 * What a body may hold before it is parsed (server/request-body.ts). Depth: the request, writes,
 * a write, its parts, a part, its cells, then a cell's own value nested as deep as any record
 * needs. Values: a device's upload page (2 MiB) of dense small cells has some 350,000, one
 * record's write a few hundred; JSON.parse of 50,000 tiny arrays, the worst one write may hold,
 * takes some 60 ms, and the server lets others in between writes.
 */
const syncBodyLimits: BodyLimits = {
  bytes: maxRequestBytes,
  depth: 6 + 32 + 2,
  values: 500_000,
  valuesPerElement: 50_000,
  elements: downloadPageWrites,
};
/** A join or a team's encryption record is a few hundred bytes. */
const smallBodyBytes = 4 * 1024;

const writesSchema = syncRequestSchema.shape.writes.unwrap();
const writeSchema = writesSchema.element;
const requestWithoutWrites = syncRequestSchema.omit({ writes: true });

/** Writes stored per transaction: a large upload lets other requests in between batches. */
const writesPerBatch = 1_000;

declare module 'fastify' {
  // Declaration merging with Fastify's request type needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    device?: DeviceAuth;
    /** This request is its device's one in flight. */
    holdsTurn?: boolean;
  }
}

/**
 * A refusal says why in one word the device can word in Chinese, and nothing else. The log says
 * who was refused (address, and device once signed in), never with what token.
 */
function refuse(reply: FastifyReply, status: number, error: ServerError, retryAfter?: number) {
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  const { request } = reply;
  if (status !== 500) {
    request.log.info(
      { error, status, address: request.ip, device: request.device?.deviceId },
      'refused',
    );
  }
  return reply.code(status).send({ error });
}

/**
 * The team sync server (docs/server.md): stores each team's writes insert-or-ignore, answers
 * with its trie view and pages of the writes a device lacks. Every route but /health and /join
 * needs a device token of the team; a revoked device is refused on its next request.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { storage, version } = options;
  const now = options.now ?? (() => new Date());
  const limits = options.limits ?? defaultLimits;
  const deviceLimiter = createRateLimiter(limits.device, () => now().getTime());
  const addressLimiter = createRateLimiter(limits.address, () => now().getTime());
  const writesLimiter = createRateLimiter(limits.writes ?? defaultLimits.writes, () =>
    now().getTime(),
  );
  const bytesLimiter = createRateLimiter(limits.bytes ?? defaultLimits.bytes, () =>
    now().getTime(),
  );
  const teamQuota = options.teamQuotaBytes ?? defaultTeamQuotaBytes;
  /** Bytes each team stores, read once from the storage and counted on as writes are stored. */
  const teamBytes = new Map<string, number>();
  /** Devices with a request being answered: one at a time each. */
  const inFlight = new Set<string>();
  const tries = createTeamTries(storage);
  const lastTouched = new Map<string, number>();
  const encryptedTeams = new Set<string>();
  /**
   * Node → device per team, as far as this process has seen. Nodes never change hands, so an
   * entry never goes stale; a node missing here is looked up (another process may have
   * registered it).
   */
  const nodeOwners = new Map<string, { removals: number; owners: Map<string, string> }>();
  const pageLimits = options.page ?? { writes: downloadPageWrites, bytes: downloadPageBytes };

  const app = Fastify({
    bodyLimit: maxRequestBytes,
    // A request must arrive whole within two minutes (16 MiB on a slow office line), and a
    // connection that sends nothing for a minute is closed: a client cannot hold sockets open
    // by trickling bytes. Kept-alive connections wait longer than a proxy's idle upstream
    // connection (nginx: 60 s), so the proxy never sends on one the server has just closed.
    requestTimeout: 120_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 65_000,
    trustProxy: trustedHops(options.trustProxy),
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            ...(typeof options.logger === 'object' ? options.logger : {}),
            // Method and path only: no headers (tokens), no query, no bodies (record contents).
            serializers: {
              req: (request: { method: string; routeOptions?: { url?: string }; url: string }) => ({
                method: request.method,
                url: request.url.split('?')[0],
              }),
              res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
            },
          },
  });

  // Devices reach the server from the app:// page of the desktop app or the browser fallback.
  // Tokens travel in a header, never in cookies, so any origin may ask and none gets ambient
  // credentials.
  app.addHook('onRequest', async (_request, reply) => {
    void reply.header('Access-Control-Allow-Origin', '*');
    void reply.header('Cache-Control', 'no-store');
    void reply.header('X-Content-Type-Options', 'nosniff');
  });
  const releaseTurn = (request: FastifyRequest) => {
    if (request.holdsTurn && request.device) inFlight.delete(request.device.deviceId);
    request.holdsTurn = false;
  };
  // Released as the answer is handed over (onSend), before the device can ask again.
  app.addHook('onSend', (request, _reply, payload, done) => {
    releaseTurn(request);
    done(null, payload);
  });
  app.addHook('onResponse', (request, _reply, done) => {
    releaseTurn(request);
    done();
  });
  app.addHook('onRequestAbort', (request, done) => {
    releaseTurn(request);
    done();
  });
  app.options('/*', async (_request, reply) =>
    reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '600')
      .send(),
  );

  // Bodies are read by our own bounded reader, and only JSON is spoken.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    async (request: FastifyRequest, payload: IncomingMessage) => {
      const declared = Number(request.headers['content-length']);
      const bytes = request.routeOptions.bodyLimit ?? smallBodyBytes;
      return readJsonBody(payload, Number.isFinite(declared) ? declared : undefined, {
        ...syncBodyLimits,
        bytes,
      });
    },
  );

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof BodyRefused) {
      // The rest of a refused body is not worth receiving.
      void reply.header('Connection', 'close');
      return refuse(reply, error.status, error.error);
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 400, 'badRequest');
    }
    // The error's code and kind tell an admin what broke (SQLITE_FULL, ECONNREFUSED…); its
    // message may quote stored content, so it stays out.
    request.log.error(
      {
        code: error.code ?? null,
        kind: error instanceof Error ? error.name : typeof error,
        address: request.ip,
        device: request.device?.deviceId,
      },
      'request failed',
    );
    return refuse(reply, 500, 'internal');
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'notFound' }));

  /**
   * Signs a request in by its token, from the headers alone (an onRequest hook: before a byte of
   * the body is read); refuses it when missing, unknown, revoked or too eager.
   */
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    const device = token ? await storage.deviceByToken(tokenHash(token)) : null;
    if (!device || device.revoked) {
      // Whatever body follows is not read.
      void reply.header('Connection', 'close');
      const wait = addressLimiter.take(`auth:${request.ip}`);
      if (wait > 0) return refuse(reply, 429, 'rateLimited', wait);
      return refuse(reply, 401, device ? 'revoked' : 'unauthorized');
    }
    request.device = device;
    // One request at a time per device: a second one in parallel only doubles its share.
    if (inFlight.has(device.deviceId)) {
      void reply.header('Connection', 'close');
      return refuse(reply, 429, 'rateLimited', 1);
    }
    // Bytes are charged as declared, before the body is read (a body sent without a length is
    // bounded by the body limit alone).
    const declared = Number(request.headers['content-length']);
    const bytes = Number.isFinite(declared) && declared > 0 ? declared : 0;
    const wait = Math.max(
      deviceLimiter.take(device.deviceId),
      bytes > 0 ? bytesLimiter.take(device.deviceId, bytes) : 0,
    );
    if (wait > 0) {
      void reply.header('Connection', 'close');
      return refuse(reply, 429, 'rateLimited', wait);
    }
    inFlight.add(device.deviceId);
    request.holdsTurn = true;
    const time = now().getTime();
    if (time - (lastTouched.get(device.deviceId) ?? 0) > 60_000) {
      lastTouched.set(device.deviceId, time);
      await storage.touchDevice(device.deviceId, now().toISOString());
    }
  }

  async function ownersOf(teamId: string, refresh = false) {
    // An encryption reset (the admin CLI, another process) drops the team's nodes: the
    // removal count tells this process its map is stale.
    const removals = await storage.removalCount(teamId);
    let cached = nodeOwners.get(teamId);
    if (!cached || refresh || cached.removals !== removals) {
      const nodes = await storage.teamNodes(teamId);
      cached = { removals, owners: new Map(nodes.map((entry) => [entry.node, entry.deviceId])) };
      nodeOwners.set(teamId, cached);
    }
    return cached.owners;
  }

  /** Registers `node` to the request's device unless another holds it. */
  async function claimNode(request: FastifyRequest, node: string): Promise<boolean> {
    const device = request.device!;
    const owners = await ownersOf(device.teamId);
    const owner = owners.get(node);
    if (owner !== undefined) return owner === device.deviceId;
    const result = await storage.registerNode(
      device.teamId,
      device.deviceId,
      node,
      now().toISOString(),
    );
    if (result === 'registered') {
      owners.set(node, device.deviceId);
      request.log.info({ team: device.teamId, device: device.deviceId, node }, 'node registered');
      return true;
    }
    await ownersOf(device.teamId, true);
    return false;
  }

  async function encryptionOf(teamId: string) {
    const text = await storage.teamEncryption(teamId);
    if (text) encryptedTeams.add(teamId);
    return text ? teamEncryptionSchema.parse(JSON.parse(text)) : null;
  }

  async function teamInfo(device: DeviceAuth): Promise<TeamInfo> {
    return {
      team: { id: device.teamId, name: device.teamName },
      device: { id: device.deviceId, name: device.deviceName },
      encryption: await encryptionOf(device.teamId),
    };
  }

  app.get('/health', () => ({
    ok: true,
    service: 'daiban-sync',
    protocol: syncProtocolVersion,
    version,
    storage: storage.kind,
  }));

  /** Joins are limited by address before their body is read. */
  async function limitJoins(request: FastifyRequest, reply: FastifyReply) {
    const wait = addressLimiter.take(`join:${request.ip}`);
    if (wait > 0) {
      void reply.header('Connection', 'close');
      return refuse(reply, 429, 'rateLimited', wait);
    }
  }

  app.post(
    '/join',
    { onRequest: limitJoins, bodyLimit: smallBodyBytes },
    async (request, reply) => {
      const parsed = joinRequestSchema.safeParse(request.body);
      if (!parsed.success) {
        const protocol = (request.body as { protocol?: unknown } | null)?.protocol;
        return refuse(reply, 400, protocol === syncProtocolVersion ? 'badRequest' : 'protocol');
      }
      const codeHash = joinCodeHash(parsed.data.code);
      const team = await storage.joinCodeTeam(codeHash, now().toISOString());
      if (!team) return refuse(reply, 401, 'badCode');
      // A joining device owns no node yet: a registered one is another's (a copy of its data).
      // Refused before the code is spent, so the device retries with a new node.
      if ((await ownersOf(team)).has(parsed.data.node)) return refuse(reply, 409, 'nodeTaken');
      if (parsed.data.encryption) {
        // A team that has one already keeps it; the device then checks its passphrase against it.
        const set = await storage.setTeamEncryption(team, JSON.stringify(parsed.data.encryption));
        if (set === 'hasPlaintext') return refuse(reply, 409, 'hasPlaintext');
        if (set === 'set') encryptedTeams.add(team);
      }
      const token = newDeviceToken();
      const device = await storage.redeemJoinCode(codeHash, tokenHash(token), now().toISOString());
      if (!device) {
        return refuse(reply, 401, 'badCode');
      }
      request.device = device;
      // Lost only to a device registering the same node in between: its next sync says nodeTaken.
      await claimNode(request, parsed.data.node);
      request.device = undefined;
      request.log.info({ team: device.teamId, device: device.deviceId }, 'device joined');
      return { ...(await teamInfo(device)), token };
    },
  );

  app.get('/team', { onRequest: authenticate }, async (request) => teamInfo(request.device!));

  app.put(
    '/team/encryption',
    { onRequest: authenticate, bodyLimit: smallBodyBytes },
    async (request, reply) => {
      const parsed = teamEncryptionSchema.safeParse(request.body);
      if (!parsed.success) return refuse(reply, 400, 'badRequest');
      const device = request.device!;
      const result = await storage.setTeamEncryption(device.teamId, JSON.stringify(parsed.data));
      if (result === 'exists') return refuse(reply, 409, 'encryptionExists');
      if (result === 'hasPlaintext') return refuse(reply, 409, 'hasPlaintext');
      encryptedTeams.add(device.teamId);
      request.log.info({ team: device.teamId, device: device.deviceId }, 'team encryption set');
      return reply.code(201).send(await teamInfo(device));
    },
  );

  app.post(
    '/sync',
    { onRequest: authenticate, bodyLimit: maxRequestBytes },
    async (request, reply) => {
      const device = request.device!;
      // The request without its writes is checked at once; each write on its own below, so a
      // large upload is checked in slices that let other requests in.
      const { writes: received, ...rest } = request.body as Record<string, unknown>;
      const parsed = requestWithoutWrites.safeParse(rest);
      if (!parsed.success) {
        return refuse(
          reply,
          400,
          rest.protocol === syncProtocolVersion ? 'badRequest' : 'protocol',
        );
      }
      const writes = received === undefined ? [] : received;
      if (!Array.isArray(writes) || writes.length > maxWritesPerRequest) {
        return refuse(reply, 400, 'badRequest');
      }
      const { node, nodes: knownNodes, since, expand, count, have } = parsed.data;
      const team = device.teamId;
      if (!(await claimNode(request, node))) return refuse(reply, 409, 'nodeTaken');
      if (writes.length > 0) {
        const wait = writesLimiter.take(device.deviceId, writes.length);
        if (wait > 0) return refuse(reply, 429, 'rateLimited', wait);
      }

      const checked = await checkWrites(request, writes);
      if ('error' in checked) return refuse(reply, checked.status, checked.error);
      const { stored, refused } = checked;
      let accepted = 0;
      const plaintext = !encryptedTeams.has(team);
      for (let start = 0; start < stored.length; start += writesPerBatch) {
        const batch = stored.slice(start, start + writesPerBatch);
        const batchBytes = batch.reduce((sum, write) => sum + Buffer.byteLength(write.content), 0);
        const used = teamBytes.get(team) ?? (await storage.storedBytes(team));
        if (used + batchBytes > teamQuota) {
          teamBytes.set(team, used);
          return refuse(reply, 507, 'quotaExceeded');
        }
        const result = await storage.insertWrites(team, device.deviceId, batch, { plaintext });
        if (result === 'teamEncrypted') {
          encryptedTeams.add(team);
          return refuse(reply, 400, 'plaintextRefused');
        }
        // All new: counted on. Some already stored: read again, as other processes may store too.
        if (result === batch.length) teamBytes.set(team, used + batchBytes);
        else teamBytes.delete(team);
        accepted += result;
        if (start + writesPerBatch < stored.length) await new Promise((done) => setImmediate(done));
      }
      const trie = trieView(await tries.current(team), expand);
      const held = have && have.length > 0 ? await storage.existingAmong(team, have) : null;
      // What the device listed and the server holds is not coming: the total leaves it out.
      const total =
        count && since !== undefined
          ? (await storage.countAfter(team, since)) - (held?.size ?? 0)
          : undefined;
      const page =
        since === undefined
          ? { writes: [], more: false, next: null }
          : await pageAfter(team, since, new Set(have ?? []));
      const missing = held && have ? have.filter((ts) => !held.has(ts)) : undefined;
      request.log.info(
        {
          team,
          device: device.deviceId,
          received: writes.length,
          accepted,
          refused: refused.length,
          sent: page.writes.length,
          more: page.more,
        },
        'sync',
      );
      // Stored contents are JSON already: the page is spliced in, not parsed and written again.
      // The map goes with the answer only when the device's count of it is not the server's.
      const nodes =
        knownNodes === (await ownersOf(team)).size ? undefined : await storage.teamNodes(team);
      if (nodes) await ownersOf(team, true);
      const body = `{"accepted":${accepted}${
        refused.length > 0 ? `,"refused":${JSON.stringify(refused)}` : ''
      },"writes":[${page.writes
        .map((write) => `["${write.ts}",${write.content}]`)
        .join(
          ',',
        )}],"more":${page.more},"next":${page.next ? `"${page.next}"` : 'null'},"trie":${JSON.stringify(
        trie,
      )}${total === undefined ? '' : `,"total":${total}`}${
        missing === undefined ? '' : `,"missing":${JSON.stringify(missing)}`
      }${
        nodes === undefined
          ? ''
          : `,"nodes":${JSON.stringify(
              Object.fromEntries(
                nodes.map((entry) => [
                  entry.node,
                  { device: entry.deviceId, name: entry.deviceName },
                ]),
              ),
            )}`
      },"serverTime":"${now().toISOString()}"}`;
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  type Checked =
    | { error: ServerError; status: number }
    | { stored: StoredWrite[]; refused: [Timestamp, WriteRefusal][] };

  /**
   * Each write of a request on its own, in slices that let other requests in: what the team's
   * mode and the node registry allow is returned to be stored, the rest with why it was refused.
   * Only a request that is broken as a whole (not a list of [timestamp, payload], the wrong mode,
   * a write past the byte bound) is refused as a whole.
   */
  async function checkWrites(request: FastifyRequest, writes: unknown[]): Promise<Checked> {
    const device = request.device!;
    const team = device.teamId;
    const stored: StoredWrite[] = [];
    const refused: [Timestamp, WriteRefusal][] = [];
    if (writes.length === 0) return { stored, refused };
    const yieldTurn = createYielder();
    const encrypted = encryptedTeams.has(team) || (await encryptionOf(team)) !== null;
    const latest = now().getTime() + maxServerClockAheadMillis;
    const inRequest = new Map<string, string>();
    for (const write of writes) {
      const parsed = writeSchema.safeParse(write);
      if (!parsed.success) return { status: 400, error: 'badRequest' };
      const [ts, payload] = parsed.data;
      await yieldTurn();
      // A device in the clear talking to a team that encrypts: it needs the passphrase first.
      if (encrypted && typeof payload !== 'string')
        return { status: 400, error: 'plaintextRefused' };
      const content = JSON.stringify(payload);
      // Bytes as stored and sent (UTF-8), not UTF-16 units: 4 MiB of Chinese is 12 MB.
      if (Buffer.byteLength(content) > maxWriteBytes + 2) {
        return { status: 413, error: 'writeTooLarge' };
      }
      const reason = await refusalOf(request, ts, payload, encrypted, latest);
      if (reason) {
        refused.push([ts, reason]);
        continue;
      }
      const twice = inRequest.get(ts);
      if (twice !== undefined) {
        if (twice !== content && !encrypted) refused.push([ts, 'timestampReused']);
        continue;
      }
      inRequest.set(ts, content);
      stored.push({ ts, content });
    }
    // A timestamp the team holds: the same content is nothing new; other content is another
    // write under a used timestamp, never merged into the stored one. Sealed writes differ on
    // every sealing (a fresh IV), so in an encrypted team the receiving devices compare them.
    const stamps = stored.map((write) => write.ts);
    const held = await storage.storedContents(team, stamps);
    // Removed by the administrator: the device is told, so it stops counting it as the server's.
    const removed = await storage.removedAmong(team, stamps);
    if (held.size === 0 && removed.size === 0) return { stored, refused };
    const fresh: StoredWrite[] = [];
    for (const write of stored) {
      const content = held.get(write.ts);
      if (removed.has(write.ts)) refused.push([write.ts as Timestamp, 'removed']);
      else if (content === undefined) fresh.push(write);
      else if (content !== write.content && !encrypted) {
        refused.push([write.ts as Timestamp, 'timestampReused']);
      }
    }
    return { stored: fresh, refused };
  }

  /** Why one well-shaped write may not be stored, or null when it may. */
  async function refusalOf(
    request: FastifyRequest,
    ts: Timestamp,
    payload: unknown,
    encrypted: boolean,
    latest: number,
  ): Promise<WriteRefusal | null> {
    const node = timestampNode(ts);
    if (!isDeviceNode(node) && !isLegacyNode(node)) return 'reservedNode';
    if (timestampMillis(ts) > latest) return 'clockAhead';
    if (encrypted ? !isSealedPayload(payload) : !isWellFormedParts(ts, payload)) {
      return 'malformedWrite';
    }
    if (isDeviceNode(node) && !(await claimNode(request, node))) return 'foreignNode';
    return null;
  }

  /**
   * The next page after `since`: whole writes, up to the page's size or count, leaving out those
   * the device holds. `next` is the last timestamp looked at, sent or not.
   */
  async function pageAfter(team: string, since: string, held: ReadonlySet<string>) {
    const writes: StoredWrite[] = [];
    let bytes = 0;
    let cursor = since;
    let examined: string | null = null;
    for (;;) {
      const batch = await storage.writesAfter(team, cursor, 1_000);
      for (const write of batch) {
        const full =
          writes.length >= pageLimits.writes ||
          (writes.length > 0 && bytes + write.content.length > pageLimits.bytes);
        if (full) return { writes, more: true, next: examined };
        examined = write.ts;
        if (held.has(write.ts)) continue;
        writes.push(write);
        bytes += write.content.length;
      }
      if (batch.length < 1_000) return { writes, more: false, next: null };
      cursor = batch.at(-1)!.ts;
    }
  }

  return app;
}
