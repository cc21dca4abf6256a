import { rmSync } from 'node:fs';

import pg from 'pg';

export default async function teardown() {
  const db = globalThis.__bofastDb;
  if (!db) return;
  if (db.kind === 'server') {
    const admin = new URL(process.env.DATABASE_URL);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
    await client.end();
  } else {
    await db.server.stop();
    rmSync(db.dir, { recursive: true, force: true });
  }
}
