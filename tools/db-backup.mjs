#!/usr/bin/env node
// Backups that restore (docs/operations.md#backups-and-restore, ADR 0005).
//
//   npm run db:backup -- <dir>        writes <dir>/bofast-<time>.tar.gz (embedded) or .dump (DATABASE_URL)
//   npm run db:restore -- <backup>    restores it into an empty EMBEDDED_PG_DIR or DATABASE_URL database
//
// Embedded PostgreSQL: an online file-level base backup through SQL (pg_backup_start → copy the data
// folder → pg_backup_stop, label written into the copy, the WAL it needs kept by a temporary
// replication slot and copied afterwards). Works while Bofast runs; also works with it stopped.
// DATABASE_URL: pg_dump --format=custom and pg_restore (PostgreSQL client tools of the server's major
// or newer on PATH, or in PG_BIN).
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

import pg from 'pg';

const env = process.env;
const EMBEDDED_PG_DIR = resolve(env.EMBEDDED_PG_DIR || '.data/pg');
const EMBEDDED_PG_PORT = Number(env.EMBEDDED_PG_PORT || 54329);
const DEV_SECRETS_FILE = resolve(env.DEV_SECRETS_FILE || '.data/dev-secrets.json');
const FORMAT = 'bofast-embedded-base-backup';

