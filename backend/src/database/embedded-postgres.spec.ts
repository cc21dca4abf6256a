import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { recoverStalePostmaster } from './embedded-postgres';

const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe(recoverStalePostmaster.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bofast-pid-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should do nothing when there is no postmaster.pid', async () => {
    await expect(recoverStalePostmaster(dir, logger)).resolves.toBeUndefined();
  });

  it('should remove a postmaster.pid whose process is gone (after a kill -9 and reboot)', async () => {
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'postmaster.pid'), `${gone}\n${dir}\n`);
    await recoverStalePostmaster(dir, logger);
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('should stop an orphaned server that still runs, and wait for it to exit', async () => {
    // Its command line names postgres, as a real postmaster's does.
    const orphan = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'postgres']);
    const exited = new Promise((resolve) => orphan.once('exit', (_code, signal) => resolve(signal)));
    writeFileSync(join(dir, 'postmaster.pid'), `${orphan.pid}\n${dir}\n`);
    await recoverStalePostmaster(dir, logger);
    await expect(exited).resolves.toBe('SIGINT');
  });

  it('should leave alone a live process that is not PostgreSQL (the pid was reused after a reboot)', async () => {
    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(join(dir, 'postmaster.pid'), `${other.pid}\n${dir}\n`);
      await recoverStalePostmaster(dir, logger);
      expect(other.exitCode).toBeNull();
      expect(other.signalCode).toBeNull();
      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
