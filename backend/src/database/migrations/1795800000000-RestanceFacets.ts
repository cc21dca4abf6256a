import { MigrationInterface, QueryRunner } from 'typeorm';

const FACET_KEY =
  'import_id, boligorganisation_id, afdeling_id, change, has_paakrav, has_ophaevelse, outreach_status, assignee_id';
const FACET_OF = (t: string) => `${t}.import_id, ${t}.boligorganisation_id, ${t}.afdeling_id, ${t}.change,
  ${t}.paakrav_date IS NOT NULL, ${t}.ophaevelse_date IS NOT NULL, ${t}.outreach_status, ${t}.assignee_id`;

/** The facet counts' change from a statement's transition tables: +1 for a new row, -1 for an old one. */
const upsert = (tables: Array<'new_rows' | 'old_rows'>) => `
  INSERT INTO restance_facet (${FACET_KEY}, n)
  SELECT k.import_id, k.boligorganisation_id, k.afdeling_id, k.change, k.has_paakrav, k.has_ophaevelse, k.outreach_status,
         k.assignee_id, sum(k.s) FROM (
    ${tables
      .map(
        (t) =>
          `SELECT ${FACET_OF('r')}, ${t === 'new_rows' ? 1 : -1} FROM ${t} r WHERE r.accepted AND r.afdeling_id IS NOT NULL`,
      )
      .join(' UNION ALL ')}) k(${FACET_KEY}, s)
   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(k.s) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ON CONSTRAINT uq_restance_facet DO UPDATE SET n = restance_facet.n + EXCLUDED.n;`;

/**
 * Worklist counts from a summary that the database keeps itself, and a cheaper restance_row.
 *
 * - `restance_facet`: the number of accepted rows per list × afdeling × every value the worklist filters
 *   on. Statement-level triggers with transition tables keep it exact inside the writing transaction
 *   (a 50,000-row list costs one aggregate, not 50,000 updates), so the worklist's "of N rows" is a
 *   sum over a few dozen facet rows instead of a scan of the list.
 * - `uq_restance_row_key` (import_id, row_key): one row per tenancy per list, enforced; it also answers the
 *   "a newer list no longer has it" check. It replaces the (boligorganisation, row_key, list_date) index.
 * - `ix_restance_row_lejemaal`: the newest arrears of a tenancy (referrals, evictions, agreements at risk)
 *   were a scan of the whole table. It replaces the unused (afdeling_id, import_id) index.
 * - ix_restance_row_filter (the old count's index-only scan) is dropped: the facets answer the count.
 * - The row's boligorganisation and list date must be its list's: one composite foreign key instead of
 *   two single ones (half the per-row checks on a bulk insert, and a stronger rule).
 */
