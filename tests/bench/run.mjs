#!/usr/bin/env node
// Benchmarks on loopback only, bounded in time. Each target is measured against a baseline taken in
// the same run on the same machine, and reported as a ratio (machine speed cancels out).
//   auth-guard: GET /api/auth/me (cookie → session lookup → permission) vs GET /api/health (one SELECT 1)
//   user-search: GET /api/users?search=… (paged search + access-log insert) vs the same baseline
import autocannon from 'autocannon';

import { startBofast } from '../browser/support/server.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

function measure(url, headers = {}) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

async function login(baseUrl) {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrf = /XSRF-TOKEN=([^;]+)/.exec(csrfRes.headers.get('set-cookie') ?? '')?.[1];
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': csrf, cookie: `XSRF-TOKEN=${csrf}` },
    body: JSON.stringify({ username: 'admin', password: 'Bofast-demo-2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const sid = /bofast_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  return `bofast_sid=${sid}`;
}

const server = await startBofast();
try {
  const cookie = await login(server.baseUrl);
  const baseline = await measure(`${server.baseUrl}/api/health`);
  const targets = {
    'auth-guard (GET /api/auth/me)': await measure(`${server.baseUrl}/api/auth/me`, { cookie }),
    'user-search (GET /api/users?search=an)': await measure(`${server.baseUrl}/api/users?search=an`, { cookie }),
  };
  const row = (name, r) =>
    `${name.padEnd(42)} ${String(Math.round(r.requests.average)).padStart(7)} req/s  p99 ${String(r.latency.p99).padStart(4)} ms  errors ${r.errors + r.non2xx}`;
  console.log(`\nBaseline and targets, ${CONNECTIONS} connections × ${DURATION} s, loopback:`);
  console.log(row('baseline (GET /api/health)', baseline));
  let failed = 0;
  for (const [name, r] of Object.entries(targets)) {
    const ratio = r.requests.average / baseline.requests.average;
    // Target: an authenticated read costs at most 3× a bare database round trip.
    const ok = ratio >= 1 / 3 && r.errors + r.non2xx === 0;
    if (!ok) failed++;
    console.log(`${row(name, r)}  ratio ${ratio.toFixed(2)} of baseline (target ≥ 0.33) ${ok ? 'ok' : 'MISSED'}`);
  }
  console.log(`\n${Object.keys(targets).length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
} finally {
  await server.stop();
}
