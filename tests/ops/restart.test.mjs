// Start, stop and start again on the embedded PostgreSQL, as an operator would: after SIGTERM, after a
// kill -9 of Bofast (its PostgreSQL orphaned), and after a kill -9 of both. As root (CI, containers)
// the server runs as user "postgres" and the data folder must stay as PostgreSQL demands it.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';

import { deadline, login, makeDatabase, query, sleep, startBofast } from './support/bofast-process.mjs';

const isRoot = process.getuid?.() === 0;

function postmasterPid(db) {
  try {
    return Number(readFileSync(`${db.dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('restarts on the embedded PostgreSQL', { timeout: 300_000 }, () => {
  let db;
  let app;
  let teamId;
  const written = [];

  before(async () => {
    db = await makeDatabase({ embedded: true });
  });

  after(async () => {
    await app?.stop('SIGKILL');
    const pid = postmasterPid(db);
    if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
    await db.drop();
  });

  async function writeOne(label) {
    const s = await login(app.baseUrl, 'vicevaert');
    teamId ??= (await query(db.url, 'SELECT id FROM team ORDER BY created_at LIMIT 1'))[0].id;
    const res = await s.request('POST', '/api/signals', { source: 'drift', teamId, description: `Efter ${label}` });
    const text = await res.text();
    assert.equal(res.status, 201, text);
    written.push(JSON.parse(text).id);
  }

  async function assertAllThere() {
    const rows = await query(db.url, 'SELECT count(*)::int AS n FROM signal WHERE id = ANY($1::uuid[])', [written]);
    assert.equal(rows[0].n, written.length, 'every acknowledged write survives the restart');
  }

  it('starts on a fresh folder with demo data; the folder has the mode and owner PostgreSQL demands', async () => {
    app = await startBofast(db);
    assert.match(app.output(), /Demo data created/);
    const stat = statSync(db.dataDir);
    assert.equal(stat.mode & 0o777, 0o700);
    if (isRoot) assert.notEqual(stat.uid, 0, 'as root the data folder belongs to user postgres');
    await writeOne('first start');
  });

  it('stops on SIGTERM with exit code 0 and its PostgreSQL stopped, then starts again', async () => {
    const pid = postmasterPid(db);
    assert.deepEqual(await app.stop('SIGTERM'), { code: 0, signal: null });
    assert.equal(alive(pid), false, 'PostgreSQL is stopped with Bofast');
    app = await startBofast(db);
    await assertAllThere();
    await writeOne('SIGTERM restart');
  });

  it('after a kill -9 of Bofast, stops the orphaned PostgreSQL first and starts again', async () => {
    const orphan = postmasterPid(db);
    await app.stop('SIGKILL');
    await sleep(200);
    assert.equal(alive(orphan), true, 'the postmaster outlives a kill -9 of Bofast');
    app = await startBofast(db);
    assert.match(app.output(), /from an earlier run is still running; stopping it/);
    assert.equal(alive(orphan), false);
    assert.notEqual(postmasterPid(db), orphan, 'a new postmaster runs');
    await assertAllThere();
    await writeOne('kill -9 of Bofast');
  });

  it('after a kill -9 of both, removes the stale postmaster.pid and starts again', async () => {
    const pid = postmasterPid(db);
    await app.stop('SIGKILL');
    process.kill(pid, 'SIGKILL');
    await sleep(300);
    app = await startBofast(db);
    await assertAllThere();
    await writeOne('kill -9 of both');
    assert.equal(statSync(db.dataDir).mode & 0o777, 0o700);
  });

  it('a second Bofast on the same folder refuses to start and leaves the running one alone', async () => {
    const pid = postmasterPid(db);
    const second = await startBofast(db, { waitHealthy: false });
    const exit = await Promise.race([second.exited, deadline(60_000).then(() => null)]);
    assert.deepEqual(exit, { code: 1, signal: null });
    assert.match(second.output(), /Another process \(pid \d+\) runs the embedded PostgreSQL/);
    assert.equal(postmasterPid(db), pid);
    assert.equal((await fetch(`${app.baseUrl}/api/health`)).status, 200, 'the first one still serves');
  });

  it('says why with PostgreSQL own log lines when the server cannot start', async () => {
    assert.deepEqual(await app.stop('SIGTERM'), { code: 0, signal: null });
    // A corrupt configuration: PostgreSQL refuses to start and says so in its log.
    const conf = `${db.dataDir}/postgresql.auto.conf`;
    const original = readFileSync(conf, 'utf8');
    writeFileSync(conf, `${original}\nshared_buffers = 'nonsense'\n`);
    try {
      app = await startBofast(db, { waitHealthy: false });
      const exit = await Promise.race([app.exited, deadline(60_000).then(() => null)]);
      assert.deepEqual(exit, { code: 1, signal: null });
      assert.match(app.output(), /The embedded PostgreSQL could not start/);
      assert.match(app.output(), /PostgreSQL's last log lines:[\s\S]*shared_buffers/);
    } finally {
      writeFileSync(conf, original);
    }
    app = await startBofast(db);
    await assertAllThere();
  });
});