export class RestanceFacets1795800000000 implements MigrationInterface {
  name = 'RestanceFacets1795800000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE restance_facet (
        import_id uuid NOT NULL REFERENCES restance_import(id) ON DELETE CASCADE,
        boligorganisation_id uuid NOT NULL,
        afdeling_id uuid NOT NULL,
        change text NOT NULL,
        has_paakrav boolean NOT NULL,
        has_ophaevelse boolean NOT NULL,
        outreach_status text NOT NULL,
        assignee_id uuid,
        n integer NOT NULL,
        CONSTRAINT uq_restance_facet UNIQUE NULLS NOT DISTINCT (${FACET_KEY})
      )`);
    await q.query(
      `COMMENT ON TABLE restance_facet IS 'Accepted worklist rows counted per filter combination; kept by triggers on restance_row'`,
    );
    // One function for all three events: the rows entering a facet count +1, the rows leaving it -1, and
    // only the facets whose count changed are written, in key order (a fixed lock order, no deadlocks).
    await q.query(`
      CREATE FUNCTION restance_facet_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          ${upsert(['new_rows'])}
        ELSIF TG_OP = 'DELETE' THEN
          -- Only ever lowers existing facets (and none when the list itself is being deleted).
          UPDATE restance_facet f SET n = f.n - d.n
            FROM (SELECT ${FACET_OF('r')}, count(*)::int FROM old_rows r WHERE r.accepted AND r.afdeling_id IS NOT NULL
                   GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8) d(${FACET_KEY}, n)
           WHERE (f.import_id, f.boligorganisation_id, f.afdeling_id, f.change, f.has_paakrav, f.has_ophaevelse, f.outreach_status)
                 = (d.import_id, d.boligorganisation_id, d.afdeling_id, d.change, d.has_paakrav, d.has_ophaevelse, d.outreach_status)
             AND f.assignee_id IS NOT DISTINCT FROM d.assignee_id;
        ELSE
          ${upsert(['new_rows', 'old_rows'])}
        END IF;
        RETURN NULL;
      END $fn$`);
    await q.query(`CREATE TRIGGER tr_restance_facet_insert AFTER INSERT ON restance_row
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION restance_facet_apply()`);
    await q.query(`CREATE TRIGGER tr_restance_facet_update AFTER UPDATE ON restance_row
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION restance_facet_apply()`);
    await q.query(`CREATE TRIGGER tr_restance_facet_delete AFTER DELETE ON restance_row
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION restance_facet_apply()`);
    await q.query(`
      INSERT INTO restance_facet (${FACET_KEY}, n)
      SELECT ${FACET_OF('r')}, count(*) FROM restance_row r WHERE r.accepted AND r.afdeling_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);

    // The count was what ix_restance_row_filter was for; every list pays for an index on insert.
    await q.query(`DROP INDEX ix_restance_row_filter`);
    await q.query(`CREATE UNIQUE INDEX uq_restance_row_key ON restance_row (import_id, row_key)`);
    await q.query(`DROP INDEX ix_restance_row_key`);
    await q.query(`DROP INDEX ix_restance_row_afdeling`);
    await q.query(
      `CREATE INDEX ix_restance_row_lejemaal ON restance_row (lejemaal_id, list_date DESC) WHERE accepted AND lejemaal_id IS NOT NULL`,
    );

    await q.query(
      `ALTER TABLE restance_import ADD CONSTRAINT uq_restance_import_scope UNIQUE (id, boligorganisation_id, list_date)`,
    );
    await q.query(`ALTER TABLE restance_row DROP CONSTRAINT restance_row_import_id_fkey`);
    await q.query(`ALTER TABLE restance_row DROP CONSTRAINT restance_row_boligorganisation_id_fkey`);
    await q.query(`ALTER TABLE restance_row ADD CONSTRAINT fk_restance_row_import FOREIGN KEY (import_id, boligorganisation_id, list_date)
      REFERENCES restance_import (id, boligorganisation_id, list_date) ON DELETE CASCADE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE restance_row DROP CONSTRAINT fk_restance_row_import`);
    await q.query(`ALTER TABLE restance_row ADD CONSTRAINT restance_row_boligorganisation_id_fkey FOREIGN KEY (boligorganisation_id)
      REFERENCES boligorganisation(id)`);
    await q.query(`ALTER TABLE restance_row ADD CONSTRAINT restance_row_import_id_fkey FOREIGN KEY (import_id)
      REFERENCES restance_import(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE restance_import DROP CONSTRAINT uq_restance_import_scope`);
    await q.query(`DROP INDEX ix_restance_row_lejemaal`);
    await q.query(`CREATE INDEX ix_restance_row_afdeling ON restance_row (afdeling_id, import_id)`);
    await q.query(`CREATE INDEX ix_restance_row_key ON restance_row (boligorganisation_id, row_key, list_date DESC)`);
    await q.query(`DROP INDEX uq_restance_row_key`);
    await q.query(
      `CREATE INDEX ix_restance_row_filter ON restance_row (import_id, change, afdeling_id)
         INCLUDE (paakrav_date, ophaevelse_date, outreach_status, assignee_id, boligorganisation_id) WHERE accepted`,
    );
    await q.query(`DROP TRIGGER tr_restance_facet_delete ON restance_row`);
    await q.query(`DROP TRIGGER tr_restance_facet_update ON restance_row`);
    await q.query(`DROP TRIGGER tr_restance_facet_insert ON restance_row`);
    await q.query(`DROP FUNCTION restance_facet_apply()`);
    await q.query(`DROP TABLE restance_facet`);
  }
}
