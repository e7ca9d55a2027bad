import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { maxClockDriftMillis } from '../shared/sync/clock';
import {
  downloadPageBytes,
  downloadPageWrites,
  joinRequestSchema,
  maxRequestBytes,
  maxWriteBytes,
  syncProtocolVersion,
  syncRequestSchema,
  teamEncryptionSchema,
  type ServerError,
  type TeamInfo,
} from '../shared/sync/server-protocol';
import { timestampMillis } from '../shared/sync/timestamp';
import { trieView } from '../shared/sync/trie-view';
import { joinCodeHash, newDeviceToken, tokenHash } from './credentials';
import { createRateLimiter, type RateLimit } from './rate-limit';
import type { DeviceAuth, Storage, StoredWrite } from './storage';
import { createTeamTries } from './team-tries';

export type ServerOptions = {
  storage: Storage;
  version: string;
  /** Fastify's logger settings; false for none. Whatever is given, requests log no secrets. */
  logger?: FastifyServerOptions['logger'];
  /** Per device, and per address for joins and failed sign-ins. */
  limits?: { device: RateLimit; address: RateLimit };
  /** Behind a reverse proxy, take the client address from X-Forwarded-For (docs/server.md). */
  trustProxy?: boolean;
  /** Download pages (tests make them small). */
  page?: { writes: number; bytes: number };
  now?: () => Date;
};

/** Generous for a person's work, tight for a runaway loop or a script guessing codes. */
export const defaultLimits = {
  device: { burst: 120, perMinute: 240 },
  address: { burst: 10, perMinute: 10 },
} satisfies ServerOptions['limits'];

declare module 'fastify' {
  // Declaration merging with Fastify's request type needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface FastifyRequest {
    device?: DeviceAuth;
  }
}

