import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface JobContext {
  jobId: string;
  payload: Record<string, unknown>;
  /** Reports progress on its own connection, so it is visible while the job's transaction is open. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (job: JobContext) => Promise<void>;

const POLL_MS = 300;

/**
 * A small PostgreSQL-backed job queue: rows in `job`, claimed with FOR UPDATE SKIP LOCKED, so several
 * backend processes can share the work. Jobs left "running" by a crash are queued again at start.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
  }

  /**
   * Queues a job inside the caller's transaction: it starts only if that transaction commits, at the
   * next poll, or at once when the caller calls `wake()` after its commit.
   */
  async enqueue(em: EntityManager, type: string, payload: Record<string, unknown>, total = 0): Promise<string> {
    const [row] = await em.query(`INSERT INTO job (type, payload, progress_total) VALUES ($1, $2, $3) RETURNING id`, [
      type,
      JSON.stringify(payload),
      total,
    ]);
    return row.id;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(`UPDATE job SET status = 'queued', started_at = NULL WHERE status = 'running'`);
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
  }

  // Before the database connections close: the worker must finish its current job first.
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Resolves when the queue is empty (used by tests and the benchmark). */
  async drain(): Promise<void> {
    for (;;) {
      await this.running;
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM job WHERE status IN ('queued','running')`,
      );
      if (n === 0) return;
      this.kick();
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Looks for work now (after a commit that queued a job). */
  wake(): void {
    this.kick();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    this.running = this.work()
      .catch((error: unknown) => {
        // The queue itself failed (database gone?); the next tick tries again.
        this.logger.warn({ err: { type: (error as Error)?.constructor?.name } }, 'Job queue poll failed');
      })
      .finally(() => {
        this.running = null;
      });
  }

  private async work(): Promise<void> {
    while (!this.stopped) {
      // An UPDATE … RETURNING answers [rows, count] through TypeORM.
      const [claimed] = await this.dataSource.query(
        `UPDATE job SET status = 'running', started_at = now(), attempts = attempts + 1
          WHERE id = (SELECT id FROM job WHERE status = 'queued' AND type = ANY($1::text[]) ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          RETURNING id, type, payload`,
        [[...this.handlers.keys()]],
      );
      const job = (claimed as Array<{ id: string; type: string; payload: Record<string, unknown> }>)[0];
      if (!job) return;
      const handler = this.handlers.get(job.type);
      try {
        await handler?.({
          jobId: job.id,
          payload: job.payload,
          progress: async (done, total) => {
            await this.dataSource.query(`UPDATE job SET progress_done = $2, progress_total = $3 WHERE id = $1`, [
              job.id,
              done,
              total,
            ]);
          },
        });
        await this.dataSource.query(`UPDATE job SET status = 'done', finished_at = now() WHERE id = $1`, [job.id]);
      } catch (error) {
        this.logger.error(
          { jobId: job.id, type: job.type, err: { type: (error as Error)?.constructor?.name } },
          'Job failed',
        );
        await this.dataSource.query(`UPDATE job SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
          job.id,
          (error as Error)?.message?.slice(0, 500) ?? 'Ukendt fejl',
        ]);
      }
    }
  }
}