// Not copied: runtime state the server recreates, and pg_wal (copied after pg_backup_stop).
// See PostgreSQL's "Making a Base Backup Using the Low Level API".
const SKIP_TOP = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'pg_wal']);
const EMPTY_DIRS = new Set([
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);

class UserError extends Error {}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const say = (line) => process.stdout.write(`${line}\n`);

async function main() {
  const [command, target] = process.argv.slice(2);
  if (!['backup', 'restore'].includes(command) || !target) {
    throw new UserError('Usage: npm run db:backup -- <dir>   |   npm run db:restore -- <backup file>');
  }
  const started = Date.now();
  if (command === 'backup') {
    const file = env.DATABASE_URL ? dumpServer(target) : await backupEmbedded(target);
    say(`Backup written: ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    sayAboutKeys(file);
  } else {
    const what = target.endsWith('.dump') ? restoreServer(target) : restoreEmbedded(target);
    say(`Restored ${what} (${((Date.now() - started) / 1000).toFixed(1)} s). Start Bofast on it as usual.`);
  }
}

function sayAboutKeys(file) {
  if (env.CPR_ENCRYPTION_KEY || env.DATABASE_URL) {
    say(
      'CPR keys are NOT in this backup: restoring needs the same CPR_ENCRYPTION_KEY and CPR_INDEX_KEY ' +
        'from your secret store (without the encryption key the CPR numbers cannot be read).',
    );
  } else if (file.endsWith('.tar.gz')) {
    say(`The development CPR keys (${DEV_SECRETS_FILE}) are inside this backup: keep it as safe as the keys.`);
  }
}

// ---- embedded PostgreSQL ----------------------------------------------------------------------

async function backupEmbedded(dir) {
  if (!existsSync(join(EMBEDDED_PG_DIR, 'PG_VERSION'))) {
    throw new UserError(`No embedded PostgreSQL data folder at ${EMBEDDED_PG_DIR} (set EMBEDDED_PG_DIR).`);
  }
  mkdirSync(dir, { recursive: true });
  const name = `bofast-${stamp()}`;
  const staging = join(resolve(dir), `.${name}.partial`);
  const copy = join(staging, 'pg');
  mkdirSync(copy, { recursive: true, mode: 0o700 });
  try {
    const client = await connectEmbedded();
    const manifest = {
      format: FORMAT,
      version: 1,
      created: new Date().toISOString(),
      pgVersion: readFileSync(join(EMBEDDED_PG_DIR, 'PG_VERSION'), 'utf8').trim(),
      online: client !== null,
      devSecrets: false,
    };
    if (client) {
      await backupOnline(client, copy, manifest);
    } else {
      say('The embedded PostgreSQL is not running: copying the stopped data folder.');
      copyTree(EMBEDDED_PG_DIR, copy, true);
      copyTree(join(EMBEDDED_PG_DIR, 'pg_wal'), join(copy, 'pg_wal'), false);
    }
    if (!env.CPR_ENCRYPTION_KEY && existsSync(DEV_SECRETS_FILE)) {
      copyFileSync(DEV_SECRETS_FILE, join(staging, 'dev-secrets.json'));
      manifest.devSecrets = true;
    }
    writeFileSync(join(staging, 'bofast-backup.json'), JSON.stringify(manifest, null, 2) + '\n');
    const file = join(resolve(dir), `${name}.tar.gz`);
    execFileSync('tar', ['-czf', `${file}.partial`, '-C', staging, '.']);
    chmodSync(`${file}.partial`, 0o600);
    renameSync(`${file}.partial`, file);
    return file;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** A client on the running embedded server of EMBEDDED_PG_DIR, or null when it is not running. */
async function connectEmbedded() {
  const client = new pg.Client({
    host: '127.0.0.1',
    port: EMBEDDED_PG_PORT,
    user: 'postgres',
    password: 'postgres',
    database: 'postgres',
    application_name: 'bofast-backup',
  });
  try {
    await client.connect();
  } catch (error) {
    if (existsSync(join(EMBEDDED_PG_DIR, 'postmaster.pid')) && postmasterAlive()) {
      throw new UserError(
        `The embedded PostgreSQL of ${EMBEDDED_PG_DIR} runs but does not answer on port ${EMBEDDED_PG_PORT} ` +
          `(${error.message}). Set EMBEDDED_PG_PORT to the port Bofast uses.`,
      );
    }
    return null;
  }
  const { rows } = await client.query('SHOW data_directory');
  if (realpathSync(rows[0].data_directory) !== realpathSync(EMBEDDED_PG_DIR)) {
    await client.end();
    throw new UserError(
      `The server on port ${EMBEDDED_PG_PORT} uses ${rows[0].data_directory}, not ${EMBEDDED_PG_DIR}. ` +
        'Set EMBEDDED_PG_DIR and EMBEDDED_PG_PORT to the same values Bofast runs with.',
    );
  }
  return client;
}

function postmasterAlive() {
  const pid = Number(readFileSync(join(EMBEDDED_PG_DIR, 'postmaster.pid'), 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function backupOnline(client, copy, manifest) {
  try {
    // The slot keeps every WAL segment from the backup's start until this session ends, so no
    // checkpoint during the copy can recycle WAL the restore needs. It is temporary: dropped with the
    // session, also when this process dies.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`bofast_backup_${process.pid}`]);
    const { rows: start } = await client.query('SELECT pg_backup_start($1, true) AS lsn', [
      `bofast ${manifest.created}`,
    ]);
    copyTree(EMBEDDED_PG_DIR, copy, true);
    const { rows: stop } = await client.query('SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(false)');
    // WAL up to the stop position must be on disk before the segments are copied.
    await client.query('SELECT pg_switch_wal()');
    const { rows: wal } = await client.query(
      'SELECT pg_walfile_name($1) AS first, pg_walfile_name(pg_current_wal_flush_lsn()) AS last',
      [start[0].lsn],
    );
    copyWal(join(EMBEDDED_PG_DIR, 'pg_wal'), join(copy, 'pg_wal'), wal[0].first, wal[0].last);
    writeFileSync(join(copy, 'backup_label'), stop[0].labelfile);
    if (stop[0].spcmapfile) writeFileSync(join(copy, 'tablespace_map'), stop[0].spcmapfile);
    Object.assign(manifest, { startLsn: start[0].lsn, stopLsn: stop[0].lsn, firstWal: wal[0].first });
  } finally {
    await client.end();
  }
}

/** Copies a live folder; files that vanish while it is copied (temporary files, dropped tables) are skipped. */
function copyTree(from, to, isDataRoot) {
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (isDataRoot && SKIP_TOP.has(entry.name)) continue;
    if (entry.name.startsWith('pgsql_tmp') || entry.name === 'pg_internal.init') continue;
    const src = join(from, entry.name);
    const dst = join(to, entry.name);
    try {
      if (entry.isDirectory()) {
        if (isDataRoot && EMPTY_DIRS.has(entry.name)) mkdirSync(dst, { mode: 0o700 });
        else copyTree(src, dst, false);
      } else if (entry.isFile()) {
        copyFileSync(src, dst);
      }
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
}

function copyWal(from, to, first, last) {
  mkdirSync(join(to, 'archive_status'), { recursive: true, mode: 0o700 });
  for (const name of readdirSync(from)) {
    const isSegment = /^[0-9A-F]{24}$/.test(name) && name >= first && name <= last;
    if (isSegment || name.endsWith('.history')) copyFileSync(join(from, name), join(to, name));
  }
  if (!existsSync(join(to, first))) throw new Error(`WAL segment ${first} is missing; the backup is not usable.`);
}

function restoreEmbedded(file) {
  if (!existsSync(file)) throw new UserError(`No such backup: ${file}`);
  if (existsSync(EMBEDDED_PG_DIR) && readdirSync(EMBEDDED_PG_DIR).length > 0) {
    throw new UserError(
      `${EMBEDDED_PG_DIR} is not empty. Stop Bofast and move that folder aside (or set EMBEDDED_PG_DIR to a ` +
        'new folder) before restoring.',
    );
  }
  const parent = dirname(EMBEDDED_PG_DIR);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.restore-${stamp()}-${process.pid}`);
  mkdirSync(staging, { mode: 0o700 });
  try {
    execFileSync('tar', ['-xzf', resolve(file), '-C', staging]);
    const manifest = JSON.parse(readFileSync(join(staging, 'bofast-backup.json'), 'utf8'));
    if (manifest.format !== FORMAT) throw new UserError(`${file} is not a Bofast embedded backup.`);
    if (manifest.devSecrets) restoreDevSecrets(join(staging, 'dev-secrets.json'));
    const data = join(staging, 'pg');
    if (process.getuid?.() === 0) chownTree(data, postgresIds());
    chmodSync(data, 0o700);
    rmSync(EMBEDDED_PG_DIR, { recursive: true, force: true }); // empty, checked above
    renameSync(data, EMBEDDED_PG_DIR);
    return `PostgreSQL ${manifest.pgVersion} data of ${manifest.created} into ${EMBEDDED_PG_DIR}`;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function restoreDevSecrets(from) {
  const keys = readFileSync(from, 'utf8');
  if (existsSync(DEV_SECRETS_FILE)) {
    if (readFileSync(DEV_SECRETS_FILE, 'utf8') === keys) return;
    throw new UserError(
      `${DEV_SECRETS_FILE} exists with other keys than the backup's. Move it aside (the restored CPR numbers ` +
        'need the keys from the backup) and restore again.',
    );
  }
  mkdirSync(dirname(DEV_SECRETS_FILE), { recursive: true });
  writeFileSync(DEV_SECRETS_FILE, keys, { mode: 0o600 });
  say(`Development CPR keys restored to ${DEV_SECRETS_FILE}.`);
}

/** As root the embedded server runs as user postgres (ADR 0002), which must own its data folder. */
function postgresIds() {
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    };
  } catch {
    throw new UserError('Running as root, the restored folder must belong to user "postgres", which does not exist.');
  }
}

function chownTree(path, { uid, gid }) {
  chownSync(path, uid, gid);
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), { uid, gid });
}

// ---- DATABASE_URL: pg_dump / pg_restore -------------------------------------------------------

function pgTool(name) {
  const candidates = [env.PG_BIN && join(env.PG_BIN, name)];
  const onPath = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  candidates.push(onPath);
  if (existsSync('/usr/lib/postgresql')) {
    const majors = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    candidates.push(...majors.map((m) => `/usr/lib/postgresql/${m}/bin/${name}`));
  }
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) {
    throw new UserError(
      `${name} not found. Install the PostgreSQL client tools of the server's major version or newer ` +
        '(Debian: apt-get install postgresql-client) or set PG_BIN.',
    );
  }
  return found;
}

function run(tool, args) {
  const result = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new UserError(`${basename(tool)} failed:\n${result.stderr.trim()}`);
}

function dumpServer(dir) {
  mkdirSync(dir, { recursive: true });
  const file = join(resolve(dir), `bofast-${stamp()}.dump`);
  run(pgTool('pg_dump'), ['--format=custom', `--file=${file}.partial`, `--dbname=${env.DATABASE_URL}`]);
  chmodSync(`${file}.partial`, 0o600);
  renameSync(`${file}.partial`, file);
  return file;
}

function restoreServer(file) {
  if (!env.DATABASE_URL) throw new UserError('Set DATABASE_URL to the empty database to restore into.');
  if (!existsSync(file) || statSync(file).size === 0) throw new UserError(`No such backup: ${file}`);
  run(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${env.DATABASE_URL}`, file]);
  return `${basename(file)} into ${new URL(env.DATABASE_URL).pathname.slice(1)}`;
}

main().catch((error) => {
  process.stderr.write(`\n${error instanceof UserError ? error.message : (error?.stack ?? String(error))}\n\n`);
  process.exit(1);
});
