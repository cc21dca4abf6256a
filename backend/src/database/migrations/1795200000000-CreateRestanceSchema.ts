import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRestanceSchema1795200000000 implements MigrationInterface {
  name = 'CreateRestanceSchema1795200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE app_user ADD COLUMN boligorganisation_id uuid REFERENCES boligorganisation(id) ON DELETE RESTRICT`,
    );
    await q.query(
      `COMMENT ON COLUMN app_user.boligorganisation_id IS 'For the boligorganisation role: whose lists the user may upload'`,
    );
    await q.query(`
      CREATE TABLE job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CONSTRAINT ck_job_status CHECK (status IN ('queued','running','done','failed')),
        payload jsonb NOT NULL DEFAULT '{}',
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer NOT NULL DEFAULT 0,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(
      `COMMENT ON TABLE job IS 'PostgreSQL-backed job queue; workers claim rows with FOR UPDATE SKIP LOCKED'`,
    );
    await q.query(`CREATE INDEX ix_job_queued ON job (created_at) WHERE status = 'queued'`);
    await q.query(`
      CREATE TABLE import_profile (
        boligorganisation_id uuid PRIMARY KEY REFERENCES boligorganisation(id) ON DELETE CASCADE,
        aliases jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE restance_import (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        boligorganisation_id uuid NOT NULL REFERENCES boligorganisation(id) ON DELETE RESTRICT,
        list_date date NOT NULL,
        filename text NOT NULL,
        file_hash text NOT NULL,
        file_content bytea NOT NULL,
        status text NOT NULL DEFAULT 'queued'
          CONSTRAINT ck_restance_import_status CHECK (status IN ('queued','running','committed','unchanged','failed')),
        counts jsonb,
        errors jsonb NOT NULL DEFAULT '[]',
        error text,
        job_id uuid REFERENCES job(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        committed_at timestamptz
      )`);
    await q.query(
      `COMMENT ON COLUMN restance_import.file_content IS 'The raw file as uploaded, kept for audit and re-processing'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_restance_import_file ON restance_import (boligorganisation_id, file_hash) WHERE status = 'committed'`,
    );
    await q.query(
      `CREATE INDEX ix_restance_import_bo ON restance_import (boligorganisation_id, list_date DESC) WHERE status = 'committed'`,
    );
    await q.query(`
      CREATE TABLE restance_row (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        import_id uuid NOT NULL REFERENCES restance_import(id) ON DELETE CASCADE,
        boligorganisation_id uuid NOT NULL REFERENCES boligorganisation(id),
        list_date date NOT NULL,
        row_number integer NOT NULL,
        row_key text NOT NULL,
        accepted boolean NOT NULL,
        errors jsonb NOT NULL DEFAULT '[]',
        raw jsonb NOT NULL DEFAULT '{}',
        afdeling_id uuid REFERENCES afdeling(id),
        lejemaal_id uuid REFERENCES lejemaal(id),
        afdelingsnummer text NOT NULL DEFAULT '',
        lejemaalsnummer text NOT NULL DEFAULT '',
        tenant_names text NOT NULL DEFAULT '',
        address text,
        amount numeric(12,2),
        previous_amount numeric(12,2),
        months integer,
        oldest_due_date date,
        paakrav_date date,
        ophaevelse_date date,
        has_agreement boolean NOT NULL DEFAULT false,
        remarks text,
        change text CONSTRAINT ck_restance_row_change CHECK (change IN ('ny','steget','faldet','uaendret','afviklet')),
        repeat_count integer NOT NULL DEFAULT 0,
        priority integer NOT NULL DEFAULT 0,
        reasons jsonb NOT NULL DEFAULT '[]',
        outreach_status text NOT NULL DEFAULT 'ikke_kontaktet' CONSTRAINT ck_restance_row_outreach CHECK (outreach_status IN
          ('ikke_kontaktet','forsoegt','kontakt','sag_oprettet','afslaaet','betalt_foer_kontakt','ingen_kontakt')),
        attempts integer NOT NULL DEFAULT 0,
        assignee_id uuid REFERENCES app_user(id),
        case_id uuid REFERENCES sag(id),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT ck_restance_row_accepted CHECK (NOT accepted OR (amount IS NOT NULL AND change IS NOT NULL))
      )`);
    await q.query(
      `COMMENT ON COLUMN restance_row.row_key IS 'afdeling|lejemålsnummer, lower-case: stable across months'`,
    );
    await q.query(
      `CREATE INDEX ix_restance_row_worklist ON restance_row (import_id, priority DESC, id) WHERE accepted`,
    );
    await q.query(`CREATE INDEX ix_restance_row_key ON restance_row (boligorganisation_id, row_key, list_date DESC)`);
    await q.query(`CREATE INDEX ix_restance_row_afdeling ON restance_row (afdeling_id, import_id)`);
    await q.query(`CREATE INDEX ix_restance_row_assignee ON restance_row (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE triage_weights (
        team_id uuid PRIMARY KEY REFERENCES team(id) ON DELETE CASCADE,
        weights jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE triage_weights`);
    await q.query(`DROP TABLE restance_row`);
    await q.query(`DROP TABLE restance_import`);
    await q.query(`DROP TABLE import_profile`);
    await q.query(`DROP TABLE job`);
    await q.query(`ALTER TABLE app_user DROP COLUMN boligorganisation_id`);
  }
}
