import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One resident identity per CPR number for the whole installation (ADR 0006): `person_identity`
 * holds the blind index once; each team keeps its own `person` row linked to it. The global unique
 * index on person.cpr_blind_index (which answered 409 across teams, revealing that another team knew
 * the resident) becomes unique per team.
 */
export class CreatePersonIdentity1796300000000 implements MigrationInterface {
  name = 'CreatePersonIdentity1796300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_identity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cpr_blind_index text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_person_identity_cpr UNIQUE (cpr_blind_index)
      )`);
    await q.query(
      `COMMENT ON TABLE person_identity IS 'One resident per CPR number across all teams; each team has its own person row linked here'`,
    );
    await q.query(`ALTER TABLE person ADD COLUMN identity_id uuid REFERENCES person_identity(id) ON DELETE RESTRICT`);
    await q.query(
      `COMMENT ON COLUMN person.identity_id IS 'The installation-wide resident (set when a CPR number is known); never shown to another team'`,
    );
    await q.query(
      `INSERT INTO person_identity (cpr_blind_index)
       SELECT DISTINCT cpr_blind_index FROM person WHERE cpr_blind_index IS NOT NULL`,
    );
    await q.query(
      `UPDATE person p SET identity_id = i.id FROM person_identity i WHERE i.cpr_blind_index = p.cpr_blind_index`,
    );
    await q.query(`CREATE INDEX ix_person_identity ON person (identity_id) WHERE identity_id IS NOT NULL`);
    await q.query(
      `ALTER TABLE person ADD CONSTRAINT ck_person_identity CHECK ((identity_id IS NULL) = (cpr_blind_index IS NULL))`,
    );
    await q.query(`DROP INDEX uq_person_cpr`);
    await q.query(
      `CREATE UNIQUE INDEX uq_person_team_cpr ON person (team_id, cpr_blind_index) WHERE cpr_blind_index IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    // Refuses (unique violation) while two teams hold the same CPR number: merge or clear them first.
    await q.query(`DROP INDEX uq_person_team_cpr`);
    await q.query(`CREATE UNIQUE INDEX uq_person_cpr ON person (cpr_blind_index) WHERE cpr_blind_index IS NOT NULL`);
    await q.query(`ALTER TABLE person DROP CONSTRAINT ck_person_identity`);
    await q.query(`DROP INDEX ix_person_identity`);
    await q.query(`ALTER TABLE person DROP COLUMN identity_id`);
    await q.query(`DROP TABLE person_identity`);
  }
}
