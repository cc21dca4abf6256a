#!/usr/bin/env node
// Benchmarks on loopback only, bounded in time. Each target is measured against a baseline taken in
// the same run on the same machine and reported as a ratio, so machine speed cancels out.
//   baseline:     GET /api/health (one SELECT 1 through the whole HTTP stack, no session)
//   auth-guard:   GET /api/auth/me (cookie → session lookup → permission → user)
//   search-*:     GET /api/search on 100,000 persons and 20,000 tenancies (trigram and blind indexes,
//                 team visibility, access-log insert per search)
import autocannon from 'autocannon';
import pg from 'pg';

import { startBofast } from '../browser/support/server.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;
const PERSONS = Number(process.env.BENCH_PERSONS ?? 100_000);

function measure(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function login(baseUrl, username) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie: `XSRF-TOKEN=${csrf}` },
    body: JSON.stringify({ username, password: 'Bofast-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return `bofast_sid=${/bofast_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]}`;
}

/** 100k fictional persons and 20k tenancies, straight into the database (like a migration of old data). */
async function fill(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = Date.now();
  await client.query(`
    WITH first(n, i) AS (SELECT n, row_number() OVER () FROM unnest(ARRAY['Anne','Mette','Hanne','Jens','Peter','Lars','Fatima','Ahmed','Sofie','Mads','Emma','Noah','Ida','Karl','Ayse','Mohammed','Camilla','Rasmus','Louise','Henrik']) n),
         last(n, i) AS (SELECT n, row_number() OVER () FROM unnest(ARRAY['Jensen','Nielsen','Hansen','Pedersen','Andersen','Christensen','Larsen','Sørensen','Rasmussen','Jørgensen','Petersen','Madsen','Kristensen','Olsen','Thomsen','Ali','Hassan','Yilmaz','Holm','Dahl']) n)
    INSERT INTO person (team_id, name, birth_year)
    SELECT (SELECT id FROM team ORDER BY created_at LIMIT 1),
           f.n || ' ' || l.n || ' ' || g, 1940 + (g % 70)
      FROM generate_series(1, ${PERSONS}) g
      JOIN first f ON f.i = 1 + (g % 20) JOIN last l ON l.i = 1 + ((g / 20) % 20)`);
  await client.query(`
    INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer)
    SELECT (SELECT id FROM afdeling ORDER BY afdelingsnummer LIMIT 1 OFFSET (g % 2)),
           (ARRAY['Engparken','Skovhaven','Fjordvej','Møllebakken'])[1 + g % 4] || ' ' || (g / 40) || ', ' || (g % 5) || '. th.',
           'B-' || g
      FROM generate_series(1, ${PERSONS / 5}) g`);
  // As after any bulk load (and as autovacuum would do within minutes): VACUUM moves the rows from the
  // trigram indexes' pending lists into the indexes proper. Searching a 100k-row pending list is what a
  // freshly loaded database does for its first minute, not what it does in use.
  await client.query('VACUUM (ANALYZE) person, lejemaal');
  await client.query('ANALYZE');
  await client.end();
  return Date.now() - started;
}

process.env.BOFAST_TEST_LOG_LEVEL = 'warn'; // request logging would measure the pipe, not Bofast
const server = await startBofast();
try {
  const ms = await fill(server.databaseUrl);
  console.log(`Filled ${PERSONS} persons and ${PERSONS / 5} tenancies in ${ms} ms`);
  const admin = await login(server.baseUrl, 'admin');
  const worker = await login(server.baseUrl, 'vicevaert');
  const baseline = await measure(`${server.baseUrl}/api/health`);
  // Target ratios: throughput of each target divided by the baseline's, in the same run.
  const targets = [
    // Session lookup + user with teams: about three queries against the baseline's one.
    ['auth-guard (GET /api/auth/me)', `${server.baseUrl}/api/auth/me`, admin, 0.25],
    [
      'search-name (q=Sørensen 4711)',
      `${server.baseUrl}/api/search?q=${encodeURIComponent('Sørensen 4711')}`,
      worker,
      0.1,
    ],
    ['search-rare-name (q=Yilmaz)', `${server.baseUrl}/api/search?q=Yilmaz`, worker, 0.05],
    [
      'search-address (q=Fjordvej 12)',
      `${server.baseUrl}/api/search?q=${encodeURIComponent('Fjordvej 12,')}`,
      worker,
      0.1,
    ],
    ['search-cpr (exact, blind index)', `${server.baseUrl}/api/search?cpr=010190-1234`, worker, 0.2],
  ];
  const row = (name, r) =>
    `${name.padEnd(36)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p99 ${String(r.latency.p99).padStart(4)} ms  errors ${r.errors + r.non2xx}`;
  console.log(`\n${CONNECTIONS} connections × ${DURATION} s each, loopback:`);
  console.log(row('baseline (GET /api/health)', baseline));
  let failed = 0;
  for (const [name, url, cookie, min] of targets) {
    const r = await measure(url, { cookie });
    const ratio = r.requests.average / baseline.requests.average;
    const ok = ratio >= min && r.errors + r.non2xx === 0;
    if (!ok) failed++;
    console.log(`${row(name, r)}  ratio ${ratio.toFixed(2)} (target ≥ ${min}) ${ok ? 'ok' : 'MISSED'}`);
  }
  console.log(`\n${targets.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await server.stop();
}
