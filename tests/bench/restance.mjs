#!/usr/bin/env node
// Restanceliste benchmarks, loopback only, bounded in time, reported as ratios against baselines
// measured in the same run on the same machine:
//  1. import of a generated 50,000-row list end to end (upload → parse, validate, match, diff, triage,
//     commit, all in the background job) vs COPY of the same rows into a staging table. Target ≥ 0.25.
//  2. worklist page (filter + sort + page) on those 50k rows at 8 concurrent clients: p95 ≤ 50 ms,
//     and throughput vs the same two statements (scope + access-log entry, page + total) run through pg
//     directly on a pool like the API's (10 connections, JIT off). Target ≥ 0.5.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import autocannon from 'autocannon';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

import { startBofast } from '../browser/support/server.mjs';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = 8;

function generateCsv(rows) {
  const lines = ['Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Ældste forfald;Påkrav;Ophævelse;Betalingsaftale'];
  for (let i = 1; i <= rows; i++) {
    const afd = i % 2 ? '12' : '14';
    const amount = ((i * 7919) % 40000) + 500;
    const kr = `${Math.floor(amount / 1000) ? `${Math.floor(amount / 1000)}.${String(amount % 1000).padStart(3, '0')}` : amount},${String(i % 100).padStart(2, '0')}`;
    const paakrav = i % 7 === 0 ? `${String((i % 28) + 1).padStart(2, '0')}-10-2026` : '';
    const ophaevelse = i % 31 === 0 ? '01.11.26' : '';
    lines.push(
      `${afd};B-${i};Lejer ${i};Benchvej ${i}, st.;${kr};${(i % 6) + 1};01-0${(i % 9) + 1}-2026;${paakrav};${ophaevelse};${i % 11 === 0 ? 'ja' : 'nej'}`,
    );
  }
  return lines.join('\r\n');
}

async function login(baseUrl, username) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie: `XSRF-TOKEN=${csrf}` },
    body: JSON.stringify({ username, password: 'Bofast-demo-2026' }),
  });
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    cookie: `bofast_sid=${/bofast_sid=([^;]+)/.exec(setCookie)?.[1]}; XSRF-TOKEN=${/XSRF-TOKEN=([^;]+)/.exec(setCookie)?.[1]}`,
    csrf: /XSRF-TOKEN=([^;]+)/.exec(setCookie)?.[1],
  };
}

async function copyBaseline(client, csv) {
  await client.query(
    `CREATE TEMP TABLE staging (afd text, nr text, navn text, adresse text, restance text, mdr text, forfald text, paakrav text, ophaevelse text, aftale text)`,
  );
  const started = performance.now();
  const body = csv.slice(csv.indexOf('\n') + 1);
  await pipeline(
    Readable.from([body]),
    client.query(copyFrom(`COPY staging FROM STDIN WITH (FORMAT csv, DELIMITER ';')`)),
  );
  return performance.now() - started;
}

async function durableFloor(client, importId) {
  await client.query(`CREATE TEMP TABLE floor_rows AS SELECT * FROM restance_row WHERE import_id = $1`, [importId]);
  await client.query('BEGIN');
  try {
    const [{ id }] = (
      await client.query(
        `INSERT INTO restance_import (boligorganisation_id, list_date, filename, file_hash, file_content, status)
         SELECT boligorganisation_id, list_date + 1, 'floor.csv', 'floor', '\\x00', 'committed' FROM restance_import WHERE id = $1
         RETURNING id`,
        [importId],
      )
    ).rows;
    const columns = (
      await client.query(
        `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS c FROM pg_attribute
          WHERE attrelid = 'restance_row'::regclass AND attnum > 0 AND NOT attisdropped
            AND attname NOT IN ('id', 'import_id', 'list_date')`,
      )
    ).rows[0].c;
    const started = performance.now();
    await client.query(
      `INSERT INTO restance_row (import_id, list_date, ${columns}) SELECT $1, list_date + 1, ${columns} FROM floor_rows`,
      [id],
    );
    return performance.now() - started;
  } finally {
    await client.query('ROLLBACK');
    await client.query('DROP TABLE floor_rows');
  }
}