/** A refusal says why in one word the device can word in Chinese, and nothing else. */
function refuse(reply: FastifyReply, status: number, error: ServerError, retryAfter?: number) {
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
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
  const tries = createTeamTries(storage);
  const lastTouched = new Map<string, number>();
  const encryptedTeams = new Set<string>();
  const pageLimits = options.page ?? { writes: downloadPageWrites, bytes: downloadPageBytes };

  const app = Fastify({
    bodyLimit: maxRequestBytes,
    trustProxy: options.trustProxy ?? false,
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
  app.options('/*', async (_request, reply) =>
    reply
      .code(204)
      .header('Access-Control-Allow-Methods', 'GET, POST, PUT')
      .header('Access-Control-Allow-Headers', 'Authorization, Content-Type')
      .header('Access-Control-Max-Age', '600')
      .send(),
  );

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse(reply, 413, 'tooLarge');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      return refuse(reply, 400, 'badRequest');
    }
    request.log.error({ code: error.code }, 'request failed');
    return refuse(reply, 500, 'internal');
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'notFound' }));

  /** Signs a request in by its token; refuses it when missing, unknown, revoked or too eager. */
  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    const device = token ? await storage.deviceByToken(tokenHash(token)) : null;
    if (!device || device.revoked) {
      const wait = addressLimiter.take(`auth:${request.ip}`);
      if (wait > 0) return refuse(reply, 429, 'rateLimited', wait);
      request.log.info({ reason: device ? 'revoked' : 'unauthorized' }, 'sign-in refused');
      return refuse(reply, 401, device ? 'revoked' : 'unauthorized');
    }
    const wait = deviceLimiter.take(device.deviceId);
    if (wait > 0) return refuse(reply, 429, 'rateLimited', wait);
    request.device = device;
    const time = now().getTime();
    if (time - (lastTouched.get(device.deviceId) ?? 0) > 60_000) {
      lastTouched.set(device.deviceId, time);
      await storage.touchDevice(device.deviceId, now().toISOString());
    }
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

  app.post('/join', async (request, reply) => {
    const wait = addressLimiter.take(`join:${request.ip}`);
    if (wait > 0) return refuse(reply, 429, 'rateLimited', wait);
    const parsed = joinRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const protocol = (request.body as { protocol?: unknown } | null)?.protocol;
      return refuse(reply, 400, protocol === syncProtocolVersion ? 'badRequest' : 'protocol');
    }
    const codeHash = joinCodeHash(parsed.data.code);
    if (parsed.data.encryption) {
      const team = await storage.joinCodeTeam(codeHash, now().toISOString());
      if (!team) return refuse(reply, 401, 'badCode');
      // A team that has one already keeps it; the device then checks its passphrase against it.
      const set = await storage.setTeamEncryption(team, JSON.stringify(parsed.data.encryption));
      if (set === 'hasPlaintext') return refuse(reply, 409, 'hasPlaintext');
      if (set === 'set') encryptedTeams.add(team);
    }
    const token = newDeviceToken();
    const device = await storage.redeemJoinCode(codeHash, tokenHash(token), now().toISOString());
    if (!device) {
      request.log.info('join refused');
      return refuse(reply, 401, 'badCode');
    }
    request.log.info({ team: device.teamId, device: device.deviceId }, 'device joined');
    return { ...(await teamInfo(device)), token };
  });

  app.get('/team', { preHandler: authenticate }, async (request) => teamInfo(request.device!));

  app.put('/team/encryption', { preHandler: authenticate }, async (request, reply) => {
    const parsed = teamEncryptionSchema.safeParse(request.body);
    if (!parsed.success) return refuse(reply, 400, 'badRequest');
    const device = request.device!;
    const result = await storage.setTeamEncryption(device.teamId, JSON.stringify(parsed.data));
    if (result === 'exists') return refuse(reply, 409, 'encryptionExists');
    if (result === 'hasPlaintext') return refuse(reply, 409, 'hasPlaintext');
    encryptedTeams.add(device.teamId);
    request.log.info({ team: device.teamId, device: device.deviceId }, 'team encryption set');
    return reply.code(201).send(await teamInfo(device));
  });

  app.post('/sync', { preHandler: authenticate }, async (request, reply) => {
    const device = request.device!;
    const parsed = syncRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const protocol = (request.body as { protocol?: unknown } | null)?.protocol;
      return refuse(reply, 400, protocol === syncProtocolVersion ? 'badRequest' : 'protocol');
    }
    const { writes = [], since, expand, count, have } = parsed.data;
    const team = device.teamId;

    const stored: StoredWrite[] = [];
    if (writes.length > 0) {
      const encrypted = encryptedTeams.has(team) || (await encryptionOf(team)) !== null;
      const latest = now().getTime() + maxClockDriftMillis;
      for (const [ts, payload] of writes) {
        if (encrypted && typeof payload !== 'string') return refuse(reply, 400, 'plaintextRefused');
        if (timestampMillis(ts) > latest) return refuse(reply, 400, 'clockAhead');
        const content = JSON.stringify(payload);
        if (content.length > maxWriteBytes + 2) return refuse(reply, 413, 'writeTooLarge');
        stored.push({ ts, content });
      }
    }
    const accepted = await storage.insertWrites(team, device.deviceId, stored);
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
        sent: page.writes.length,
        more: page.more,
      },
      'sync',
    );
    // Stored contents are JSON already: the page is spliced in, not parsed and written again.
    const body = `{"accepted":${accepted},"writes":[${page.writes
      .map((write) => `["${write.ts}",${write.content}]`)
      .join(
        ',',
      )}],"more":${page.more},"next":${page.next ? `"${page.next}"` : 'null'},"trie":${JSON.stringify(
      trie,
    )}${total === undefined ? '' : `,"total":${total}`}${
      missing === undefined ? '' : `,"missing":${JSON.stringify(missing)}`
    }}`;
    return reply.type('application/json; charset=utf-8').send(body);
  });

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
