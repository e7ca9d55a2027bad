import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AdminError, createAdmin, defaultJoinCodeDays } from './admin';
import { downloadPageBytes, downloadPageWrites } from '../shared/sync/server-protocol';
import { buildServer, defaultLimits, parseTrustProxy } from './app';
import { openPostgresStorage } from './postgres-storage';
import { openSqliteStorage, sqliteFileName } from './sqlite-storage';
import type { Storage } from './storage';

/**
 * `npm run server -- [command] [options]`: serve (the default), or one of the admin commands.
 * Storage: PostgreSQL when DATABASE_URL is set, otherwise SQLite in the data folder. Prints in
 * Chinese first, English after, like the app.
 */

export const defaultPort = 8787;
export const defaultHost = '127.0.0.1';
export const defaultDataFolder = 'server-data';

const usage = `用法 (usage): npm run server -- [命令] [选项]

命令 (commands):
  serve                         启动同步服务器（默认）(start the server; the default)
  create-team <名称> [--id UUID] 新建团队 (create a team; --id keeps a team id already used in sync files)
  add-device <团队> <电脑名称> [--days ${defaultJoinCodeDays}]
                                为一台电脑生成一次性加入码 (a one-time join code for a computer)
  revoke-device <团队> <电脑>    停用一台电脑，立即生效 (revoke a computer, effective at once)
  list                          列出团队和电脑 (list teams and computers)
  list-writes <团队>             按电脑列出团队存在服务器上的修改 (a team's writes by computer)
  remove-writes <团队> <电脑> --after <时间> [--dry-run] [--backup 文件]
                                先备份，再移除这台电脑自该时刻起的修改，其时间戳不再接受
                                (back up, then remove a computer's writes from a time on; refused again)
  reset-encryption <团队> --remove-writes [--dry-run] [--backup 文件]
                                重置团队的加密记录：先备份并移除全部修改，停用所有电脑
                                (reset the team's encryption: backs up and removes its writes, revokes its computers)

选项 (options):
  --port N      端口，默认 ${defaultPort}（0 = 任一空闲端口）(port; 0 picks a free one)
  --host H      监听地址，默认 ${defaultHost} (address to listen on)
  --data DIR    SQLite 数据文件夹，默认 ./${defaultDataFolder} (SQLite data folder)
  --rate N      每台电脑每分钟请求数上限，默认 ${defaultLimits.device.perMinute} (requests per device per minute)
  --join-rate N 每个地址每分钟加入与失败登录次数上限，默认 ${defaultLimits.address.perMinute} (joins and failed sign-ins per address per minute)
  --team-quota-mb N  每个团队在服务器上最多存储的修改（MB，UTF-8），默认 4096；超出返回 507 (a team's storage quota)
  --page-writes N  每页最多发送的修改数，默认 ${downloadPageWrites} (writes per download page)
  --trust-proxy N|地址  位于反向代理之后：代理的层数（一台 nginx 为 1）或代理的地址（逗号分隔），
                据此从 X-Forwarded-For 取客户端地址 (behind a reverse proxy: how many, or their addresses)
  --quiet       不输出请求日志 (no request log)
  --after T     带时区的 ISO 时间，如 2026-12-07T09:30:00+08:00 (an ISO time with its zone)
  --backup F    备份文件，默认在数据文件夹中新建 (the backup file; default: a new one in the data folder)
  --dry-run     只统计，不做更改 (count only, change nothing)
环境变量 (environment): DATABASE_URL=postgres://… 改用 PostgreSQL (use PostgreSQL)`;

