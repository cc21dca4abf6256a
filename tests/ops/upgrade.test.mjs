// Upgrades that lose nothing: the newest release fixture (a database the previous release made through
// its API, see tools/make-upgrade-fixture.mjs) is restored into an empty database, this tree's build
// starts on it and runs whatever migrations are new, and everything the fixture recorded must still be
// there: row counts, the lists and their states, a CPR number that decrypts, cases with their timelines,
// a consent with its document, stored reports that reproduce to the same numbers, and the demo logins.
// On DATABASE_URL's server when it is set; always also on an embedded PostgreSQL (the default install's
// major), so the dump is proven to restore into both.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import {
  MAIN,
  ROOT,
  assertBuilt,
  login,
  makeDatabase,
  query,
  startBofast,
  startScratchServer,
} from './support/bofast-process.mjs';
import { restorePlainDump, tableCounts } from './support/sql-dump.mjs';

const FIXTURES = join(ROOT, 'tests/ops/fixtures');
const DEMO_USERS = ['vicevaert', 'beboerraadgiver', 'oekonomi', 'teamleder', 'partner', 'boligorg', 'admin', 'dpo'];
// The users' data: an upgrade may add rows to these tables but never lose one. Other tables (sessions,
// login attempts, the job queue, derived facets) are the process's own and may be reshaped by a release.
const KEPT_TABLES = [
  'access_log',
  'afdeling',
  'app_user',
  'boligorganisation',
  'consent',
  'consent_recipient',
  'contact_attempt',
  'eviction_case',
  'eviction_stage',
  'household',
  'household_member',
  'lejemaal',
  'partner_organisation',
  'person',
  'referral',
  'referral_event',
  'report',
  'report_definition',
  'restance_import',
  'restance_row',
  'sag',
  'signal',
  'team',
  'timeline_event',
  'visit',
];

/** The newest committed fixture: the previous release's database (refreshed at every release). */
function newestFixture() {
  const versions = readdirSync(FIXTURES)
    .map((f) => /^bofast-(\d+)\.(\d+)\.(\d+)\.sql\.gz$/.exec(f))
    .filter(Boolean)
    .map((m) => m.slice(1).map(Number))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  assert.ok(versions.length, `no fixture in ${FIXTURES}`);
  const version = versions.at(-1).join('.');
  return {
    dump: join(FIXTURES, `bofast-${version}.sql.gz`),
    meta: JSON.parse(readFileSync(join(FIXTURES, `bofast-${version}.json`), 'utf8')),
  };
}

/** Every leaf of `expected` is in `actual` with the same value (a release may add fields, not change them). */
function assertContains(actual, expected, path = 'result') {
  if (expected === null || typeof expected !== 'object') {
    assert.deepEqual(actual, expected, `${path} changed`);
    return;
  }
  assert.ok(actual !== null && typeof actual === 'object', `${path} is missing`);
  if (Array.isArray(expected)) assert.equal(actual.length, expected.length, `${path} has another length`);
  for (const key of Object.keys(expected)) assertContains(actual[key], expected[key], `${path}.${key}`);
}

