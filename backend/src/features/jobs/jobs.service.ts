import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FailedJob } from '@bofast/contracts';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';

import { APP_CONFIG, AppConfig } from '../../config/config';

export interface JobContext {
  jobId: string;
  payload: Record<string, unknown>;
  /** Whether a failure now is final (no retry follows; the job is dead-lettered). */
  isLastAttempt: boolean;
  /** Reports progress on its own connection, so it is visible while the job's transaction is open. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (job: JobContext) => Promise<void>;

/** How a queue is run: expiry must be longer than its longest run (pg-boss 10 has no heartbeat). */
export interface QueueSettings {
  expireInSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
}

interface Registration {
  handler: JobHandler;
  settings: QueueSettings;
  /** A cron expression for a schedule (one run per period across every process); none for a queue. */
  cron?: string;
  workerId?: string;
}

/** pg-boss's own tables live in this schema; pg-boss creates and migrates it at start. */
export const JOBS_SCHEMA = 'pgboss';
/** Every queue's last failure lands here, so nothing fails silently (the admin lists it). */
export const DEAD_LETTER_QUEUE = 'dead-letter';
const POLL_SECONDS = 1;
const STOP_TIMEOUT_MS = 10_000;
const MAX_ERROR_LENGTH = 300;
const ERROR_LOG_MS = 30_000;
// Any constant unique to Bofast's queue setup (the migration lock is another).
const SETUP_LOCK = 0x626f6662;

/** The error pg-boss stores: no message of the underlying error, which may quote personal data. */
class JobFailure extends Error {
  constructor(cause: unknown) {
    const e = cause as { driverError?: { code?: unknown }; code?: unknown };
    const code = e?.driverError?.code ?? e?.code;
    super(`${(cause as Error)?.constructor?.name ?? 'Error'}${typeof code === 'string' ? ` (${code})` : ''}`);
    this.name = 'JobFailure';
    this.stack = undefined;
  }
}

/**
 * Background work on pg-boss (PostgreSQL-backed, schema `pgboss`, on the app's own connection pool):
 * a job is held by one worker until it completes or its expiry passes, failed jobs are retried with
 * backoff and then dead-lettered, and schedules run once per period however many processes run.
 * The `job` table stays the progress record the API reads (one row per queued job, same id as
 * pg-boss's job).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly registrations = new Map<string, Registration>();
  private boss: PgBoss | undefined;
  private readonly unscheduled = new Set<string>();
  private lastErrorLog = 0;
  private suppressedErrors = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A queue fed by `enqueue`. Call from `onModuleInit` (later, await it: it starts at once). */
  async register(queue: string, handler: JobHandler, settings: QueueSettings): Promise<void> {
    await this.add(queue, { handler, settings });
  }

  /** A schedule: `handler` runs once per cron period across all processes. Call from `onModuleInit`. */
  async schedule(name: string, cron: string, handler: () => Promise<void>, settings: QueueSettings): Promise<void> {
    await this.add(name, { handler: () => handler(), settings, cron });
  }

  /** Removes a schedule set by an earlier start (the feature is switched off). Call from `onModuleInit`. */
  unschedule(name: string): void {
    this.unscheduled.add(name);
  }

  /**
   * Queues a job inside the caller's transaction: both its progress row and pg-boss's job are
   * written on the caller's connection, so a rolled-back caller queues nothing.
   */
  async enqueue(em: EntityManager, queue: string, payload: Record<string, unknown>, total = 0): Promise<string> {
    const registration = this.registrations.get(queue);
    if (!registration || !this.boss) throw new Error(`No queue ${queue}`);
    const [row] = await em.query(`INSERT INTO job (type, payload, progress_total) VALUES ($1, $2, $3) RETURNING id`, [
      queue,
      JSON.stringify(payload),
      total,
    ]);
    const runner = em.queryRunner;
    if (!runner) throw new Error('enqueue needs a transaction');
    await this.boss.send(queue, payload, {
      id: row.id,
      db: { executeSql: (text, values) => runner.query(text, values, true).then((r) => ({ rows: r.records })) },
    });
    return row.id;
  }

  /** Looks for work now (after a commit that queued a job) rather than at the next poll. */
  wake(queue: string): void {
    const workerId = this.registrations.get(queue)?.workerId;
    if (workerId) this.boss?.notifyWorker(workerId);
  }

