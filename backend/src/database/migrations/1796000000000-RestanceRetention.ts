import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of restancelister: once a list is past RESTANCE_RETENTION_MONTHS and a newer list has
 * replaced it, its raw file goes and its rows that never became a case are anonymised (purged_at).
 */
export class RestanceRetention1796000000000 implements MigrationInterface {
  name = 'RestanceRetention1796000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE restance_import ADD COLUMN purged_at timestamptz`);
    await q.query(`ALTER TABLE restance_import ALTER COLUMN file_content DROP NOT NULL`);
    await q.query(
      `ALTER TABLE restance_import ADD CONSTRAINT ck_restance_import_purged CHECK (purged_at IS NOT NULL OR file_content IS NOT NULL)`,
    );
    await q.query(
      `COMMENT ON COLUMN restance_import.file_content IS 'The raw file as uploaded, kept for audit and re-processing until the list is purged'`,
    );
    await q.query(
      `COMMENT ON COLUMN restance_import.purged_at IS 'When retention removed the raw file and anonymised the rows that never became a case'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE restance_import DROP CONSTRAINT ck_restance_import_purged`);
    await q.query(`UPDATE restance_import SET file_content = '\\x' WHERE file_content IS NULL`);
    await q.query(`ALTER TABLE restance_import ALTER COLUMN file_content SET NOT NULL`);
    await q.query(`ALTER TABLE restance_import DROP COLUMN purged_at`);
  }
}
