#!/usr/bin/env node
// Makes the upgrade fixture of this release: tests/ops/fixtures/bofast-<version>.sql.gz (a plain-SQL dump
// that node-pg restores) and bofast-<version>.json (what the upgrade test expects to survive).
//
// Run it at each release, from the release's own build, with a PostgreSQL server and Debian's pg_dump:
//   NX_DAEMON=false NX_NO_CLOUD=true npx nx build backend
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node tools/make-upgrade-fixture.mjs
// It starts dist/backend/main.js on a fresh database with the demo world, then works through the API as
// the users would: three monthly restancelister for Boligselskabet Fjordly, contact attempts, rows turned
// into cases, a person with a (synthetic) CPR number and a written consent, and three stored reports.
// Synthetic data only. Options: --keep (leave the database bofast_fixture_<version> for a look),
// --out <folder> (write the two files elsewhere, e.g. to try the script without touching the fixture).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import pg from 'pg';

import { ROOT, login, sleep, startBofast } from '../tests/ops/support/bofast-process.mjs';
import { cleanPlainDump, tableCounts } from '../tests/ops/support/sql-dump.mjs';

const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const OUT_AT = process.argv.indexOf('--out');
const FIXTURES = OUT_AT > 0 ? process.argv[OUT_AT + 1] : join(ROOT, 'tests/ops/fixtures');
const DB_NAME = `bofast_fixture_${VERSION.replace(/\W/g, '_')}`;
const PG_DUMP = process.env.PG_DUMP ?? 'pg_dump';
const KEEP = process.argv.includes('--keep');
const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Ældste forfald;Påkrav;Ophævelse;Betalingsaftale';
const SYNTHETIC_CPR = '120385-1237'; // the API suite's test number; no real person's data in a fixture
const PDF = Buffer.from('%PDF-1.4\n% Samtykkeerklæring (syntetisk)\n').toString('base64');

if (!process.env.DATABASE_URL)
  throw new Error('Set DATABASE_URL to a PostgreSQL server (the fixture is a server dump)');

const adminUrl = new URL(process.env.DATABASE_URL);
adminUrl.pathname = '/postgres';
const dbUrl = new URL(process.env.DATABASE_URL);
dbUrl.pathname = `/${DB_NAME}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// A small deterministic generator, so that a rerun makes the same lists.
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Anne',
  'Bjarne',
  'Camilla',
  'Dorthe',
  'Emil',
  'Freja',
  'Gustav',
  'Hanne',
  'Ida',
  'Jonas',
  'Karin',
  'Lars',
];
const LAST = [
  'Holm',
  'Kjær',
  'Lund',
  'Mikkelsen',
  'Nygaard',
  'Olsen',
  'Poulsen',
  'Riis',
  'Skov',
  'Thomsen',
  'Vestergaard',
];

/** The demo tenancies (matched to known households) and 40 the demo world does not know. */
function tenancies() {
  const rnd = random(2026);
  const demo = [
    ['12', '12-0103', 'Fatima Ali', 'Engparken 3, 1. th.'],
    ['12', '12-0501', 'Mads Juhl', 'Engparken 5, st. tv.'],
    ['12', '12-0702', 'Sara Juhl', 'Engparken 7, 2. tv.'],
    ['14', '14-0203', 'Peter Holm', 'Skovhaven 2, 3. th.'],
    ['14', '14-0801', 'Henrik Sørensen', 'Skovhaven 8, 1. mf.'],
  ];
  const other = Array.from({ length: 40 }, (_, i) => {
    const afd = i % 3 === 2 ? '14' : '12';
    const street = afd === '12' ? 'Engparken' : 'Skovhaven';
    const house = 10 + Math.floor(i / 4);
    const floor = i % 4;
    const name = `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`;
    return [
      afd,
      `${afd}-${String(house).padStart(2, '0')}${floor}${(i % 2) + 1}`,
      name,
      `${street} ${house}, ${floor || 'st.'}. tv.`,
    ];
  });
  return [...demo, ...other];
}

const kr = (amount) => {
  const [whole, ore] = amount.toFixed(2).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${ore}`;
};
const dmy = (iso) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
const addDays = (iso, days) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Three monthly lists: most tenancies stay in arrears (rising, falling or unchanged), some pay and
 * disappear, some are new; påkrav and ophævelse dates on the older debts; one rejected row per list.
 */
