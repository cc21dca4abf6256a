import { createHash } from 'node:crypto';

import { FailedJob, getPermissions, RestanceImportSummary, Role } from '@bofast/contracts';

import type { RequestContext } from '../../../backend/src/common/http/request-context';
import { JobContext, JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { RestanceImportsService } from '../../../backend/src/features/restance/restance-imports.service';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';

function csv(prefix: string, n: number): Buffer {
  const rows = Array.from({ length: n }, (_, i) => `12;${prefix}-${i};Lejer ${i};Jobvej ${i};${100 + i},00;1;;;nej`);
  return Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');
}

async function until<T>(what: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await what();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Background jobs (pg-boss)', () => {
  let t: TestApp;
  let adviser: ApiClient;
  let boId: string;
  let uploader: RequestContext;

  // A boligorganisation of this suite's own, seen by no team: the lists imported here change no other
  // suite's month-over-month comparisons or worklists on the shared test database.
  beforeAll(async () => {
    t = await createTestApp();
    adviser = await t.loginAs('oekonomi');
    [{ id: boId }] = await t.dataSource.query(
      `INSERT INTO boligorganisation (name) VALUES ('Jobtest Boligselskab')
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    await t.dataSource.query(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '12', 'Jobtest 12')
       ON CONFLICT (boligorganisation_id, afdelingsnummer) DO NOTHING`,
      [boId],
    );
    const [{ id: userId }] = await t.dataSource.query(
      `INSERT INTO app_user (username, display_name, email, role, password_hash, boligorganisation_id)
       VALUES ('jobtest-upload', 'Jobtest', 'jobtest@example.invalid', 'boligorganisation', '!', $1)
       ON CONFLICT (username) DO UPDATE SET boligorganisation_id = EXCLUDED.boligorganisation_id RETURNING id`,
      [boId],
    );
    uploader = {
      userId,
      username: 'jobtest-upload',
      role: Role.Boligorganisation,
      permissions: getPermissions(Role.Boligorganisation),
      teamIds: [],
      partnerOrganisationId: null,
      sessionId: '00000000-0000-4000-8000-000000000001',
      requestId: null,
      clientAddress: null,
    };
  });

  // The upload route's service call, as the boligorganisation's uploader.
  const upload = (listDate: string, filename: string, content: Buffer): Promise<RestanceImportSummary> =>
    t.app
      .get(RestanceImportsService)
      .upload(uploader, { boligorganisationId: boId, listDate, filename, base64: content.toString('base64') });

  afterAll(() => t.close());

  // The list's own rows (a list also records last month's tenancies that disappeared from it).
  const rowsOf = async (importId: string, prefix: string): Promise<{ rows: number; keys: number }> =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS rows, count(DISTINCT row_key)::int AS keys FROM restance_row
          WHERE import_id = $1 AND lejemaalsnummer LIKE $2`,
        [importId, `${prefix}-%`],
      )
    )[0];

  it('should commit an uploaded list through the queue and report its progress', async () => {
    const queued = await upload('2026-03-01', 'jobs-a.csv', csv('JA', 40));
    expect(queued.status).toBe('queued');
    await t.app.get(JobsService).drain();
    const done = await t.app.get(RestanceImportsService).get(uploader, queued.id);
    expect(done.status).toBe('committed');
    expect(done.progress).toEqual({ done: 40, total: 40 });
    expect(await rowsOf(queued.id, 'JA')).toEqual({ rows: 40, keys: 40 });
    const [boss] = await t.dataSource.query(
      `SELECT j.state FROM pgboss.job j JOIN restance_import i ON i.job_id = j.id WHERE i.id = $1
       UNION ALL SELECT a.state FROM pgboss.archive a JOIN restance_import i ON i.job_id = a.id WHERE i.id = $1`,
      [queued.id],
    );
    expect(boss.state).toBe('completed');
  });

  it('should not apply a committed list again when its job runs again (expired and retried)', async () => {
    const res = { body: await upload('2026-04-01', 'jobs-b.csv', csv('JB', 30)) };
    const jobs = t.app.get(JobsService);
    await jobs.drain();
    const [before] = await t.dataSource.query(`SELECT status, committed_at FROM restance_import WHERE id = $1`, [
      res.body.id,
    ]);
    expect(before.status).toBe('committed');
    const [{ n: allRows }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM restance_row`);

    // The same import queued once more, as pg-boss does when a job's expiry passes before it completes.
    await t.dataSource.transaction((em) => jobs.enqueue(em, 'restance-import', { importId: res.body.id }));
    await jobs.drain();

    const [after] = await t.dataSource.query(`SELECT status, committed_at FROM restance_import WHERE id = $1`, [
      res.body.id,
    ]);
    expect(after).toEqual(before);
    expect(await rowsOf(res.body.id, 'JB')).toEqual({ rows: 30, keys: 30 });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM restance_row`))[0].n).toBe(allRows);
  });

  it('should apply a list once when two runs of its job overlap', async () => {
    const content = csv('JC', 25);
    const userId = uploader.userId;
    // A queued import with no pg-boss job: the handler is called directly, twice at once.
    const [{ id: importId }] = await t.dataSource.query(
      `INSERT INTO restance_import (boligorganisation_id, list_date, filename, file_hash, file_content, status, created_by)
       VALUES ($1, '2026-05-01', 'jobs-c.csv', $2, $3, 'queued', $4) RETURNING id`,
      [boId, createHash('sha256').update(content).digest('hex'), content, userId],
    );
    const context = (): JobContext => ({
      jobId: importId,
      payload: { importId },
      isLastAttempt: false,
      progress: async () => undefined,
    });
    const service = t.app.get(RestanceImportsService) as unknown as { process(job: JobContext): Promise<void> };
    await Promise.all([service.process(context()), service.process(context())]);

    const [imp] = await t.dataSource.query(`SELECT status FROM restance_import WHERE id = $1`, [importId]);
    expect(imp.status).toBe('committed');
    expect(await rowsOf(importId, 'JC')).toEqual({ rows: 25, keys: 25 });
  });

  it('should queue nothing when the enqueuing transaction rolls back', async () => {
    const jobs = t.app.get(JobsService);
    let jobId = '';
    await expect(
      t.dataSource.transaction(async (em) => {
        jobId = await jobs.enqueue(em, 'restance-import', { importId: '00000000-0000-4000-8000-000000000000' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(jobId).not.toBe('');
    expect(await t.dataSource.query(`SELECT 1 FROM pgboss.job WHERE id = $1`, [jobId])).toHaveLength(0);
    expect(await t.dataSource.query(`SELECT 1 FROM job WHERE id = $1`, [jobId])).toHaveLength(0);
  });

  describe('GET /api/jobs/failed', () => {
    it('should answer 401 without a session and 403 to a role other than admin', async () => {
      expect((await t.client().get('/api/jobs/failed')).status).toBe(401);
      expect((await adviser.get('/api/jobs/failed')).status).toBe(403);
    });

    it('should show the admin a job whose retries are used up, without its payload', async () => {
      const jobs = t.app.get(JobsService);
      let runs = 0;
      await jobs.register(
        'test-always-fails',
        async () => {
          runs++;
          throw new TypeError('Lejer Hemmelig Hansen 0101701234');
        },
        { expireInSeconds: 30, retryLimit: 1, retryDelaySeconds: 1 },
      );
      const id = await t.dataSource.transaction((em) =>
        jobs.enqueue(em, 'test-always-fails', { secret: 'Hemmelig Hansen' }),
      );
      jobs.wake('test-always-fails');
      const admin = await t.loginAs('admin');
      const failed = await until(async () => {
        const res = await admin.get('/api/jobs/failed');
        expect(res.status).toBe(200);
        return (res.body as FailedJob[]).find((j) => j.id === id);
      });
      expect(runs).toBe(2);
      expect(failed).toMatchObject({ queue: 'test-always-fails', attempts: 2, error: 'TypeError' });
      expect(Date.parse(failed.createdAt)).not.toBeNaN();
      expect(Date.parse(failed.failedAt ?? '')).not.toBeNaN();
      expect(JSON.stringify(failed)).not.toMatch(/Hansen|0101701234/);
      // The progress record says the same, and pg-boss copied the job to the dead-letter queue.
      const [row] = await t.dataSource.query(`SELECT status, attempts, error FROM job WHERE id = $1`, [id]);
      expect(row).toEqual({ status: 'failed', attempts: 2, error: 'TypeError' });
      const [dead] = await t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'dead-letter'`);
      expect(dead.n).toBeGreaterThanOrEqual(1);
    });
  });
});