async function json(res, what) {
  const text = await res.text();
  assert.ok(res.ok, `${what}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** An embedded PostgreSQL of our own (the app must find the fixture already restored when it starts). */
async function embeddedDatabase() {
  const scratch = await startScratchServer('bofast-upgrade-');
  await scratch.createDatabase('bofast');
  return { url: scratch.url('bofast'), drop: () => scratch.stop() };
}

/** `main.js --migrate-only` on the database: exit code and output (a second run must find nothing to do). */
function migrateOnly(url) {
  return new Promise((resolve) => {
    const env = {
      ...process.env,
      DATABASE_URL: url,
      SEED_DEMO_DATA: 'false',
      NODE_ENV: 'production',
      // the same test keys as support/bofast-process.mjs (the fixture's CPR numbers are encrypted with them)
      CPR_ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      CPR_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
    };
    const child = spawn(process.execPath, [MAIN, '--migrate-only'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function upgradeAndCheck(url) {
  const { dump, meta } = newestFixture();
  await restorePlainDump(url, dump);
  assert.deepEqual(await tableCounts(url), meta.counts, 'the restored fixture differs from the recorded counts');

  // Retention off: it is driven by the clock and would purge the fixture's lists as the months pass.
  const db = { kind: 'server', url, env: { DATABASE_URL: url, SEED_DEMO_DATA: 'false' } };
  const app = await startBofast(db, { env: { RESTANCE_RETENTION_MONTHS: '0' } });
  try {
    // Migrations: every one the fixture had is still recorded, and nothing is left pending.
    const applied = (await query(url, `SELECT name FROM migrations ORDER BY id`)).map((r) => r.name);
    for (const name of meta.migrations) assert.ok(applied.includes(name), `migration ${name} is no longer recorded`);
    const again = await migrateOnly(url);
    assert.equal(again.code, 0, again.output);
    assert.equal((await query(url, `SELECT count(*)::int AS n FROM migrations`))[0].n, applied.length);

    // Logins: every demo user still signs in with the password the fixture was made with.
    const sessions = {};
    for (const username of DEMO_USERS) sessions[username] = await login(app.baseUrl, username);
    const adviser = sessions.oekonomi;
    const lead = sessions.teamleder;

    // Row counts: nothing the users made is lost.
    const counts = await tableCounts(url);
    for (const table of KEPT_TABLES) {
      assert.ok(table in counts, `table ${table} is gone`);
      assert.ok(
        counts[table] >= meta.counts[table],
        `${table}: ${counts[table]} rows after the upgrade, ${meta.counts[table]} before`,
      );
    }

    // The three lists keep their status, state and counts.
    for (const imp of meta.known.imports) {
      const s = await json(await adviser.request('GET', `/api/restance/imports/${imp.id}`), `import ${imp.listDate}`);
      assert.deepEqual(
        { id: s.id, listDate: s.listDate, status: s.status, listState: s.listState, counts: s.counts },
        imp,
      );
    }

    // The person's CPR number still decrypts (same keys), and their consent keeps its document.
    const { person, consent } = meta.known;
    assert.equal((await json(await adviser.request('GET', `/api/persons/${person.id}`), 'person')).name, person.name);
    assert.deepEqual(await json(await adviser.request('GET', `/api/persons/${person.id}/cpr`), 'cpr'), {
      personId: person.id,
      cpr: person.cpr,
    });
    const consents = await json(await adviser.request('GET', `/api/persons/${person.id}/consents`), 'consents');
    assert.ok(
      (Array.isArray(consents) ? consents : consents.items).some((c) => c.id === consent.id),
      'the consent is gone',
    );
    const doc = await adviser.request('GET', `/api/consents/${consent.id}/document`);
    assert.equal(doc.status, 200);
    assert.match(Buffer.from(await doc.arrayBuffer()).toString('latin1'), /^%PDF-/);

    // Cases keep their number, person and every timeline event.
    for (const c of meta.known.cases) {
      const detail = await json(await adviser.request('GET', `/api/cases/${c.id}`), 'case');
      assert.equal(detail.caseNumber, c.caseNumber);
      assert.equal(detail.person?.name ?? null, c.personName);
      const timeline = await json(await adviser.request('GET', `/api/cases/${c.id}/timeline`), 'timeline');
      const now = new Map(timeline.items.map((e) => [e.id, e.type]));
      for (const e of c.timeline) assert.equal(now.get(e.id), e.type, `timeline event ${e.id} of ${c.caseNumber}`);
    }

    // Stored reports: the same numbers, and recomputing them from the upgraded data gives them again.
    for (const r of meta.known.reports) {
      const stored = await json(await lead.request('GET', `/api/reports/${r.id}`), 'report');
      assert.deepEqual(stored.definitions, r.definitions);
      assertContains(stored.result, r.result);
      const reproduced = await json(await lead.request('POST', `/api/reports/${r.id}/reproduce`), 'reproduce');
      assert.deepEqual(
        { identical: reproduced.identical, changed: reproduced.changed },
        { identical: true, changed: [] },
        `report ${r.id} no longer reproduces`,
      );
    }
  } catch (error) {
    error.message += `\n--- backend output ---\n${app.output().slice(-4000)}`;
    throw error;
  } finally {
    await app.stop('SIGTERM');
  }
}

describe('upgrade from the previous release', { timeout: 300_000 }, () => {
  assertBuilt();
  const cleanups = [];
  after(async () => {
    for (const drop of cleanups) await drop();
  });

  test(
    'a server database keeps its data and reports',
    { skip: !process.env.DATABASE_URL && 'no DATABASE_URL' },
    async () => {
      const db = await makeDatabase({ embedded: false });
      cleanups.push(db.drop);
      await upgradeAndCheck(db.url);
    },
  );

  test('an embedded PostgreSQL database keeps its data and reports', async () => {
    const db = await embeddedDatabase();
    cleanups.push(db.drop);
    await upgradeAndCheck(db.url);
  });
});