  async onApplicationBootstrap(): Promise<void> {
    // pg-boss shares TypeORM's pool: one set of connections, and nothing more to configure.
    const pool = (this.dataSource.driver as unknown as { master: { query: PgBoss.Db['executeSql'] } }).master;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: JOBS_SCHEMA,
      maintenanceIntervalSeconds: this.config.JOBS_MAINTENANCE_SECONDS,
      cronMonitorIntervalSeconds: Math.min(30, this.config.JOBS_MAINTENANCE_SECONDS),
      cronWorkerIntervalSeconds: 2,
    });
    boss.on('error', (error: Error) => this.logError(error));
    // Installing pg-boss's schema and creating queues is DDL (a partition per queue): processes
    // starting at once fail on it (duplicate schema, deadlocks) unless they take turns.
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock($1)`, [SETUP_LOCK]);
      await boss.start();
      this.boss = boss;
      await this.ensureQueue(DEAD_LETTER_QUEUE, { expireInSeconds: 60, retryLimit: 0, retryDelaySeconds: 0 }, false);
      for (const name of this.unscheduled) await boss.unschedule(name);
      for (const [name, registration] of this.registrations) await this.start(name, registration);
    } finally {
      // A lost connection has released the lock already; nothing more to undo then.
      await lock.query(`SELECT pg_advisory_unlock($1)`, [SETUP_LOCK]).catch(() => undefined);
      await lock.release();
    }
  }

  // Before the database connections close: a running job gets STOP_TIMEOUT_MS to finish; after
  // that pg-boss hands it back (failed → retried by whichever process is up), and the import's
  // transaction rolls back with the connection.
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, close: false });
  }

  /** Resolves when no job of this process's queues is waiting or running (tests and the benchmark). */
  async drain(): Promise<void> {
    const names = [...this.registrations].filter(([, r]) => !r.cron).map(([name]) => name);
    for (;;) {
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = ANY($1::text[]) AND state < 'completed'`,
        [names],
      );
      if (n === 0) return;
      for (const name of names) this.wake(name);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Jobs that failed for good (retries used up) in the last 7 days, newest first: no payload. */
  async failed(limit = 100): Promise<FailedJob[]> {
    const rows: Array<{
      id: string;
      name: string;
      retry_count: number;
      created_on: Date;
      completed_on: Date | null;
      output: { message?: string } | null;
    }> = await this.dataSource.query(
      `SELECT id, name, retry_count, created_on, completed_on, output FROM ${JOBS_SCHEMA}.job WHERE state = 'failed'
       UNION ALL
       SELECT id, name, retry_count, created_on, completed_on, output FROM ${JOBS_SCHEMA}.archive WHERE state = 'failed'
       ORDER BY completed_on DESC NULLS LAST LIMIT $1`,
      [limit],
    );
    return rows
      .filter((r) => !r.name.startsWith('__pgboss'))
      .map((r) => ({
        id: r.id,
        queue: r.name,
        createdAt: r.created_on.toISOString(),
        failedAt: r.completed_on?.toISOString() ?? null,
        attempts: r.retry_count + 1,
        error: String(r.output?.message ?? '').slice(0, MAX_ERROR_LENGTH),
      }));
  }

  // Every worker's poll fails while the database is away: one line per ERROR_LOG_MS, with a count.
  // The error's type only (messages may quote data).
  private logError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < ERROR_LOG_MS) {
      this.suppressedErrors++;
      return;
    }
    this.logger.warn({ err: { type: error?.constructor?.name }, suppressed: this.suppressedErrors }, 'Job queue error');
    this.lastErrorLog = now;
    this.suppressedErrors = 0;
  }

  private async add(name: string, registration: Registration): Promise<void> {
    this.registrations.set(name, registration);
    if (this.boss) await this.start(name, registration);
  }

  private async start(name: string, registration: Registration): Promise<void> {
    const boss = this.boss as PgBoss;
    await this.ensureQueue(name, registration.settings, true);
    if (registration.cron) await boss.schedule(name, registration.cron, {}, { tz: 'Europe/Copenhagen' });
    registration.workerId = await boss.work<Record<string, unknown>>(
      name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: POLL_SECONDS },
      async ([job]) => this.run(name, registration, job),
    );
  }

  private async ensureQueue(name: string, settings: QueueSettings, withDeadLetter: boolean): Promise<void> {
    const boss = this.boss as PgBoss;
    const options: PgBoss.Queue = {
      name,
      expireInSeconds: settings.expireInSeconds,
      retryLimit: settings.retryLimit,
      retryDelay: settings.retryDelaySeconds,
      retryBackoff: settings.retryDelaySeconds > 0,
      ...(withDeadLetter ? { deadLetter: DEAD_LETTER_QUEUE } : {}),
    };
    if (!(await boss.getQueue(name))) {
      try {
        await boss.createQueue(name, options);
        return;
      } catch (error) {
        // Another process created it in the meantime; fall through to the update.
        if (!(await boss.getQueue(name))) throw error;
      }
    }
    await boss.updateQueue(name, options);
  }

  private async run(
    name: string,
    registration: Registration,
    job: PgBoss.JobWithMetadata<Record<string, unknown>>,
  ): Promise<void> {
    const isLastAttempt = job.retryCount >= job.retryLimit;
    const tracked = !registration.cron;
    if (tracked) {
      await this.dataSource.query(
        `UPDATE job SET status = 'running', started_at = now(), attempts = attempts + 1, error = NULL WHERE id = $1`,
        [job.id],
      );
    }
    try {
      await registration.handler({
        jobId: job.id,
        payload: job.data ?? {},
        isLastAttempt,
        progress: async (done, total) => {
          if (!tracked) return;
          await this.dataSource.query(`UPDATE job SET progress_done = $2, progress_total = $3 WHERE id = $1`, [
            job.id,
            done,
            total,
          ]);
        },
      });
      if (tracked) {
        await this.dataSource.query(`UPDATE job SET status = 'done', finished_at = now() WHERE id = $1`, [job.id]);
      }
    } catch (error) {
      const failure = new JobFailure(error);
      this.logger.error(
        { jobId: job.id, queue: name, attempt: job.retryCount + 1, err: { type: failure.message } },
        isLastAttempt ? 'Job failed; dead-lettered' : 'Job failed; will be retried',
      );
      if (tracked) {
        // Best effort: the database may be what failed; pg-boss still records the failure.
        await this.dataSource
          .query(`UPDATE job SET status = $2, finished_at = now(), error = $3 WHERE id = $1`, [
            job.id,
            isLastAttempt ? 'failed' : 'queued',
            failure.message,
          ])
          .catch(() => undefined);
      }
      throw failure;
    }
  }
}