process.env.BOFAST_TEST_LOG_LEVEL ??= 'warn';
const server = await startBofast();
const db = new pg.Client({ connectionString: server.databaseUrl });
await db.connect();
let failed = 0;
try {
  const csv = generateCsv(ROWS);
  const copyMs = await copyBaseline(db, csv);
  const [{ id: boId }] = (await db.query(`SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`))
    .rows;
  const adviser = await login(server.baseUrl, 'oekonomi');
  const started = performance.now();
  const upload = await fetch(`${server.baseUrl}/api/restance/imports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: adviser.cookie, 'x-xsrf-token': adviser.csrf },
    body: JSON.stringify({
      boligorganisationId: boId,
      listDate: '2026-11-01',
      filename: 'bench.csv',
      base64: Buffer.from(csv).toString('base64'),
    }),
  });
  if (upload.status !== 201) throw new Error(`upload ${upload.status}: ${await upload.text()}`);
  const { id } = await upload.json();
  let summary;
  for (;;) {
    summary = await (
      await fetch(`${server.baseUrl}/api/restance/imports/${id}`, { headers: { cookie: adviser.cookie } })
    ).json();
    if (['committed', 'failed', 'unchanged'].includes(summary.status)) break;
    if (performance.now() - started > 300_000) throw new Error('import did not finish in 5 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  const importMs = performance.now() - started;
  if (summary.status !== 'committed') throw new Error(`import ${summary.status}: ${summary.error}`);
  // The job ends with VACUUM (ANALYZE) after the commit; the worklist is measured once it has.
  for (;;) {
    const { rows } = await db.query(
      `SELECT j.status FROM job j JOIN restance_import i ON i.job_id = j.id WHERE i.id = $1`,
      [id],
    );
    if (rows[0]?.status !== 'running' && rows[0]?.status !== 'queued') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const importRatio = copyMs / importMs;
  const importOk = importRatio >= 0.25;
  if (!importOk) failed++;
  console.log(
    `\nImport of ${ROWS} rows: COPY ${Math.round(copyMs)} ms (${Math.round((ROWS / copyMs) * 1000)} rows/s), Bofast ${Math.round(importMs)} ms (${Math.round((ROWS / importMs) * 1000)} rows/s)`,
  );
  console.log(`  ratio ${importRatio.toFixed(2)} of COPY's rows/s (target ≥ 0.25) ${importOk ? 'ok' : 'MISSED'}`);

  // Worklist: "ny + påkrav", by priority, page 3 of 50, through the API vs the same SQL through pg.
  const query = 'change=ny&paakrav=true&sort=priority&page=3&pageSize=50';
  const api = await new Promise((resolve, reject) =>
    autocannon(
      {
        url: `${server.baseUrl}/api/restance/worklist?${query}`,
        connections: CLIENTS,
        duration: DURATION,
        headers: { cookie: adviser.cookie },
      },
      (e, r) => (e ? reject(e) : resolve(r)),
    ),
  );
  // The same two statements the API runs for that page: the scope with the access-log entry (one
  // data-modifying CTE), then the page as PostgreSQL-built JSON with its total from the facet counts and its
  // "superseded" check.
  const [{ id: teamId }] = (await db.query(`SELECT id FROM team LIMIT 1`)).rows;
  const [{ id: userId }] = (await db.query(`SELECT id FROM app_user WHERE username = 'oekonomi'`)).rows;
  const scope = `WITH access_log_entry AS (INSERT INTO access_log (actor_user_id, actor_username, actor_role, action, subject_type,
        subject_id, search_criterion, purpose, request_id, client_address)
      VALUES ($2, 'oekonomi', 'oekonomisk_raadgiver', 'search', 'person', NULL, 'restanceliste', 'Restancearbejde', 'bench', '127.0.0.1'))
    SELECT array(SELECT DISTINCT ON (i.boligorganisation_id) i.id FROM restance_import i WHERE i.status = 'committed'
      ORDER BY i.boligorganisation_id, i.list_date DESC, i.committed_at DESC) AS imports,
    array(SELECT ta.afdeling_id FROM team_afdeling ta WHERE ta.team_id = ANY($1::uuid[])) AS afdelinger`;
  const columns = `r.id, r.import_id, r.boligorganisation_id, r.list_date, r.row_key, r.afdelingsnummer, r.lejemaalsnummer, r.lejemaal_id,
      r.tenant_names, r.address, r.amount, r.previous_amount, r.months, r.oldest_due_date, r.paakrav_date, r.ophaevelse_date,
      r.has_agreement, r.change, r.repeat_count, r.priority, r.reasons, r.outreach_status, r.attempts, r.assignee_id, r.case_id, r.version`;
  const pageSql = `SELECT json_build_object('items', coalesce(json_agg(x ORDER BY x.priority DESC, x.id), '[]'::json),
      'total', (SELECT coalesce(sum(f.n), 0)::int FROM restance_facet f WHERE f.import_id = $1::uuid AND f.afdeling_id = ANY($2::uuid[])
          AND f.change = ANY($3::text[]) AND f.has_paakrav), 'page', 3, 'pageSize', 50)::text AS page
    FROM (SELECT r.id AS "id", r.import_id AS "importId", r.list_date AS "listDate",
      r.afdelingsnummer AS "afdelingsnummer", r.lejemaalsnummer AS "lejemaalsnummer", r.lejemaal_id AS "tenancyId",
      r.tenant_names AS "tenantNames", r.address AS "address", r.amount AS "amount",
      r.previous_amount AS "previousAmount", r.months AS "months", r.oldest_due_date AS "oldestDueDate",
      r.paakrav_date AS "paakravDate", r.ophaevelse_date AS "ophaevelseDate", r.has_agreement AS "hasAgreement",
      r.change AS "change", r.repeat_count AS "repeatCount", r.priority AS "priority", r.reasons AS "reasons",
      r.outreach_status AS "outreachStatus", r.attempts AS "attempts",
      CASE WHEN r.assignee_id IS NULL THEN NULL ELSE json_build_object('id', r.assignee_id, 'displayName', u.display_name) END AS "assignee",
      r.case_id AS "caseId",
      EXISTS (SELECT 1 FROM restance_import ni WHERE ni.boligorganisation_id = r.boligorganisation_id
        AND ni.status = 'committed' AND ni.list_date > r.list_date
        AND NOT EXISTS (SELECT 1 FROM restance_row nr WHERE nr.import_id = ni.id AND nr.row_key = r.row_key AND nr.accepted
                         AND nr.change <> 'afviklet')) AS "supersededByNewerList",
      r.version AS "version"
      FROM (SELECT ${columns} FROM restance_row r WHERE r.accepted AND r.import_id = $1::uuid AND r.afdeling_id = ANY($2::uuid[])
              AND r.change = ANY($3::text[]) AND r.paakrav_date IS NOT NULL ORDER BY r.priority DESC, r.id LIMIT 50 OFFSET 100) r
      LEFT JOIN app_user u ON u.id = r.assignee_id) x`;
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: 10, options: '-c jit=off' });
  let direct = 0;
  const until = performance.now() + DURATION * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const { rows } = await pool.query(scope, [[teamId], userId]);
        await pool.query(pageSql, [rows[0].imports[0], rows[0].afdelinger, ['ny']]);
        direct++;
      }
    }),
  );
  await pool.end();
  const directRps = direct / DURATION;
  const apiRps = api.requests.average;
  const p95 = api.latency.p97_5 ?? api.latency.p99; // autocannon reports p97.5, stricter than p95
  const ratio = apiRps / directRps;
  const listOk = ratio >= 0.5 && p95 <= 50 && api.non2xx === 0;
  if (!listOk) failed++;
  console.log(
    `Worklist page at ${CLIENTS} clients: API ${Math.round(apiRps)} req/s (p97.5 ${p95} ms, errors ${api.errors + api.non2xx}), pg direct ${Math.round(directRps)} q/s`,
  );
  console.log(`  ratio ${ratio.toFixed(2)} (target ≥ 0.5), p97.5 ≤ 50 ms ${listOk ? 'ok' : 'MISSED'}`);
  // Last, so its dead rows cannot disturb the worklist. For the record, not a target: what storing the same rows durably costs, with nothing else done —
  // the import's rows inserted again, as prepared rows, into restance_row (its keys, indexes and facet
  // trigger) under a second list of the same organisation, in a transaction that is rolled back.
  const floorMs = await durableFloor(db, id);
  console.log(
    `  for the record: INSERT of the same ${ROWS} prepared rows into restance_row ${Math.round(floorMs)} ms, ` +
      `${(copyMs / floorMs).toFixed(2)} of COPY's rows/s; Bofast does ${(floorMs / importMs).toFixed(2)} of that`,
  );
  console.log(`\n${2 - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await db.end();
  if (process.env.BENCH_SHOW_LOG)
    console.log(
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('imported'))
        .join('\n'),
    );
  await server.stop();
}
