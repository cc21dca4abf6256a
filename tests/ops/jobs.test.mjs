// Background work with two backend processes on one database (pg-boss): a process that starts,
// stops or dies during an import never makes the list be applied twice or be marked `unchanged`;
// a schedule runs once per period, not once per process; two processes starting at once on a fresh
// database migrate it once. Both processes use one PostgreSQL server: DATABASE_URL's, or else an
// embedded server the test starts for itself (two processes cannot share an embedded folder).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import pg from 'pg';

import { login, makeDatabase, query, sleep, startBofast, startScratchServer } from './support/bofast-process.mjs';

const ROWS = Number(process.env.OPS_JOBS_ROWS ?? 30_000);
// Short enough for a test, and longer than an import here (about a second of work, plus the time
// the test holds it).
const EXPIRE_SECONDS = 60;
const JOB_ENV = {
  JOBS_IMPORT_EXPIRE_SECONDS: String(EXPIRE_SECONDS),
  JOBS_MAINTENANCE_SECONDS: '5',
  // Every minute, so that a test of a few minutes sees several periods.
  JOBS_REFERRAL_CHASE_CRON: '* * * * *',
};

function generateCsv(prefix, rows) {
  const lines = ['Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale'];
  for (let i = 1; i <= rows; i++) {
    const amount = ((i * 7919) % 40000) + 500;
    lines.push(
      `${i % 2 ? '12' : '14'};${prefix}-${i};Lejer ${i};Opsvej ${i};${amount},${String(i % 100).padStart(2, '0')};${(i % 6) + 1};;;nej`,
    );
  }
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
}

/**
 * Holds the imports of Fjordly's lists where they wait for their turn (the per-boligorganisation lock
 * of the commit transaction), so that a test can start, stop and kill processes while an import is
 * running: a list of ROWS commits in about a second here, faster than a process starts.
 */