function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    return (JSON.parse(text) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function openStorage(dataFolder: string, env = process.env): Storage {
  const url = env.DATABASE_URL;
  return url ? openPostgresStorage(url) : openSqliteStorage(dataFolder);
}

/** Where the data is, for people: the folder's file, or the database with its password hidden. */
function describeStorage(dataFolder: string, env = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) return `SQLite ${path.resolve(dataFolder, sqliteFileName)}`;
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? '***' : '';
    return `PostgreSQL ${parsed.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

/**
 * Why the data folder cannot be used, when that is what went wrong (not writable, read-only, not
 * there): one line for the admin instead of SQLite's stack.
 */
function dataFolderProblem(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (
    /^(EACCES|EPERM|EROFS|ENOENT|ENOTDIR|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_PERM)/.test(code)
  ) {
    return code;
  }
  return null;
}

const print = (line = '') => process.stdout.write(`${line}\n`);

/** A removal's backup: the file the admin named, or a new one in the data folder. */
const backupTarget = (values: { backup?: string | undefined; data: string }) =>
  values.backup === undefined ? { folder: values.data } : { file: values.backup };

/** The time part of a timestamp: what `--after` is given in. */
const timeOf = (ts: string) => ts.slice(0, 24);

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: String(defaultPort) },
        host: { type: 'string', default: defaultHost },
        data: { type: 'string', default: defaultDataFolder },
        rate: { type: 'string' },
        'page-writes': { type: 'string' },
        'team-quota-mb': { type: 'string' },
        'join-rate': { type: 'string' },
        id: { type: 'string' },
        days: { type: 'string', default: String(defaultJoinCodeDays) },
        'trust-proxy': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        after: { type: 'string' },
        backup: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'remove-writes': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    print(error instanceof Error ? error.message : String(error));
    print(usage);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    print(usage);
    return 0;
  }
  const [command = 'serve', ...rest] = positionals;
  let storage: Storage;
  try {
    storage = openStorage(values.data);
    await storage.migrate();
  } catch (error) {
    const problem = dataFolderProblem(error);
    if (!problem) throw error;
    print(
      `无法使用数据文件夹 ${path.resolve(values.data)}：${problem}（请检查它是否存在、可写，或用 --data 另选）(the data folder cannot be used: ${problem})`,
    );
    return 1;
  }
  try {
    const admin = createAdmin(storage);
    switch (command) {
      case 'serve':
        return await serve(storage, values);
      case 'create-team': {
        const [name] = rest;
        if (!name) throw new AdminError('请给出团队名称 (give the team a name)');
        const team = await admin.createTeam(name, values.id);
        print(`已创建团队“${team.name}” (team created)`);
        print(`  团队编号 (team id): ${team.id}`);
        print('下一步，为每台电脑生成一次性加入码 (next: a one-time join code for each computer):');
        print(`  npm run server -- add-device ${team.id} "王小明的电脑"`);
        return 0;
      }
      case 'add-device': {
        const [team, name] = rest;
        if (!team || !name)
          throw new AdminError('请给出团队和电脑名称 (give the team and a name for the computer)');
        const added = await admin.addDevice(team, name, Number(values.days));
        print(`已为团队“${added.team.name}”添加电脑“${added.device.name}” (device added)`);
        print(`  加入码 (join code): ${added.code}`);
        print(`  有效期至 (valid until): ${added.expiresAt}，只能使用一次 (one use)`);
        print(`  电脑编号 (device id): ${added.device.id}`);
        print(
          '在这台电脑的帮代通中打开“同步”，填写服务器地址和加入码 (enter the server address and this code in 同步).',
        );
        return 0;
      }
      case 'revoke-device': {
        const [team, device] = rest;
        if (!team || !device)
          throw new AdminError('请给出团队和电脑 (give the team and the computer)');
        const revoked = await admin.revokeDevice(team, device);
        print(`已停用团队“${revoked.team.name}”的电脑“${revoked.device.name}”，立即生效 (revoked)`);
        return 0;
      }
      case 'list': {
        const teams = await admin.list();
        if (teams.length === 0) print('还没有团队 (no teams yet)');
        for (const team of teams) {
          print(`团队 (team) ${team.name}  ${team.id}  已存 ${team.writes} 次修改 (writes)`);
          for (const device of team.devices) {
            const state = device.revokedAt
              ? `已停用 (revoked) ${device.revokedAt}`
              : device.joinedAt
                ? `最近同步 (last seen) ${device.lastSeenAt ?? '—'}`
                : '未加入 (not joined yet)';
            print(`  电脑 (device) ${device.name}  ${device.id}  ${state}`);
          }
        }
        return 0;
      }
      case 'list-writes': {
        const [team] = rest;
        if (!team) throw new AdminError('请给出团队 (give the team)');
        const listed = await admin.listWrites(team);
        const writes = listed.devices.reduce((sum, device) => sum + device.writes, 0);
        const bytes = listed.devices.reduce((sum, device) => sum + device.bytes, 0);
        const mode = listed.encrypted ? '加密 (encrypted)' : '明文 (plaintext)';
        print(
          `团队 (team) ${listed.team.name}  ${listed.team.id}  ${mode}  共 ${writes} 次修改 (writes)  ${formatBytes(bytes)}`,
        );
        for (const device of listed.devices) {
          const span = device.first
            ? `${timeOf(device.first)} – ${timeOf(device.last!)}`
            : '— (no writes)';
          const state = device.revokedAt
            ? `已停用 (revoked) ${device.revokedAt}`
            : device.joinedAt
              ? '使用中 (active)'
              : '未加入 (not joined yet)';
          const removed = device.removed > 0 ? `  已移除 ${device.removed} 次 (removed)` : '';
          print(
            `  电脑 (device) ${device.name}  ${device.id}  ${device.writes} 次修改 (writes)  ${formatBytes(device.bytes)}  ${span}  ${state}${removed}`,
          );
        }
        return 0;
      }
      case 'remove-writes': {
        const [team, device] = rest;
        if (!team || !device || values.after === undefined) {
          throw new AdminError(
            '请给出团队、电脑和 --after 时间 (give the team, the computer and --after TIME)',
          );
        }
        const done = await admin.removeWrites(team, device, {
          from: values.after,
          dryRun: values['dry-run'],
          backup: backupTarget(values),
        });
        const whose = `团队“${done.team.name}”电脑“${done.device.name}”自 ${done.from.toISOString()} 起`;
        if (done.writes === 0) {
          print(`${whose}没有修改，未做更改 (no such writes: nothing changed)`);
          return 0;
        }
        if (values['dry-run']) {
          print(
            `试运行，未做更改 (dry run): ${whose}有 ${done.writes} 次修改 (writes)，${formatBytes(done.bytes)}`,
          );
          return 0;
        }
        print(`已备份 ${done.writes} 次修改到 (backed up to): ${done.backup}`);
        print(
          `已移除${whose}的 ${done.removed} 次修改，其时间戳不再接受 (writes removed; their timestamps are refused from now on)`,
        );
        if (done.later > 0) {
          print(
            `备份之后又收到这台电脑的 ${done.later} 次修改，未移除；可先停用它再运行一次 (${done.later} arrived after the backup and stay)`,
          );
        }
        return 0;
      }
      case 'reset-encryption': {
        const [team] = rest;
        if (!team) throw new AdminError('请给出团队 (give the team)');
        const done = await admin.resetEncryption(team, {
          removeWrites: values['remove-writes'],
          dryRun: values['dry-run'],
          backup: backupTarget(values),
        });
        if (values['dry-run']) {
          print(
            `试运行，未做更改 (dry run): 重置团队“${done.team.name}”的加密记录将移除 ${done.writes} 次修改（${formatBytes(done.bytes)}），停用 ${done.revoked} 台电脑 (writes removed, computers revoked)`,
          );
          return 0;
        }
        if (done.backup) print(`已备份 ${done.writes} 次修改到 (backed up to): ${done.backup}`);
        print(
          `已重置团队“${done.team.name}”的加密记录，移除 ${done.removed} 次修改，停用 ${done.revoked} 台电脑 (encryption record reset, writes removed, computers revoked)`,
        );
        print('下一步 (next):');
        print('  如服务器在运行，重启它 (restart the server if it runs)');
        print(
          `  为每台电脑生成新的加入码 (a new join code per computer): npm run server -- add-device ${done.team.id} "王小明的电脑"`,
        );
        print(
          '  第一台加入的电脑设定新的团队口令，其他电脑加入时输入它；各电脑随后重新上传自己的数据 (the first computer sets the new passphrase)',
        );
        return 0;
      }
      default:
        print(`未知命令 (unknown command): ${command}`);
        print(usage);
        return 2;
    }
  } catch (error) {
    if (error instanceof AdminError) {
      print(error.message);
      return 1;
    }
    throw error;
  } finally {
    if (command !== 'serve') await storage.close();
  }
}

async function serve(
  storage: Storage,
  values: {
    port: string;
    host: string;
    data: string;
    rate?: string | undefined;
    'page-writes'?: string | undefined;
    'team-quota-mb'?: string | undefined;
    'join-rate'?: string | undefined;
    'trust-proxy'?: string | undefined;
    quiet: boolean;
  },
): Promise<number> {
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AdminError(`端口须为 0–65535 (port: 0–65535): ${values.port}`);
  }
  const rate = values.rate === undefined ? defaultLimits.device.perMinute : Number(values.rate);
  if (!(rate > 0)) throw new AdminError(`--rate 须为正数 (must be positive): ${values.rate}`);
  const joinRate =
    values['join-rate'] === undefined
      ? defaultLimits.address.perMinute
      : Number(values['join-rate']);
  if (!(joinRate > 0))
    throw new AdminError(`--join-rate 须为正数 (must be positive): ${values['join-rate']}`);
  const pageWrites =
    values['page-writes'] === undefined ? downloadPageWrites : Number(values['page-writes']);
  if (!Number.isInteger(pageWrites) || pageWrites < 1) {
    throw new AdminError(
      `--page-writes 须为正整数 (must be a positive integer): ${values['page-writes']}`,
    );
  }
  const trustProxy =
    values['trust-proxy'] === undefined ? undefined : parseTrustProxy(values['trust-proxy']);
  if (trustProxy === null) {
    throw new AdminError(
      `--trust-proxy 须为代理的层数或地址，不能是“任意” (a hop count or the proxies' addresses, never any): ${values['trust-proxy']}`,
    );
  }
  const quotaMb = values['team-quota-mb'] === undefined ? null : Number(values['team-quota-mb']);
  if (quotaMb !== null && !(quotaMb > 0)) {
    throw new AdminError(`--team-quota-mb 须为正数 (must be positive): ${values['team-quota-mb']}`);
  }
  const app = await buildServer({
    ...(quotaMb === null ? {} : { teamQuotaBytes: Math.round(quotaMb * 1024 * 1024) }),
    page: { writes: pageWrites, bytes: downloadPageBytes },
    storage,
    version: packageVersion(),
    logger: values.quiet ? false : { level: 'info' },
    limits: {
      device: { burst: Math.max(rate / 2, 20), perMinute: rate },
      address: { burst: Math.max(joinRate, 10), perMinute: joinRate },
    },
    ...(trustProxy === undefined ? {} : { trustProxy }),
  });
  const address = await app.listen({ port, host: values.host });
  print(`帮代通同步服务器 (Daiban Desk sync server) ${packageVersion()}`);
  print(`  数据 (data): ${describeStorage(values.data)}`);
  print(`  地址 (address): ${address}（对外提供时请置于 TLS 反向代理之后，见 docs/server.md）`);
  print(
    `  默认值 (defaults): --port ${defaultPort} --host ${defaultHost} --data ./${defaultDataFolder}`,
  );
  print('新建团队并为电脑生成加入码 (create a team, then a join code per computer):');
  print('  npm run server -- create-team "城区帮办代办团队"');
  print('  npm run server -- add-device "城区帮办代办团队" "王小明的电脑"');
  print(`listening on ${address}`);
  const stop = async () => {
    await app.close();
    await storage.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return new Promise(() => undefined);
}
