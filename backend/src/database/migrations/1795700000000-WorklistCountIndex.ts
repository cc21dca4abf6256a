import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worklist's count runs as an index-only scan: the filters it can have are all in this index
 * (visibility map kept fresh by the VACUUM after every committed list).
 */
export class WorklistCountIndex1795700000000 implements MigrationInterface {
  name = 'WorklistCountIndex1795700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX ix_restance_row_filter ON restance_row (import_id, change, afdeling_id)
         INCLUDE (paakrav_date, ophaevelse_date, outreach_status, assignee_id, boligorganisation_id) WHERE accepted`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_restance_row_filter`);
  }
}
