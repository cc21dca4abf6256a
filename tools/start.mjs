#!/usr/bin/env node
// npm start: build the frontend and backend (Nx caches unchanged builds) and run Bofast at
// http://localhost:3000. Without DATABASE_URL the backend starts its embedded PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

console.log('Bygger Bofast (frontend og backend) …');
const build = spawnSync(
  join(root, 'node_modules/.bin/nx'),
  ['run-many', '-t', 'build', '--projects=backend,frontend', '--outputStyle=static'],
  {
    cwd: root,
    env,
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error('\nThe build failed; see the output above.');
  process.exit(build.status ?? 1);
}

const app = spawn(process.execPath, [join(root, 'dist/backend/main.js')], {
  cwd: root,
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
