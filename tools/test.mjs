#!/usr/bin/env node
// npm test: lint, unit tests (Nx), API tests (supertest on a fresh PostgreSQL database) and browser
// tests (Debian Chromium on the built app). Ends with one "N passed, N failed" line for all of them.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
const only = process.argv.slice(2);

const stages = [
  { name: 'format', cmd: bin('prettier'), args: ['--check', '.', '--log-level=warn'] },
  { name: 'lint', cmd: bin('nx'), args: ['run-many', '-t', 'lint', '--outputStyle=static'] },
  {
    name: 'unit',
    cmd: bin('nx'),
    args: ['run-many', '-t', 'test', '--outputStyle=static', '--skip-nx-cache'],
    counts: 'jest',
  },
  { name: 'api', cmd: bin('jest'), args: ['-c', 'tests/api/jest.config.cjs', '--runInBand'], counts: 'jest' },
  {
    name: 'build',
    cmd: bin('nx'),
    args: ['run-many', '-t', 'build', '--projects=backend,frontend', '--outputStyle=static'],
  },
  {
    // Operations: the built backend as a process (restarts, signals, outages, several processes, hostile files).
    name: 'ops',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/ops/'],
    counts: 'node',
  },
  {
    name: 'browser',
    cmd: process.execPath,
    args: ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/browser/'],
    counts: 'node',
  },
].filter((s) => only.length === 0 || only.includes(s.name));

function run(stage) {
  return new Promise((resolve) => {
    console.log(`\n=== ${stage.name}: ${[stage.cmd.replace(root + '/', ''), ...stage.args].join(' ')}`);
    const child = spawn(stage.cmd, stage.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const tee = (stream, target) =>
      stream.on('data', (d) => {
        out += d;
        target.write(d);
      });
    tee(child.stdout, process.stdout);
    tee(child.stderr, process.stderr);
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

function count(kind, out) {
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  let passed = 0;
  let failed = 0;
  if (kind === 'jest') {
    for (const m of plain.matchAll(/^Tests:\s+(.*)$/gm)) {
      passed += Number(/(\d+) passed/.exec(m[1])?.[1] ?? 0);
      failed += Number(/(\d+) failed/.exec(m[1])?.[1] ?? 0);
    }
  } else {
    passed = Number(/^[#ℹ] pass (\d+)/m.exec(plain)?.[1] ?? 0);
    failed = Number(/^[#ℹ] fail (\d+)/m.exec(plain)?.[1] ?? 0);
  }
  return { passed, failed };
}

let passed = 0;
let failed = 0;
const failedStages = [];
const timings = [];
for (const stage of stages) {
  const started = Date.now();
  const { code, out } = await run(stage);
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${stage.name} ${seconds} s`);
  console.log(`=== ${stage.name} took ${seconds} s`);
  if (stage.counts) {
    const c = count(stage.counts, out);
    passed += c.passed;
    failed += c.failed;
    if (code !== 0 && c.failed === 0) failed += 1; // a suite that crashed counts as a failure
  }
  if (code !== 0) failedStages.push(stage.name);
}
console.log(`\nStage times: ${timings.join(', ')}`);
console.log(`Stages failed: ${failedStages.length ? failedStages.join(', ') : 'none'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages.length ? 1 : 0);