async function holdImports(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
  await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`restance:${rows[0].id}`]);
  let released = false;
  return {
    /** Whether an import waits on the lock (it has parsed its file and opened its transaction). */
    async isWaiting() {
      const res = await client.query(
        `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
            AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      return res.rows[0].n > 0;
    },
    async release() {
      if (released) return;
      released = true;
      await client.end();
    },
  };
}

async function waitUntil(what, timeoutMs, message) {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error(message);
    await sleep(250);
  }
}

async function statusOf(url, importId) {
  const [row] = await query(url, `SELECT status FROM restance_import WHERE id = $1`, [importId]);
  return row?.status;
}

async function waitForStatus(url, importId, wanted, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(url, importId);
    if (wanted.includes(status)) return status;
    if (Date.now() > deadline) throw new Error(`import ${importId} still ${status} after ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

async function uploadList(proc, db, prefix, listDate) {
  const adviser = await login(proc.baseUrl, 'oekonomi');
  const [{ id: boId }] = await query(db.url, `SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
  const res = await adviser.request(
    'POST',
    '/api/restance/imports',
    { boligorganisationId: boId, listDate, filename: `${prefix}.csv`, base64: generateCsv(prefix, ROWS) },
    { timeoutMs: 60_000 },
  );
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).id;
}

/** The list's own rows: each row once (a second application would double them). */
async function rowsOf(url, importId, prefix) {
  const [r] = await query(
    url,
    `SELECT count(*)::int AS rows, count(DISTINCT row_key)::int AS keys FROM restance_row
      WHERE import_id = $1 AND lejemaalsnummer LIKE $2`,
    [importId, `${prefix}-%`],
  );
  return r;
}

async function assertCommittedOnce(db, importId, prefix) {
  assert.equal(await statusOf(db.url, importId), 'committed');
  assert.deepEqual(await rowsOf(db.url, importId, prefix), { rows: ROWS, keys: ROWS });
  const same = await query(
    db.url,
    `SELECT status FROM restance_import WHERE file_hash = (SELECT file_hash FROM restance_import WHERE id = $1)`,
    [importId],
  );
  assert.deepEqual(
    same.map((r) => r.status),
    ['committed'],
  );
}

/** When each run of a schedule was queued since `since` (pg-boss's job and archive tables), in order. */
async function scheduleRuns(url, name, since) {
  const rows = await query(
    url,
    `SELECT created_on FROM pgboss.job WHERE name = $1 AND created_on >= $2
     UNION ALL SELECT created_on FROM pgboss.archive WHERE name = $1 AND created_on >= $2
     ORDER BY 1`,
    [name, since],
  );
  return rows.map((r) => r.created_on.getTime());
}

/** Without DATABASE_URL: a PostgreSQL server of the test's own, stopped at the end. */
async function ensureServer() {
  if (process.env.DATABASE_URL) return async () => undefined;
  const scratch = await startScratchServer('bofast-ops-jobs-');
  process.env.DATABASE_URL = scratch.url();
  return async () => {
    delete process.env.DATABASE_URL;
    await scratch.stop();
  };
}

describe('background jobs with two processes', () => {
  const cleanups = [];
  before(async () => {
    cleanups.push(await ensureServer());
  });
  after(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
  });

  /** A fresh database with process A on it (which seeds it); B is started by the test. */
  async function oneProcessAndHeldImports() {
    const db = await makeDatabase({ embedded: false });
    cleanups.push(db.drop);
    const a = await startBofast(db, { env: JOB_ENV });
    cleanups.push(() => a.stop('SIGKILL', 5000));
    const hold = await holdImports(db.url);
    cleanups.push(() => hold.release());
    const startB = async () => {
      const b = await startBofast(db, { env: { ...JOB_ENV, SEED_DEMO_DATA: 'false' } });
      cleanups.push(() => b.stop('SIGKILL', 5000));
      return b;
    };
    return { db, a, hold, startB };
  }

  it(
    'should commit a list once, and keep it committed, when a second process starts and restarts during its import; schedules run once per period',
    { timeout: 360_000 },
    async () => {
      const { db, a, hold, startB } = await oneProcessAndHeldImports();
      const importId = await uploadList(a, db, 'RS', '2026-11-01');
      await waitUntil(() => hold.isWaiting(), 60_000, 'the import did not start');
      const b1 = await startB();
      assert.notEqual(await b1.stop('SIGTERM'), null, 'B did not stop');
      const b2 = await startB();
      const bothUpAt = new Date();
      assert.equal(await statusOf(db.url, importId), 'running');
      await hold.release();
      assert.equal(await waitForStatus(db.url, importId, ['committed', 'unchanged', 'failed'], 180_000), 'committed');
      // Long enough for either process to have picked the job up again, had it been handed out twice.
      await sleep(10_000);
      await assertCommittedOnce(db, importId, 'RS');
      const [job] = await query(
        db.url,
        `SELECT status, attempts FROM job WHERE id = (SELECT job_id FROM restance_import WHERE id = $1)`,
        [importId],
      );
      assert.deepEqual(job, { status: 'done', attempts: 1 });

      // The chaser is scheduled every minute in both processes: it runs once a minute, not twice.
      await sleep(Math.max(0, bothUpAt.getTime() + 150_000 - Date.now()));
      const runs = await scheduleRuns(db.url, 'referral-chase', bothUpAt);
      const minutes = (Date.now() - bothUpAt.getTime()) / 60_000;
      const shown = runs.map((t) => new Date(t).toISOString().slice(11, 19)).join(', ');
      assert.ok(runs.length >= 2, `expected chases in at least two periods, got ${shown}`);
      // A window of m minutes touches at most floor(m) + 2 periods; each period's run is queued in its
      // first seconds, so two runs in one minute would be two runs of one period.
      assert.ok(runs.length <= Math.floor(minutes) + 2, `${shown} in ${minutes.toFixed(1)} minutes`);
      const periods = new Set(runs.map((t) => Math.floor(t / 60_000)));
      assert.equal(periods.size, runs.length, `two chases in one minute: ${shown}`);
      await a.stop('SIGTERM');
      await b2.stop('SIGTERM');
    },
  );

  it(
    'should finish an import on another process after kill -9 of the importing one, once its expiry has passed',
    { timeout: 420_000 },
    async (t) => {
      const { db, a, hold, startB } = await oneProcessAndHeldImports();
      const importId = await uploadList(a, db, 'KL', '2026-11-01');
      await waitUntil(() => hold.isWaiting(), 60_000, 'the import did not start');
      const [{ job_id: jobId }] = await query(db.url, `SELECT job_id FROM restance_import WHERE id = $1`, [importId]);
      a.child.kill('SIGKILL');
      await a.exited;
      const killedAt = Date.now();
      const b = await startB();
      await hold.release();
      // The job is A's until its expiry passes; then pg-boss retries it (after the backoff) on B.
      assert.equal(await waitForStatus(db.url, importId, ['committed', 'unchanged', 'failed'], 300_000), 'committed');
      assert.ok(Date.now() - killedAt >= (EXPIRE_SECONDS - 15) * 1000, 'taken over before its expiry');
      t.diagnostic(`committed by the other process ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`);
      await assertCommittedOnce(db, importId, 'KL');
      // The job completes after the commit (and the VACUUM that follows it).
      let boss;
      await waitUntil(
        async () => {
          [boss] = await query(
            db.url,
            `SELECT state::text, retry_count FROM pgboss.job WHERE id = $1
             UNION ALL SELECT state::text, retry_count FROM pgboss.archive WHERE id = $1`,
            [jobId],
          );
          return boss?.state !== 'active';
        },
        30_000,
        'the job did not complete',
      );
      assert.deepEqual(boss, { state: 'completed', retry_count: 1 });
      const [job] = await query(db.url, `SELECT status, attempts FROM job WHERE id = $1`, [jobId]);
      assert.deepEqual(job, { status: 'done', attempts: 2 });
      await b.stop('SIGTERM');
    },
  );

  it(
    'should migrate a fresh database once when two processes start at the same moment',
    { timeout: 180_000 },
    async () => {
      const db = await makeDatabase({ embedded: false });
      cleanups.push(db.drop);
      const [a, b] = await Promise.all([
        startBofast(db, { env: JOB_ENV }),
        startBofast(db, { env: { ...JOB_ENV, SEED_DEMO_DATA: 'false' } }),
      ]);
      cleanups.push(
        () => a.stop('SIGKILL', 5000),
        () => b.stop('SIGKILL', 5000),
      );
      const migrations = await query(db.url, `SELECT name, count(*)::int AS n FROM migrations GROUP BY name`);
      assert.ok(migrations.length >= 10);
      assert.deepEqual(
        migrations.filter((m) => m.n !== 1),
        [],
      );
      for (const p of [a, b]) assert.equal((await fetch(`${p.baseUrl}/api/health`)).status, 200);
      await a.stop('SIGTERM');
      await b.stop('SIGTERM');
    },
  );
});