function lists(listDates) {
  const rnd = random(13);
  const all = tenancies();
  const state = new Map(); // lejemaalsnummer → { amount, months, paakrav, ophaevelse }
  return listDates.map((listDate, m) => {
    const lines = [HEADER];
    all.forEach(([afd, nummer, name, address], i) => {
      const prev = state.get(nummer);
      const present = prev ? rnd() > 0.15 : i < 5 || rnd() < (m === 0 ? 0.7 : 0.25);
      if (!present) {
        state.delete(nummer);
        return;
      }
      const r = rnd();
      const amount = prev
        ? r < 0.4
          ? prev.amount + 500 + Math.round(rnd() * 4000)
          : r < 0.6
            ? Math.max(150, prev.amount - 1000)
            : prev.amount
        : 900 + Math.round(rnd() * 9000) + (i % 7) / 4;
      const months = prev ? prev.months + (amount > prev.amount ? 1 : 0) : 1 + Math.floor(rnd() * 3);
      const paakrav = prev?.paakrav ?? (months >= 2 && rnd() < 0.5 ? addDays(listDate, -10) : null);
      const ophaevelse = prev?.ophaevelse ?? (paakrav && months >= 3 && rnd() < 0.5 ? addDays(listDate, -3) : null);
      state.set(nummer, { amount, months, paakrav, ophaevelse });
      lines.push(
        [
          afd,
          nummer,
          name,
          address,
          kr(amount),
          months,
          dmy(addDays(listDate, -30 * months)),
          paakrav ? dmy(paakrav) : '',
          ophaevelse ? dmy(ophaevelse) : '',
          i % 9 === 0 ? 'ja' : 'nej',
        ].join(';'),
      );
    });
    lines.push(`12;12-9${m}01;Rækken med fejl;Engparken 99;ukendt beløb;1;;;;nej`);
    return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64');
  });
}

