import { DataSource } from 'typeorm';

import { dataSourceOptions, runMigrations } from '../../../backend/src/database/data-source';
import { findSchemaDrift } from './support/schema-drift';

/**
 * The entities and the migrations agree: on the migrated database TypeORM would generate no migration,
 * every table has an entity, and what entities cannot express is exactly the allow-list
 * (backend/src/database/schema-drift-allow-list.ts). See docs/database.md.
 */
describe('schema drift', () => {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through tests/api/jest.config.cjs');

  it('the entities and the migrated schema agree', async () => {
    await runMigrations(url);
    const ds = await new DataSource(dataSourceOptions(url)).initialize();
    try {
      expect(await findSchemaDrift(ds)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  describe('fails on drift', () => {
    // A database of its own, migrated, then changed behind the entities' back.
    const scratchName = `bofast_drift_probe_${process.pid}`;
    const scratchUrl = new URL(url);
    scratchUrl.pathname = `/${scratchName}`;
    /** Runs one statement on the server's maintenance database. */
    const admin = async (sql: string) => {
      const u = new URL(url);
      u.pathname = '/postgres';
      const a = await new DataSource({ type: 'postgres', url: u.toString() }).initialize();
      try {
        await a.query(sql);
      } finally {
        await a.destroy();
      }
    };
    let ds: DataSource;

    beforeAll(async () => {
      await admin(`DROP DATABASE IF EXISTS ${scratchName}`);
      await admin(`CREATE DATABASE ${scratchName}`);
      await runMigrations(scratchUrl.toString());
      ds = await new DataSource(dataSourceOptions(scratchUrl.toString())).initialize();
    });

    afterAll(async () => {
      await ds?.destroy();
      await admin(`DROP DATABASE IF EXISTS ${scratchName}`);
    });

    it('starts from no drift', async () => {
      expect(await findSchemaDrift(ds)).toEqual([]);
    });

    it('reports what the database has and the entities do not say', async () => {
      await ds.query(`ALTER TABLE visit ALTER COLUMN location_type DROP NOT NULL`);
      await ds.query(`ALTER TABLE job ADD COLUMN drift_probe text`);
      await ds.query(`CREATE TABLE drift_probe (id uuid PRIMARY KEY)`);
      await ds.query(`CREATE INDEX ix_drift_probe ON sag (review_date)`);
      await ds.query(`ALTER TABLE task DROP CONSTRAINT ck_task_status`);
      await ds.query(`ALTER TABLE task ADD CONSTRAINT ck_task_status CHECK (status <> '')`);
      await ds.query(`DROP INDEX ix_job_queued`);
      await ds.query(`CREATE INDEX ix_job_queued ON job (created_at) WHERE status = 'failed'`);
      await ds.query(
        `CREATE TRIGGER tr_drift_probe BEFORE UPDATE ON access_log FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`,
      );
      await ds.query(`DROP INDEX ix_visit_sag`);
      await ds.query(`CREATE SEQUENCE drift_probe_seq`);
      await ds.query(`COMMENT ON COLUMN sag.tags IS 'drift probe'`);

      const problems = await findSchemaDrift(ds);
      const expected = [
        /^migration:generate would write: ALTER TABLE "visit" ALTER COLUMN "location_type" SET NOT NULL$/,
        /^migration:generate would write: ALTER TABLE "job" DROP COLUMN "drift_probe"$/,
        /^migration:generate would write: DROP INDEX "public"\."ix_drift_probe"$/,
        /^migration:generate would write: COMMENT ON COLUMN "sag"\."tags" IS NULL$/,
        /^table not in the entities or the allow-list: drift_probe$/,
        /^check ck_task_status: the database has CHECK \(\(status <> ''::text\)\)/,
        /^index ix_job_queued: the database has WHERE \(status = 'failed'::text\)/,
        /^trigger not in the entities or the allow-list: access_log\.tr_drift_probe$/,
        /^unsynchronised index visit\.ix_visit_sag is not in the database$/,
        /^sequence not in the entities or the allow-list: drift_probe_seq$/,
      ];
      for (const e of expected) expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(e)]));
    });

    it('reports what the entities say and the database does not have', async () => {
      const other = await new DataSource(dataSourceOptions(scratchUrl.toString())).initialize();
      try {
        const column = other.getMetadata('sag').findColumnWithDatabaseName('case_number');
        if (!column) throw new Error('sag.case_number has no column metadata');
        column.isNullable = true;
        expect(await findSchemaDrift(other)).toEqual(
          expect.arrayContaining([
            'migration:generate would write: ALTER TABLE "sag" ALTER COLUMN "case_number" DROP NOT NULL',
          ]),
        );
      } finally {
        await other.destroy();
      }
    });
  });
});
