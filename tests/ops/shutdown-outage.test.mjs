// Graceful shutdown and database outages under write load: no answer is a 500, every acknowledged
// write is in the database afterwards, and the service comes back without a hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';

import { login, makeDatabase, query, sleep, startBofast, writers } from './support/bofast-process.mjs';

const teamOf = async (db) => (await query(db.url, 'SELECT id FROM team ORDER BY created_at LIMIT 1'))[0].id;

function serverErrors(codes) {
  return Object.entries(codes).filter(([code]) => /^5\d\d$/.test(code) && code !== '503');
}

/** A fresh database and Bofast started on it, signed in as the vicevært; stopped and dropped after the suite. */
async function started(cleanups, dbOptions) {
  const ctx = { db: await makeDatabase(dbOptions) };
  ctx.app = await startBofast(ctx.db);
  cleanups.push(
    () => ctx.db.drop(),
    () => ctx.app.stop('SIGKILL'),
  );
  try {
    ctx.session = await login(ctx.app.baseUrl, 'vicevaert');
    ctx.teamId = await teamOf(ctx.db);
  } catch (e) {
    // Once seen in CI (ECONNREFUSED right after a healthy start): say which side was gone, and why.
    throw new Error(
      `${e.message} (http ${ctx.app.baseUrl}, db ${ctx.db.url}, exit ${ctx.app.child.exitCode})\n${ctx.app.output().slice(-3000)}`,
      { cause: e },
    );
  }
  return ctx;
}

async function assertAcknowledgedThere(db, acked) {
  const rows = await query(db.url, 'SELECT count(*)::int AS n FROM signal WHERE id = ANY($1::uuid[])', [acked]);
  assert.equal(rows[0].n, acked.length, 'every acknowledged (201) write is in the database');
}

describe('graceful shutdown', { timeout: 180_000 }, () => {
  const cleanups = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('SIGTERM under 8 writers: in-flight writes finish, later ones get 503, then the port closes; exit 0', async () => {
    const ctx = await started(cleanups);
    const { db, app, session, teamId } = ctx;
    let exited = false;
    app.exited.then(() => (exited = true));
    const load = writers(session, { teamId, concurrency: 8, until: () => exited, maxPerWriter: 5000 });
    await sleep(1500);
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    const exit = await app.exited;
    const stopMs = Date.now() - signalledAt;
    const { codes, acked, bodies5xx } = await load;
    console.log(`SIGTERM under load: answers ${JSON.stringify(codes)}; stopped in ${stopMs} ms`);
    assert.deepEqual(exit, { code: 0, signal: null });
    assert.deepEqual(serverErrors(codes), [], bodies5xx.join('\n'));
    assert.ok(acked.length > 0);
    // Every request Bofast admitted was served whole (none was still running when the port closed);
    // the others were refused with 503 before they started, or met the closing port (a network error
    // for a request that never reached Bofast).
    assert.match(app.output(), /Drained: every request in flight finished/);
    assert.doesNotMatch(app.output(), /Requests still running after the drain/);
    assert.ok((codes[503] ?? 0) > 0, 'requests that arrived while draining were refused with 503');
    assert.ok(stopMs < 12_000, 'the drain is bounded');
    assert.match(app.output(), /Shutting down/);
    // The data are checked through a fresh start (the embedded server stopped with Bofast).
    ctx.app = await startBofast(db, { env: { SEED_DEMO_DATA: 'false' } });
    await assertAcknowledgedThere(db, acked);
  });

  it('a request that arrives while draining is refused with 503 before it starts', async () => {
    const { app, session } = await started(cleanups);
    // A slow request holds the drain open (a report over a year), and a kept-alive connection asks again.
    const slow = session.request('GET', '/api/health');
    app.child.kill('SIGTERM');
    await sleep(50);
    const late = await session.request('GET', '/api/auth/me').catch((e) => e);
    await slow.catch(() => undefined);
    if (late instanceof Error) {
      assert.match(
        String(late.cause?.code ?? late.message),
        /ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET|other side closed/,
      );
    } else {
      assert.equal(late.status, 503);
      assert.equal(late.headers.get('retry-after'), '5');
      assert.equal((await late.json()).code, 'SHUTTING_DOWN');
    }
    assert.deepEqual(await app.exited, { code: 0, signal: null });
  });
});

describe('database outages', { timeout: 240_000 }, () => {
  const cleanups = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('embedded: kill -9 of the postmaster under write load → 503s, no 500, back within 30 s, nothing acknowledged lost', async () => {
    const { db, app, session, teamId } = await started(cleanups, { embedded: true });
    let stopAt = Infinity;
    const load = writers(session, { teamId, concurrency: 8, until: () => Date.now() > stopAt, maxPerWriter: 5000 });
    await sleep(1500);
    const postmaster = Number(readFileSync(`${db.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const killedAt = Date.now();
    // While it is away, health says why.
    let reason = null;
    let backAt = null;
    while (Date.now() - killedAt < 30_000) {
      const res = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(3000) }).catch(() => null);
      if (res?.status === 503) {
        reason ??= (await res.json()).reason;
        assert.equal(res.headers.get('retry-after'), '5');
      } else if (res?.status === 200 && Date.now() - killedAt > 200) {
        backAt = Date.now();
        break;
      }
      await sleep(100);
    }
    stopAt = Date.now() + 2000; // and writes go through again afterwards
    const { codes, acked, bodies5xx } = await load;
    console.log(
      `postmaster killed: answers ${JSON.stringify(codes)}; back after ${backAt && backAt - killedAt} ms; reason "${reason}"`,
    );
    assert.ok(backAt, 'service is back within 30 s without a hand');
    assert.deepEqual(serverErrors(codes), [], bodies5xx.join('\n'));
    assert.ok((codes[503] ?? 0) > 0 || reason, 'the outage was seen');
    assert.ok(acked.length > 0);
    await assertAcknowledgedThere(db, acked);
    // The log is not flooded: one "answering 503" line per 10 s at most.
    const outageLines = app.output().match(/Database unavailable: answering 503/g) ?? [];
    assert.ok(outageLines.length <= 4, `${outageLines.length} outage lines`);
    assert.doesNotMatch(app.output(), /"level":50[^\n]*Unhandled error/);
  });

  it('any server: connections terminated under write load → 503, never 500, and the pool recovers', async () => {
    const { db, app, session, teamId } = await started(cleanups);
    let stopAt = Infinity;
    const load = writers(session, { teamId, concurrency: 8, until: () => Date.now() > stopAt, maxPerWriter: 5000 });
    const dbName = new URL(db.url).pathname.slice(1);
    for (let i = 0; i < 6; i++) {
      await sleep(400);
      // What a failover or an administrator's restart does to every open connection.
      await query(
        db.url.replace(/\/[^/]*$/, '/postgres'),
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [dbName],
      );
    }
    stopAt = Date.now() + 1500;
    const { codes, acked, bodies5xx } = await load;
    console.log(`connections terminated 6 times: answers ${JSON.stringify(codes)}`);
    assert.equal(app.child.exitCode, null, `Bofast must not exit:\n${app.output().slice(-3000)}`);
    const unhandled = app
      .output()
      .split('\n')
      .filter((l) => l.includes('Unhandled error'))
      .slice(0, 3);
    assert.deepEqual(serverErrors(codes), [], unhandled.join('\n'));
    assert.ok(acked.length > 0);
    await assertAcknowledgedThere(db, acked);
    const health = await fetch(`${app.baseUrl}/api/health`);
    assert.equal(health.status, 200);
  });
});