async function ok(res, what) {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function importList(session, boId, listDate, base64) {
  const created = await ok(
    await session.request('POST', '/api/restance/imports', {
      boligorganisationId: boId,
      listDate,
      filename: `restanceliste-${listDate}.csv`,
      base64,
    }),
    `import ${listDate}`,
  );
  const deadline = Date.now() + 120_000;
  for (;;) {
    const summary = await ok(await session.request('GET', `/api/restance/imports/${created.id}`), 'import status');
    if (summary.status === 'committed') return summary;
    if (['failed', 'unchanged'].includes(summary.status))
      throw new Error(`import ${listDate}: ${summary.status} ${summary.error}`);
    if (Date.now() > deadline) throw new Error(`import ${listDate} did not commit within 2 minutes`);
    await sleep(200);
  }
}

function firstOfMonth(offset) {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}
const lastOfMonth = (offset) => addDays(firstOfMonth(offset + 1), -1);

await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB_NAME}`);
const db = { kind: 'server', url: dbUrl.toString(), env: { DATABASE_URL: dbUrl.toString(), SEED_DEMO_DATA: 'true' } };
// Retention off: it is driven by the clock, and the fixture must hold all three lists whole.
const app = await startBofast(db, { env: { RESTANCE_RETENTION_MONTHS: '0', LOG_LEVEL: 'warn' } });
let failed = true;
try {
  const adviser = await login(app.baseUrl, 'oekonomi');
  const lead = await login(app.baseUrl, 'teamleder');
  const worker = await login(app.baseUrl, 'beboerraadgiver');
  const me = await ok(await adviser.request('GET', '/api/auth/me'), 'me');
  const teamId = me.teams[0].id;
  const orgs = await ok(await adviser.request('GET', '/api/organisations/boligorganisationer'), 'organisations');
  const bo = orgs.find((o) => o.name === 'Boligselskabet Fjordly');
  const partners = await ok(await worker.request('GET', '/api/organisations/partners'), 'partners');
  const jobcenter = partners.find((p) => p.name === 'Jobcenter Fjordby');

  // 1. Three monthly lists, each committed before the next.
  const listDates = [firstOfMonth(-3), firstOfMonth(-2), firstOfMonth(-1)];
  const files = lists(listDates);
  const imports = [];
  for (const [i, listDate] of listDates.entries()) imports.push(await importList(adviser, bo.id, listDate, files[i]));

  // 2. The team lead assigns the newest list's "ny" and "steget" rows; the adviser knocks and calls, and
  //    turns two rows into cases.
  const page = await ok(
    await lead.request('GET', '/api/restance/worklist?change=ny,steget&sort=priority&pageSize=50'),
    'worklist',
  );
  await ok(
    await lead.request('POST', '/api/restance/worklist/assign', {
      rowIds: page.items.map((r) => r.id),
      assigneeId: me.id,
    }),
    'assign',
  );
  const caseIds = [];
  for (const row of page.items.slice(0, 4)) {
    const attempt = await ok(
      await adviser.request('POST', `/api/restance/worklist/${row.id}/contact-attempts`, {
        channel: 'doerbank',
        outcome: 'ikke_hjemme',
      }),
      'contact attempt',
    );
    if (caseIds.length < 2) {
      const converted = await ok(
        await adviser.request('POST', `/api/restance/worklist/${row.id}/convert`, { version: attempt.version }),
        'convert',
      );
      caseIds.push(converted.id);
    }
  }
  await ok(
    await adviser.request('POST', `/api/cases/${caseIds[0]}/contact-attempts`, {
      channel: 'telefon',
      outcome: 'kontakt_etableret',
    }),
    'case contact attempt',
  );
  await ok(
    await adviser.request('POST', `/api/cases/${caseIds[0]}/notes`, {
      text: 'Ringede efter dørbanken. Aftalt møde om budget i næste uge.',
    }),
    'note',
  );

  // 3. A person with a CPR number (synthetic) and a written consent with its document.
  const person = await ok(
    await worker.request('POST', '/api/persons', {
      name: 'Karen Testesen',
      teamId,
      cpr: SYNTHETIC_CPR,
      birthYear: 1985,
    }),
    'person',
  );
  const consent = await ok(
    await worker.request('POST', '/api/consents', {
      personId: person.id,
      recipientIds: [jobcenter.id],
      dataCategories: ['oekonomi', 'bolig'],
      purposes: ['kontakt_myndighed', 'videregivelse'],
      direction: 'videregive',
      form: 'skriftlig',
      document: { filename: 'samtykke.pdf', contentType: 'application/pdf', base64: PDF },
    }),
    'consent',
  );

  // 4. Three stored reports: the team's last three months, the year so far for the boligorganisation
  //    (external, so small counts are suppressed), and the last month of afdeling 12.
  const afd12 = bo.afdelinger.find((a) => a.afdelingsnummer === '12');
  const reportBodies = [
    {
      from: listDates[0],
      to: lastOfMonth(-1),
      scopeType: 'team',
      scopeId: teamId,
      audience: 'intern',
      title: 'Kvartal til styregruppen',
    },
    {
      from: `${listDates[0].slice(0, 4)}-01-01`,
      to: lastOfMonth(-1),
      scopeType: 'boligorganisation',
      scopeId: bo.id,
      audience: 'ekstern',
    },
    { from: listDates[2], to: lastOfMonth(-1), scopeType: 'afdeling', scopeId: afd12.id, audience: 'intern' },
  ];
  const reports = [];
  for (const body of reportBodies) reports.push(await ok(await lead.request('POST', '/api/reports', body), 'report'));

  // 5. What the upgrade test checks afterwards, read back through the API.
  const known = {
    imports: [],
    person: { id: person.id, name: person.name, cpr: SYNTHETIC_CPR },
    consent: { id: consent.id, personId: person.id, status: consent.status },
    cases: [],
    reports: reports.map((r) => ({ id: r.id, definitions: r.definitions, result: r.result })),
  };
  for (const imp of imports) {
    const s = await ok(await adviser.request('GET', `/api/restance/imports/${imp.id}`), 'import');
    known.imports.push({ id: s.id, listDate: s.listDate, status: s.status, listState: s.listState, counts: s.counts });
  }
  for (const id of caseIds) {
    const detail = await ok(await adviser.request('GET', `/api/cases/${id}`), 'case');
    const timeline = await ok(await adviser.request('GET', `/api/cases/${id}/timeline`), 'timeline');
    known.cases.push({
      id,
      caseNumber: detail.caseNumber,
      personName: detail.person?.name ?? null,
      timeline: timeline.items.map((e) => ({ id: e.id, type: e.type })),
    });
  }
  const stopped = await app.stop('SIGTERM');
  if (stopped === null) throw new Error('the backend did not stop within 30 s');

  // 6. Dump, strip what node-pg cannot run, compress; record the counts and the applied migrations.
  const sql = execFileSync(
    PG_DUMP,
    [
      '--format=plain',
      '--inserts',
      '--rows-per-insert=100',
      '--no-owner',
      '--no-privileges',
      '--dbname',
      dbUrl.toString(),
    ],
    { maxBuffer: 512 * 1024 * 1024 },
  ).toString('utf8');
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  const migrations = (await client.query(`SELECT name FROM migrations ORDER BY id`)).rows.map((r) => r.name);
  const serverVersion = (await client.query('SHOW server_version')).rows[0].server_version;
  await client.end();
  const counts = await tableCounts(dbUrl.toString());
  mkdirSync(FIXTURES, { recursive: true });
  const gz = gzipSync(Buffer.from(cleanPlainDump(sql), 'utf8'), { level: 9 });
  writeFileSync(join(FIXTURES, `bofast-${VERSION}.sql.gz`), gz);
  const meta = {
    release: VERSION,
    createdAt: new Date().toISOString(),
    dumpedFrom: `PostgreSQL ${serverVersion}`,
    migrations,
    counts,
    known,
  };
  writeFileSync(join(FIXTURES, `bofast-${VERSION}.json`), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(
    `Fixture ${VERSION}: ${gz.length} bytes, ${migrations.length} migrations, ` +
      `${counts.restance_row} restance rows in ${counts.restance_import} lists, ${counts.report} reports`,
  );
  failed = false;
} finally {
  await app.stop('SIGTERM');
  if (failed) console.error(app.output().slice(-4000));
  if (!KEEP) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
}
