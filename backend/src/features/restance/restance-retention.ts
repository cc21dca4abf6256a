import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, AppConfig } from '../../config/config';
import { JobsService } from '../jobs/jobs.service';

export const RETENTION_SCHEDULE = 'restance-retention';

export interface PurgeResult {
  /** Lists whose raw file went and whose unconverted rows were anonymised. */
  lists: number;
  /** Rows anonymised. */
  rows: number;
  /** Failed or unchanged uploads whose raw file went. */
  uploads: number;
}

/**
 * Pre-consent data minimisation (domain brief §4.2): the restanceliste names tenants who never asked
 * for help. Once a list is older than RESTANCE_RETENTION_MONTHS and a newer list of its
 * boligorganisation has replaced it, its raw file is deleted and its rows that never became a case
 * lose what identifies the tenant: names, address, lejemålsnummer and tenancy, the raw line and its
 * errors. What the reports count stays: afdeling, amounts, months, dates, change, outreach and
 * assignee. Rows linked to a case are kept whole (they are part of the case). Uploads that failed
 * or changed nothing lose their file after the same time.
 */
@Injectable()
export class RestanceRetention implements OnModuleInit {
  private readonly logger = new Logger(RestanceRetention.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Hourly, once across all processes (a pg-boss schedule); each list is purged once, SKIP LOCKED. */
  async onModuleInit(): Promise<void> {
    const months = this.config.RESTANCE_RETENTION_MONTHS;
    if (!months) {
      this.jobs.unschedule(RETENTION_SCHEDULE);
      return;
    }
    await this.jobs.schedule(
      RETENTION_SCHEDULE,
      this.config.JOBS_RETENTION_CRON,
      async () => {
        const r = await this.purgeDue(months);
        if (r.lists || r.uploads) this.logger.log({ ...r }, 'Restance lists past retention purged');
      },
      { expireInSeconds: 15 * 60, retryLimit: 2, retryDelaySeconds: 60 },
    );
  }

  /** Purges what is due on `today` (default: the database's current date), in one transaction. */
  async purgeDue(months: number, today?: string): Promise<PurgeResult> {
    return this.dataSource.transaction(async (em) => {
      const cutoff = `(coalesce($2::date, current_date) - make_interval(months => $1::int))`;
      const lists: Array<{ id: string }> = await em.query(
        `SELECT i.id FROM restance_import i
          WHERE i.status = 'committed' AND i.purged_at IS NULL AND i.list_date < ${cutoff}
            AND EXISTS (SELECT 1 FROM restance_import n WHERE n.boligorganisation_id = i.boligorganisation_id
                          AND n.status = 'committed'
                          AND (n.list_date > i.list_date OR (n.list_date = i.list_date AND n.committed_at > i.committed_at)))
          ORDER BY i.id FOR UPDATE OF i SKIP LOCKED`,
        [months, today ?? null],
      );
      const ids = lists.map((l) => l.id);
      let rows = 0;
      if (ids.length) {
        const [, count] = await em.query(
          `UPDATE restance_row SET tenant_names = '', address = NULL, remarks = NULL, raw = '{}', errors = '[]',
                  lejemaalsnummer = '', lejemaal_id = NULL, row_key = 'anonymiseret:' || id
            WHERE import_id = ANY($1::uuid[]) AND case_id IS NULL`,
          [ids],
        );
        rows = count as number;
        await em.query(
          `UPDATE restance_import SET file_content = NULL, errors = '[]', purged_at = now() WHERE id = ANY($1::uuid[])`,
          [ids],
        );
      }
      const [, uploads] = await em.query(
        `UPDATE restance_import SET file_content = NULL, errors = '[]', purged_at = now()
          WHERE status IN ('failed', 'unchanged') AND purged_at IS NULL AND created_at::date < ${cutoff}`,
        [months, today ?? null],
      );
      return { lists: ids.length, rows, uploads: uploads as number };
    });
  }
}
