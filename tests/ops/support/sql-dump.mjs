// Plain-SQL database dumps that node-pg can restore without pg_restore or psql: the upgrade fixture
// (tools/make-upgrade-fixture.mjs writes it, tests/ops/upgrade.test.mjs restores it).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import pg from 'pg';

/**
 * Makes `pg_dump --format=plain --inserts` output runnable as one simple-protocol query: drops psql
 * meta-commands (`\restrict`/`\unrestrict` since pg_dump 15.14 and 17.6) and settings an older server
 * does not know (`transaction_timeout`, written by pg_dump 17+).
 */
export function cleanPlainDump(sql) {
  return sql
    .split('\n')
    .filter((line) => !line.startsWith('\\') && !/^SET transaction_timeout\b/.test(line))
    .join('\n');
}

/** Restores a (gzipped) plain dump into an empty database in one implicit transaction. */
export async function restorePlainDump(url, file) {
  const raw = readFileSync(file);
  const sql = cleanPlainDump((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Exact row counts of every table in the public schema, by name. */
export async function tableCounts(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const counts = {};
    for (const { table_name: name } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM public."${name}"`);
      counts[name] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}
