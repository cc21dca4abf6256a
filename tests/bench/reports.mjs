#!/usr/bin/env node
// Report benchmark, loopback only, bounded in time. Generates 100,000 cases with 1,000,000 timeline
// events (plus udsættelsessager, stages, visits, contact attempts and referrals), then times a
// full-year report through the API (POST /api/reports as the team lead: every indicator, stored).
//   target:   ≤ 1,000 ms on this machine (median of 5 runs)
//   baseline: one pass over the same rows through pg directly (count of cases, events and contacts),
//             measured in the same run; the ratio shows what the report costs over touching the data once.
import pg from 'pg';

import { startBofast } from '../browser/support/server.mjs';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function login(baseUrl, username) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie: `XSRF-TOKEN=${csrf}` },
    body: JSON.stringify({ username, password: 'Bofast-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const set = res.headers.get('set-cookie') ?? '';
  const token = /XSRF-TOKEN=([^;]+)/.exec(set)?.[1];
  return { cookie: `bofast_sid=${/bofast_sid=([^;]+)/.exec(set)?.[1]}; XSRF-TOKEN=${token}`, csrf: token };
}

/** The data generator: straight into the database, like a migration of several years' work. */
async function fill(db) {
  const started = Date.now();
  const q = (sql) => db.query(sql);
  await q(`CREATE TEMP TABLE ctx AS SELECT (SELECT id FROM team ORDER BY created_at LIMIT 1) AS team_id,
             (SELECT id FROM app_user WHERE username = 'oekonomi') AS worker_id,
             (SELECT id FROM app_user WHERE username = 'teamleder') AS lead_id,
             (SELECT id FROM partner_organisation WHERE name = 'Jobcenter Fjordby') AS partner_id`);
  await q(`INSERT INTO person (team_id, name, birth_year)
           SELECT ctx.team_id, 'Bench Beboer ' || g, 1940 + g % 70 FROM generate_series(1, ${CASES}) g, ctx`);
  await q(`INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer)
           SELECT (SELECT id FROM afdeling ORDER BY afdelingsnummer LIMIT 1 OFFSET (g % 2)), 'Benchvej ' || g, 'BB-' || g
             FROM generate_series(1, ${CASES / 2}) g`);
  await q(
    `CREATE TEMP TABLE p AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM person WHERE name LIKE 'Bench Beboer %'`,
  );
  await q(
    `CREATE TEMP TABLE l AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM lejemaal WHERE lejemaalsnummer LIKE 'BB-%'`,
  );
  await q(`INSERT INTO sag (case_number, type, status, person_id, lejemaal_id, team_id, responsible_id, opened_at, closed_at, closure_reason)
           SELECT 'BENCH-' || p.n, (ARRAY['oekonomi_restance','social_stoette_brobygning','nabokonflikt'])[1 + p.n % 3],
                  CASE WHEN p.n % 3 = 0 THEN 'afsluttet' ELSE 'aktiv' END, p.id, l.id, ctx.team_id, ctx.worker_id,
                  timestamptz '2025-01-01' + (p.n % 700) * interval '1 day',
                  CASE WHEN p.n % 3 = 0 THEN timestamptz '2025-01-01' + (p.n % 700 + 30) * interval '1 day' END,
                  CASE WHEN p.n % 3 = 0 THEN 'maal_naaet' END
             FROM p JOIN l ON l.n = 1 + (p.n % ${CASES / 2}), ctx`);
  await q(
    `CREATE TEMP TABLE s AS SELECT id, lejemaal_id, opened_at, row_number() OVER (ORDER BY id) AS n FROM sag WHERE case_number LIKE 'BENCH-%'`,
  );
  await q(`INSERT INTO timeline_event (sag_id, type, occurred_at, author_id, text)
           SELECT s.id, 'note', s.opened_at + (g % 90) * interval '1 day', ctx.worker_id, 'Bench-note'
             FROM generate_series(1, ${EVENTS}) g JOIN s ON s.n = 1 + (g % ${CASES}), ctx`);
  await q(`INSERT INTO contact_attempt (sag_id, channel, outcome, occurred_at, author_id)
           SELECT s.id, 'doerbank', (ARRAY['ikke_hjemme','kontakt_etableret','aftale_lavet'])[1 + g % 3],
                  s.opened_at + (g % 60) * interval '1 day', ctx.worker_id
             FROM generate_series(1, ${CASES * 2}) g JOIN s ON s.n = 1 + (g % ${CASES}), ctx`);
  await q(`INSERT INTO visit (sag_id, status, occurred_at, location_type, announced, author_id)
           SELECT s.id, 'gennemfoert', s.opened_at + interval '3 days', (ARRAY['hjem','kontor','vaerested'])[1 + s.n % 3], s.n % 2 = 0, ctx.worker_id
             FROM s, ctx WHERE s.n % 2 = 0`);
  // One udsættelsessag per fifth case's tenancy (distinct tenancies), with påkrav and often ophævelse.
  await q(`INSERT INTO eviction_case (lejemaal_id, team_id, ground, status, responsible_id, outcome, proposed_by, approved_by, decided_at, created_at)
           SELECT DISTINCT ON (s.lejemaal_id) s.lejemaal_id, ctx.team_id, 'restance',
                  CASE WHEN s.n % 10 < 6 THEN 'afsluttet' ELSE 'aaben' END, ctx.worker_id,
                  CASE WHEN s.n % 10 < 4 THEN 'undgaaet_betalt' WHEN s.n % 10 < 6 THEN 'gennemfoert' END,
                  CASE WHEN s.n % 10 < 6 THEN ctx.worker_id END, CASE WHEN s.n % 10 < 4 THEN ctx.lead_id END,
                  CASE WHEN s.n % 10 < 6 THEN s.opened_at + interval '60 days' END, s.opened_at
             FROM s, ctx WHERE s.n % 5 = 0 ORDER BY s.lejemaal_id, s.n`);
  await q(`INSERT INTO eviction_case_sag (eviction_case_id, sag_id)
           SELECT e.id, s.id FROM eviction_case e JOIN s ON s.lejemaal_id = e.lejemaal_id ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO eviction_stage (eviction_case_id, stage, stage_date, amount, source)
           SELECT e.id, 'paakrav', (e.created_at + interval '5 days')::date, 10000, 'restanceliste' FROM eviction_case e
           UNION ALL
           SELECT e.id, 'ophaevelse', (e.created_at + interval '25 days')::date, 12000, 'brev' FROM eviction_case e
            WHERE hashtext(e.id::text) % 2 = 0`);
  await q(`INSERT INTO referral (sag_id, person_id, partner_organisation_id, method, reason, purpose, status, sent_at)
           SELECT s.id, (SELECT person_id FROM sag WHERE id = s.id), ctx.partner_id, 'informeret', 'Bench',
                  'videregivelse', (ARRAY['sendt','accepteret','afsluttet','afvist'])[1 + s.n % 4], s.opened_at + interval '10 days'
             FROM s, ctx WHERE s.n % 5 = 1`);
  await q(`INSERT INTO referral_event (referral_id, status, side, at)
           SELECT r.id, r.status, 'partner', r.sent_at + interval '4 days' FROM referral r WHERE r.status <> 'sendt'`);
  await q('ANALYZE');
  return Date.now() - started;
}

process.env.BOFAST_TEST_LOG_LEVEL = 'warn';
const server = await startBofast();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
let failed = 0;
try {
  const fillMs = await fill(db);
  const [{ n: events }] = (await db.query(`SELECT count(*)::int AS n FROM timeline_event`)).rows;
  const [{ n: cases }] = (await db.query(`SELECT count(*)::int AS n FROM sag`)).rows;
  console.log(`\nGenerated ${cases} cases and ${events} timeline events in ${Math.round(fillMs / 1000)} s`);

  const lead = await login(server.baseUrl, 'teamleder');
  const body = JSON.stringify({ from: '2025-01-01', to: '2025-12-31', scopeType: 'alle', audience: 'intern' });
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: lead.cookie, 'x-xsrf-token': lead.csrf },
      body,
    });
    if (res.status !== 201) throw new Error(`report ${res.status}: ${await res.text()}`);
    last = await res.json();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(RUNS / 2)];

  const baselines = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await db.query(`SELECT (SELECT count(*) FROM sag WHERE opened_at < '2026-01-01') AS s,
                           (SELECT count(*) FROM timeline_event WHERE occurred_at < '2026-01-01') AS t,
                           (SELECT count(*) FROM contact_attempt WHERE occurred_at < '2026-01-01') AS c`);
    baselines.push(performance.now() - started);
  }
  baselines.sort((a, b) => a - b);
  const baseline = baselines[Math.floor(RUNS / 2)];
  const ok = median <= 1000;
  if (!ok) failed++;
  const e = last.result.evictions;
  console.log(
    `Full-year report (scope alle): median ${Math.round(median)} ms of ${RUNS} (min ${Math.round(times[0])}, max ${Math.round(times[RUNS - 1])}); involved ${e.involved}, avoided ${e.avoided}`,
  );
  console.log(`  target ≤ 1000 ms ${ok ? 'ok' : 'MISSED'}`);
  console.log(
    `  baseline (one count pass over cases, events, contacts via pg): ${Math.round(baseline)} ms; report/baseline ratio ${(median / baseline).toFixed(2)}`,
  );
  console.log(`\n${1 - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await db.end();
  await server.stop();
}
