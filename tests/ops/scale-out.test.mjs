// Two Bofast processes on one database behind one address (a round-robin proxy on loopback): a
// session made on one works on the other, one is killed mid-load and the other carries on, and no
// acknowledged write is lost. This is how a larger boligorganisation scales out (docs/operations.md).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

import { login, makeDatabase, query, sleep, startBofast, writers } from './support/bofast-process.mjs';
import { startProxy } from './support/proxy.mjs';

describe('two processes behind a reverse proxy', { timeout: 240_000 }, () => {
  const cleanups = [];
  after(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('shares sessions, survives a kill -9 of one process under load, and loses no acknowledged write', async () => {
    // A database server both reach (DATABASE_URL's, or an embedded one started by the first process).
    const db = await makeDatabase();
    const a = await startBofast(db);
    cleanups.push(
      () => db.drop(),
      () => a.stop('SIGKILL'),
    );
    const shared = { kind: 'server', url: db.url, env: { DATABASE_URL: db.url, SEED_DEMO_DATA: 'false' } };
    const b = await startBofast(shared);
    cleanups.push(() => b.stop('SIGKILL'));
    const proxy = await startProxy([a.baseUrl, b.baseUrl]);
    cleanups.push(() => proxy.close());

    // A session signed in on A is valid on B, and signing out on B ends it on A.
    const direct = await login(a.baseUrl, 'teamleder');
    assert.equal((await direct.request('GET', '/api/auth/me', undefined, { base: b.baseUrl })).status, 200);
    assert.equal((await direct.request('POST', '/api/auth/logout', undefined, { base: b.baseUrl })).status, 204);
    await sleep(1100); // the session cache hears of it by notification
    assert.equal((await direct.request('GET', '/api/auth/me', undefined, { base: a.baseUrl })).status, 401);

    const session = await login(proxy.url, 'vicevaert');
    const teamId = (await query(db.url, 'SELECT id FROM team ORDER BY created_at LIMIT 1'))[0].id;
    let stopAt = Infinity;
    const load = writers(session, { teamId, concurrency: 8, until: () => Date.now() > stopAt, maxPerWriter: 5000 });
    await sleep(2000);
    const beforeKill = [...proxy.counts];
    // Kill the process that does not run the database (with the embedded default A runs it).
    const victim = db.kind === 'embedded' ? b : a;
    const survivor = victim === a ? b : a;
    await victim.stop('SIGKILL');
    const killedAt = Date.now();
    stopAt = killedAt + 4000;
    const { codes, acked } = await load;
    const afterKill = proxy.counts.map((n, i) => n - beforeKill[i]);
    console.log(`kill -9 of one process: answers ${JSON.stringify(codes)}; answered per process ${proxy.counts}`);

    assert.ok(
      beforeKill.every((n) => n > 10),
      'both processes served before the kill',
    );
    assert.ok(afterKill[victim === a ? 1 : 0] > 20, 'the other process carried on');
    // At most the requests in flight on the killed process fail (502 from the proxy), never a 500.
    assert.equal(codes[500] ?? 0, 0);
    assert.ok((codes[502] ?? 0) <= 8, `${codes[502]} requests lost in flight`);
    const rows = await query(db.url, 'SELECT count(*)::int AS n FROM signal WHERE id = ANY($1::uuid[])', [acked]);
    assert.equal(rows[0].n, acked.length, 'every acknowledged write is in the database');
    assert.equal((await fetch(`${survivor.baseUrl}/api/health`)).status, 200);
  });
});
