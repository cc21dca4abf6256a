// Starts the built Bofast (dist/) for browser tests on a fresh database with the demo world:
// a new database on DATABASE_URL's server when set, else an embedded PostgreSQL in a temp folder.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

export const ROOT = new URL('../../..', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
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

export async function startBofast() {
  const main = join(ROOT, 'dist/backend/main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist/frontend/browser/index.html'))) {
    throw new Error('Build first: npx nx run-many -t build --projects=backend,frontend');
  }
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    LOG_LEVEL: process.env.BOFAST_TEST_LOG_LEVEL ?? 'info',
    NODE_ENV: 'production',
    COOKIE_SECURE: 'false',
    // Test-only keys (production refuses to start without configured ones).
    CPR_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
    CPR_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
  };
  let cleanup;
  if (process.env.DATABASE_URL) {
    const name = `bofast_browser_${process.pid}_${Date.now()}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.SEED_DEMO_DATA = 'true';
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'bofast-browser-'));
    chmodSync(dir, 0o755);
    env.EMBEDDED_PG_DIR = join(dir, 'pg');
    env.EMBEDDED_PG_PORT = String(await freePort());
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  // BOFAST_NODE_ARGS: extra Node flags for the server only (e.g. --cpu-prof for a bench profile).
  const nodeArgs = (process.env.BOFAST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Bofast exited during start:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Bofast did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const databaseUrl = env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/bofast`;
  return {
    baseUrl,
    databaseUrl,
    output: () => output,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      await cleanup();
    },
  };
}
