// Backups that restore (issue 13 item 7, ADR 0005): back up a running Bofast, restore into a fresh
// database, start Bofast on it and get the same data served — for the embedded PostgreSQL (online
// base backup, development CPR keys included) and for a DATABASE_URL server (pg_dump / pg_restore).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';

import { freePort, login, makeDatabase, query, ROOT, startBofast } from './support/bofast-process.mjs';

const TOOL = join(ROOT, 'tools/db-backup.mjs');
const cleanups = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
});

function tool(args, env) {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
    const child = spawn(process.execPath, [TOOL, ...args], { cwd: ROOT, env: childEnv });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function teamId(url) {
  const [row] = await query(url, `SELECT id FROM team ORDER BY name LIMIT 1`);
  return row.id;
}

/** Row count of every table in the public schema. */
async function counts(url) {
  const tables = await query(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out = {};
  for (const { tablename } of tables) {
    out[tablename] = Number((await query(url, `SELECT count(*)::int AS n FROM "${tablename}"`))[0].n);
  }
  return out;
}

async function personAsServed(session, id) {
  const res = await session.request('GET', `/api/persons/${id}`);
  assert.equal(res.status, 200);
  return res.json();
}

async function revealCpr(baseUrl, id) {
  const adviser = await login(baseUrl, 'oekonomi');
  const res = await adviser.request('GET', `/api/persons/${id}/cpr`);
  assert.equal(res.status, 200);
  return (await res.json()).cpr;
}

describe('backup and restore', { timeout: 240_000 }, () => {
  it('backs up the embedded PostgreSQL while Bofast runs and writes, and restores it into a fresh folder', async () => {
    const db = await makeDatabase({ embedded: true });
    cleanups.push(db.drop);
    const devSecrets = join(db.dir, 'dev-secrets.json');
    // No CPR keys in the environment: the development keys file is used, and must travel with the backup.
    const keyEnv = { CPR_ENCRYPTION_KEY: '', CPR_INDEX_KEY: '', DEV_SECRETS_FILE: devSecrets };
    const app = await startBofast(db, { env: keyEnv });
    cleanups.push(() => app.stop('SIGKILL'));
    const worker = await login(app.baseUrl, 'vicevaert');
    const team = await teamId(db.url);

    const created = await worker.request('POST', '/api/persons', {
      name: 'Backup Testesen',
      teamId: team,
      cpr: '120385-1237',
    });
    assert.equal(created.status, 201, await created.clone().text());
    const person = await created.json();
    const servedBefore = await personAsServed(worker, person.id);
    const countsAtStart = await counts(db.url);

    // Writes keep coming while the backup runs (bounded: at most 40, loopback only).
    let backupDone = false;
    const written = [];
    const writer = (async () => {
      for (let i = 0; i < 40 && !backupDone; i++) {
        const res = await worker.request('POST', '/api/persons', { name: `Under backup ${i}`, teamId: team });
        assert.equal(res.status, 201);
        written.push((await res.json()).id);
      }
    })();
    const backupDir = mkdtempSync(join(tmpdir(), 'bofast-backup-'));
    cleanups.push(async () => rmSync(backupDir, { recursive: true, force: true }));
    const toolEnv = {
      DATABASE_URL: undefined,
      CPR_ENCRYPTION_KEY: undefined,
      EMBEDDED_PG_DIR: db.dataDir,
      EMBEDDED_PG_PORT: String(db.port),
      DEV_SECRETS_FILE: devSecrets,
    };
    const backup = await tool(['backup', backupDir], toolEnv);
    backupDone = true;
    await writer;
    assert.equal(backup.code, 0, backup.output);
    assert.match(backup.output, /development CPR keys .* are inside this backup/);
    const [file] = readdirSync(backupDir).filter((f) => f.endsWith('.tar.gz'));
    assert.ok(file, `no backup file in ${backupDir}: ${readdirSync(backupDir)}`);
    const countsAtEnd = await counts(db.url);
    assert.ok(written.length > 0, 'no write happened during the backup');

    // Restore into a fresh folder with no keys file, then start Bofast there.
    const fresh = await makeDatabase({ embedded: true });
    cleanups.push(fresh.drop);
    const freshSecrets = join(fresh.dir, 'dev-secrets.json');
    const restoreEnv = {
      ...toolEnv,
      EMBEDDED_PG_DIR: fresh.dataDir,
      EMBEDDED_PG_PORT: String(fresh.port),
      DEV_SECRETS_FILE: freshSecrets,
    };
    const restore = await tool(['restore', join(backupDir, file)], restoreEnv);
    assert.equal(restore.code, 0, restore.output);
    assert.ok(existsSync(freshSecrets));
    const again = await tool(['restore', join(backupDir, file)], restoreEnv);
    assert.notEqual(again.code, 0, 'a restore over an existing data folder must be refused');
    assert.match(again.output, /is not empty/);

    const restored = await startBofast(fresh, { env: { ...keyEnv, DEV_SECRETS_FILE: freshSecrets } });
    cleanups.push(() => restored.stop('SIGKILL'));
    // Every table holds what it held when the backup started, plus at most what was written during it.
    const countsRestored = await counts(fresh.url);
    for (const [table, n] of Object.entries(countsAtStart)) {
      assert.ok(
        countsRestored[table] >= n && countsRestored[table] <= countsAtEnd[table],
        `${table}: ${countsRestored[table]} rows restored, ${n} at backup start, ${countsAtEnd[table]} at its end`,
      );
    }
    // The session made before the backup is a row in the database: it works on the restored copy too.
    const sameSession = await worker.request('GET', `/api/persons/${person.id}`, undefined, { base: restored.baseUrl });
    assert.equal(sameSession.status, 200);
    assert.deepEqual(await sameSession.json(), servedBefore);
    const freshLogin = await login(restored.baseUrl, 'vicevaert');
    assert.deepEqual(await personAsServed(freshLogin, person.id), servedBefore);
    // The CPR number decrypts with the restored development keys.
    assert.equal(await revealCpr(restored.baseUrl, person.id), '120385-1237');
    assert.equal((await restored.stop('SIGTERM'))?.code, 0);
    assert.equal((await app.stop('SIGTERM'))?.code, 0);
  });

  it('backs up a DATABASE_URL server with pg_dump and restores it with pg_restore into a fresh database', async (t) => {
    if (!process.env.DATABASE_URL) return t.skip('DATABASE_URL is not set (the server path needs a PostgreSQL server)');
    const pgDump = spawnSync('sh', ['-c', 'command -v pg_dump || ls /usr/lib/postgresql/*/bin/pg_dump'], {
      encoding: 'utf8',
    });
    if (pgDump.status !== 0) return t.skip('pg_dump is not installed (apt-get install postgresql-client)');

    const db = await makeDatabase({ embedded: false });
    cleanups.push(db.drop);
    const app = await startBofast(db);
    cleanups.push(() => app.stop('SIGKILL'));
    const worker = await login(app.baseUrl, 'vicevaert');
    const created = await worker.request('POST', '/api/persons', {
      name: 'Dump Testesen',
      teamId: await teamId(db.url),
      cpr: '070392-4562',
    });
    assert.equal(created.status, 201);
    const person = await created.json();
    const servedBefore = await personAsServed(worker, person.id);

    const backupDir = mkdtempSync(join(tmpdir(), 'bofast-dump-'));
    cleanups.push(async () => rmSync(backupDir, { recursive: true, force: true }));
    const backup = await tool(['backup', backupDir], { DATABASE_URL: db.url, CPR_ENCRYPTION_KEY: undefined });
    assert.equal(backup.code, 0, backup.output);
    assert.match(backup.output, /CPR keys are NOT in this backup/);
    const [file] = readdirSync(backupDir).filter((f) => f.endsWith('.dump'));
    const countsBackedUp = await counts(db.url);
    assert.equal((await app.stop('SIGTERM'))?.code, 0);

    const fresh = await makeDatabase({ embedded: false });
    cleanups.push(fresh.drop);
    const restore = await tool(['restore', join(backupDir, file)], { DATABASE_URL: fresh.url });
    assert.equal(restore.code, 0, restore.output);
    const countsRestored = await counts(fresh.url);
    // Only the access log and sessions may differ: the reads after pg_dump took its snapshot.
    for (const [table, n] of Object.entries(countsBackedUp)) {
      if (['access_log', 'user_session'].includes(table)) continue;
      assert.equal(countsRestored[table], n, `${table}: ${countsRestored[table]} restored, ${n} backed up`);
    }

    const restored = await startBofast(fresh, { port: await freePort() });
    cleanups.push(() => restored.stop('SIGKILL'));
    const again = await login(restored.baseUrl, 'vicevaert');
    assert.deepEqual(await personAsServed(again, person.id), servedBefore);
    assert.equal(await revealCpr(restored.baseUrl, person.id), '070392-4562');
    assert.equal((await restored.stop('SIGTERM'))?.code, 0);
  });
});
