import Database from 'better-sqlite3';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/**
 * The real sync server for e2e tests, as `npm run server` starts it: its own process on
 * loopback (a free port, picked at the first start and kept across restarts), SQLite in a
 * fresh folder, request log read from its output. `kill()` is SIGKILL, as a crash or a pulled
 * plug would be; `restart()` brings it back on the same port with the same data.
 */
export class SyncServer {
  private process: ChildProcess | null = null;
  private lines: string[] = [];
  private watchers: { test: (line: string) => boolean; resolve: () => void }[] = [];
  url = '';
  port = 0;
  private pageWrites: number | null = null;

  private constructor(readonly dataFolder: string) {}

  static async start(): Promise<SyncServer> {
    const server = new SyncServer(mkdtempSync(path.join(os.tmpdir(), 'daiban-e2e-server-')));
    await server.launch();
    return server;
  }

  private async launch() {
    const child = spawn(
      process.execPath,
      [
        'server/run.mjs',
        'serve',
        ...['--port', String(this.port), '--data', this.dataFolder, '--rate', '6000'],
        ...(this.pageWrites ? ['--page-writes', String(this.pageWrites)] : []),
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '' } },
    );
    this.process = child;
    let buffered = '';
    const listening = new Promise<string>((resolve, reject) => {
      child.once('exit', (code) =>
        reject(new Error(`sync server exited (${code}): ${this.lines.join('\n')}`)),
      );
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        let newline;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          this.lines.push(line);
          const found = /^listening on (\S+)$/.exec(line);
          if (found) resolve(found[1]!);
          for (const watcher of [...this.watchers]) {
            if (watcher.test(line)) {
              this.watchers.splice(this.watchers.indexOf(watcher), 1);
              watcher.resolve();
            }
          }
        }
      });
      child.stderr.on('data', (chunk: Buffer) => this.lines.push(chunk.toString()));
    });
    this.url = await listening;
    this.port = Number(new URL(this.url).port);
  }

  /** Resolves when the server logs a line passing `test` (e.g. a request arriving). */
  waitForLog(test: (line: string) => boolean): Promise<void> {
    return new Promise((resolve) => this.watchers.push({ test, resolve }));
  }

  /** Runs an admin command (create-team, add-device, …) on the same data; returns its output. */
  async admin(...args: string[]): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      ['server/run.mjs', ...args, '--data', this.dataFolder],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '' },
      },
    );
    return stdout;
  }

  async createTeam(name: string): Promise<string> {
    return /团队编号 \(team id\): (\S+)/.exec(await this.admin('create-team', name))![1]!;
  }

  async joinCode(team: string, device: string): Promise<string> {
    return /加入码 \(join code\): (\S+)/.exec(await this.admin('add-device', team, device))![1]!;
  }

  /**
   * Stores a write straight in the server's SQLite file, below its API and every check it makes:
   * what a compromised server or a broken backup would hold.
   */
  plant(team: string, ts: string, payload: unknown) {
    const db = new Database(path.join(this.dataFolder, 'daiban-server.sqlite'));
    try {
      db.prepare('INSERT INTO writes (team_id, ts, content, device_id) VALUES (?, ?, ?, ?)').run(
        team,
        ts,
        JSON.stringify(payload),
        'planted',
      );
    } finally {
      db.close();
    }
  }

  kill() {
    this.process?.kill('SIGKILL');
    this.process = null;
  }

  async restart(options: { pageWrites?: number } = {}) {
    this.kill();
    if (options.pageWrites) this.pageWrites = options.pageWrites;
    await this.launch();
  }

  stop() {
    this.kill();
    rmSync(this.dataFolder, { recursive: true, force: true });
  }
}
