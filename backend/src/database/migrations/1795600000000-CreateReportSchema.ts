import { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned indicator definitions and stored reports; the first contact on a restanceliste row. */
export class CreateReportSchema1795600000000 implements MigrationInterface {
  name = 'CreateReportSchema1795600000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_definition (
        key text NOT NULL CONSTRAINT ck_report_definition_key CHECK (key IN ('undgaaet_udsaettelse')),
        version integer NOT NULL CONSTRAINT ck_report_definition_version CHECK (version >= 1),
        description text NOT NULL,
        rule jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, version)
      )`);
    await q.query(`COMMENT ON TABLE report_definition IS 'Append-only: a changed definition is a new version'`);
    await q.query(`
      CREATE FUNCTION report_definition_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report_definition is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_report_definition_append_only BEFORE UPDATE OR DELETE ON report_definition
      FOR EACH ROW EXECUTE FUNCTION report_definition_append_only()`);
    await q.query(
      `INSERT INTO report_definition (key, version, description, rule) VALUES ('undgaaet_udsaettelse', 1, $1, $2)`,
      [
        'Involveret: udsættelsessager der har nået påkrav eller et senere trin og var åbne i perioden. ' +
          'Undgået: afsluttet i perioden med et "undgået"-udfald godkendt af en teamleder. Fastholdt efter 6 måneder.',
        JSON.stringify({
          involvedMinStage: 'paakrav',
          avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'],
          requireApproval: true,
          sustainedMonths: 6,
        }),
      ],
    );
    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text CONSTRAINT ck_report_title CHECK (length(title) <= 200),
        period_from date NOT NULL,
        period_to date NOT NULL,
        scope_type text NOT NULL CONSTRAINT ck_report_scope CHECK (scope_type IN ('team','helhedsplan','afdeling','boligorganisation','alle')),
        scope_id uuid,
        scope_name text NOT NULL,
        team_ids uuid[] NOT NULL,
        audience text NOT NULL CONSTRAINT ck_report_audience CHECK (audience IN ('intern','ekstern')),
        parameters jsonb NOT NULL,
        definitions jsonb NOT NULL,
        result jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_report_period CHECK (period_to >= period_from)
      )`);
    await q.query(
      `COMMENT ON TABLE report IS 'A generated report: its numbers, the definition versions and parameters it used'`,
    );
    await q.query(`CREATE INDEX ix_report_created ON report (created_at DESC)`);
    await q.query(`ALTER TABLE restance_row ADD COLUMN first_contact_at timestamptz`);
    // Indexes for the period aggregates (no loops over entities).
    await q.query(`CREATE INDEX ix_eviction_decided ON eviction_case (decided_at) WHERE decided_at IS NOT NULL`);
    await q.query(`CREATE INDEX ix_sag_opened ON sag (opened_at)`);
    await q.query(`CREATE INDEX ix_contact_attempt_occurred ON contact_attempt (occurred_at)`);
    await q.query(`CREATE INDEX ix_referral_sent ON referral (sent_at) WHERE sent_at IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_referral_sent`);
    await q.query(`DROP INDEX ix_contact_attempt_occurred`);
    await q.query(`DROP INDEX ix_sag_opened`);
    await q.query(`DROP INDEX ix_eviction_decided`);
    await q.query(`ALTER TABLE restance_row DROP COLUMN first_contact_at`);
    await q.query(`DROP TABLE report`);
    await q.query(`DROP TABLE report_definition`);
    await q.query(`DROP FUNCTION report_definition_append_only()`);
  }
}
