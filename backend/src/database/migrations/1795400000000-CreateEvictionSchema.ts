import { MigrationInterface, QueryRunner } from 'typeorm';

/** Udsættelsessager (eviction cases): the case, its linked sager, and the append-only stage history. */
export class CreateEvictionSchema1795400000000 implements MigrationInterface {
  name = 'CreateEvictionSchema1795400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE eviction_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lejemaal_id uuid NOT NULL REFERENCES lejemaal(id) ON DELETE RESTRICT,
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
        ground text NOT NULL CONSTRAINT ck_eviction_ground CHECK (ground IN ('restance','god_skik_og_orden','mislighold')),
        status text NOT NULL DEFAULT 'aaben' CONSTRAINT ck_eviction_status CHECK (status IN ('aaben','afventer_godkendelse','afsluttet')),
        responsible_id uuid REFERENCES app_user(id),
        outcome text CONSTRAINT ck_eviction_outcome CHECK (outcome IN ('undgaaet_betalt','undgaaet_aftale','undgaaet_tilbagekaldt',
          'undgaaet_afvist','fraflyttet_frivilligt','gennemfoert','ukendt')),
        outcome_note text CONSTRAINT ck_eviction_outcome_note CHECK (length(outcome_note) <= 2000),
        rehousing_note text CONSTRAINT ck_eviction_rehousing_note CHECK (length(rehousing_note) <= 2000),
        proposed_by uuid REFERENCES app_user(id),
        proposed_at timestamptz,
        approved_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        returned_reason text,
        sustained_due date,
        sustained_checked_at timestamptz,
        sustained_still_resident boolean,
        sustained_source text CONSTRAINT ck_eviction_sustained_source CHECK (sustained_source IN ('restanceliste','medarbejder')),
        sustained_note text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_eviction_decided CHECK ((status = 'afsluttet') = (outcome IS NOT NULL AND decided_at IS NOT NULL)),
        CONSTRAINT ck_eviction_pending CHECK (status <> 'afventer_godkendelse' OR (outcome LIKE 'undgaaet_%' AND proposed_by IS NOT NULL)),
        CONSTRAINT ck_eviction_avoided_approved CHECK (status <> 'afsluttet' OR outcome NOT LIKE 'undgaaet_%' OR approved_by IS NOT NULL),
        CONSTRAINT ck_eviction_four_eyes CHECK (approved_by IS NULL OR approved_by <> proposed_by),
        CONSTRAINT ck_eviction_rehousing CHECK (outcome IS DISTINCT FROM 'fraflyttet_frivilligt' OR rehousing_note IS NOT NULL)
      )`);
    await q.query(
      `COMMENT ON TABLE eviction_case IS 'Udsættelsessag: one open per lejemål; "undgået" outcomes count only when approved'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_eviction_open_per_lejemaal ON eviction_case (lejemaal_id) WHERE status <> 'afsluttet'`,
    );
    await q.query(`CREATE INDEX ix_eviction_team_status ON eviction_case (team_id, status)`);
    await q.query(`CREATE INDEX ix_eviction_responsible ON eviction_case (responsible_id) WHERE status <> 'afsluttet'`);
    await q.query(`
      CREATE TABLE eviction_case_sag (
        eviction_case_id uuid NOT NULL REFERENCES eviction_case(id) ON DELETE CASCADE,
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        linked_by uuid REFERENCES app_user(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (eviction_case_id, sag_id)
      )`);
    await q.query(`CREATE INDEX ix_eviction_case_sag_sag ON eviction_case_sag (sag_id)`);
    await q.query(`
      CREATE TABLE eviction_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        eviction_case_id uuid NOT NULL REFERENCES eviction_case(id) ON DELETE CASCADE,
        stage text NOT NULL CONSTRAINT ck_eviction_stage CHECK (stage IN ('restance','rykker','paakrav','ophaevelse',
          'kommune_underrettet','begaering_indgivet','retsmoede','udsaettelse_berammet')),
        stage_date date NOT NULL,
        stage_time time,
        amount numeric(12,2) CONSTRAINT ck_eviction_stage_amount CHECK (amount >= 0),
        source text NOT NULL CONSTRAINT ck_eviction_stage_source CHECK (source IN ('restanceliste','brev','beboer','medarbejder')),
        source_import_id uuid REFERENCES restance_import(id) ON DELETE SET NULL,
        notified_by text CONSTRAINT ck_eviction_notified_by CHECK (notified_by IN ('boligorganisation','fogedretten','team')),
        channel text CONSTRAINT ck_eviction_channel CHECK (channel IN ('digital_post','brev','mail','telefon','moede')),
        move_out_date date,
        note text CONSTRAINT ck_eviction_stage_note CHECK (length(note) <= 1000),
        out_of_order boolean NOT NULL DEFAULT false,
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_eviction_kommune CHECK (stage <> 'kommune_underrettet' OR (notified_by IS NOT NULL AND channel IS NOT NULL))
      )`);
    await q.query(
      `COMMENT ON TABLE eviction_stage IS 'Append-only: a later entry for the same stage supersedes the earlier'`,
    );
    await q.query(`CREATE INDEX ix_eviction_stage_case ON eviction_stage (eviction_case_id, stage, recorded_at DESC)`);
    await q.query(`
      CREATE FUNCTION eviction_stage_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'eviction_stage is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_eviction_stage_append_only BEFORE UPDATE OR DELETE ON eviction_stage
      FOR EACH ROW EXECUTE FUNCTION eviction_stage_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE eviction_stage`);
    await q.query(`DROP FUNCTION eviction_stage_append_only()`);
    await q.query(`DROP TABLE eviction_case_sag`);
    await q.query(`DROP TABLE eviction_case`);
  }
}
