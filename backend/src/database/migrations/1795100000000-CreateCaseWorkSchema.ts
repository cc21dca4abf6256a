import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaseWorkSchema1795100000000 implements MigrationInterface {
  name = 'CreateCaseWorkSchema1795100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE lejemaal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        afdeling_id uuid NOT NULL REFERENCES afdeling(id) ON DELETE RESTRICT,
        address text NOT NULL,
        lejemaalsnummer text NOT NULL,
        move_in_date date,
        status text NOT NULL DEFAULT 'aktiv'
          CONSTRAINT ck_lejemaal_status CHECK (status IN ('aktiv','opsagt','ophaevet','fraflyttet','udsat')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_lejemaal_nummer UNIQUE (afdeling_id, lejemaalsnummer)
      )`);
    await q.query(`CREATE INDEX ix_lejemaal_address_trgm ON lejemaal USING gin (address gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_lejemaal_nummer ON lejemaal (lejemaalsnummer)`);
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
        name text NOT NULL,
        birth_year integer CONSTRAINT ck_person_birth_year CHECK (birth_year BETWEEN 1900 AND 2100),
        phone text,
        sms_preferred boolean NOT NULL DEFAULT true,
        email text,
        preferred_language text,
        interpreter_needed boolean NOT NULL DEFAULT false,
        communication_preference text CONSTRAINT ck_person_comm CHECK (communication_preference IN ('skriftlig','mundtlig')),
        cpr_encrypted bytea,
        cpr_blind_index text,
        cpr_masked text,
        created_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_person_cpr_complete CHECK ((cpr_encrypted IS NULL) = (cpr_blind_index IS NULL))
      )`);
    await q.query(
      `COMMENT ON COLUMN person.cpr_encrypted IS 'AES-256-GCM: version byte, 12-byte IV, 16-byte tag, ciphertext'`,
    );
    await q.query(
      `COMMENT ON COLUMN person.cpr_blind_index IS 'HMAC-SHA256 of the 10 CPR digits under a separate key; exact-match search only'`,
    );
    await q.query(`COMMENT ON COLUMN person.cpr_masked IS 'DDMMYY-xxxx: the date part only'`);
    await q.query(`CREATE UNIQUE INDEX uq_person_cpr ON person (cpr_blind_index) WHERE cpr_blind_index IS NOT NULL`);
    await q.query(`CREATE INDEX ix_person_name_trgm ON person USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX ix_person_team ON person (team_id)`);
    await q.query(`
      CREATE TABLE household (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lejemaal_id uuid REFERENCES lejemaal(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_household_lejemaal UNIQUE (lejemaal_id)
      )`);
    await q.query(`
      CREATE TABLE household_member (
        household_id uuid NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        relation text NOT NULL CONSTRAINT ck_household_member_relation CHECK (relation IN ('lejer','medlejer','barn','andet')),
        PRIMARY KEY (household_id, person_id)
      )`);
    await q.query(`CREATE INDEX ix_household_member_person ON household_member (person_id)`);
    await q.query(`
      CREATE TABLE case_type (
        code text PRIMARY KEY CONSTRAINT ck_case_type_code CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
        label_da text NOT NULL,
        label_en text NOT NULL,
        is_builtin boolean NOT NULL DEFAULT false,
        is_active boolean NOT NULL DEFAULT true
      )`);
    await q.query(`
      INSERT INTO case_type (code, label_da, label_en, is_builtin) VALUES
        ('oekonomi_restance', 'Økonomi/restance', 'Money/arrears', true),
        ('udsaettelsestruet', 'Udsættelsestruet', 'Threatened with eviction', true),
        ('nabokonflikt', 'Nabokonflikt', 'Neighbour conflict', true),
        ('mislighold', 'Mislighold', 'Neglect of the dwelling', true),
        ('social_stoette_brobygning', 'Social støtte/brobygning', 'Social support/bridge-building', true)`);
    await q.query(`
      CREATE TABLE signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
        source text NOT NULL CONSTRAINT ck_signal_source CHECK (source IN
          ('nabo','drift','udlejning','kommune','frivillig','selvhenvendelse','restanceliste','aaben_raadgivning')),
        status text NOT NULL DEFAULT 'ny' CONSTRAINT ck_signal_status CHECK (status IN
          ('ny','under_vurdering','kontaktforsoeg','konverteret','beboer_afslog','ingen_kontakt','ikke_relevant','loest_uden_sag')),
        description text NOT NULL CONSTRAINT ck_signal_description CHECK (length(description) <= 500),
        reporter text,
        lejemaal_id uuid REFERENCES lejemaal(id) ON DELETE RESTRICT,
        person_id uuid REFERENCES person(id) ON DELETE RESTRICT,
        assignee_id uuid REFERENCES app_user(id),
        received_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_signal_team_status ON signal (team_id, status, received_at DESC)`);
    await q.query(`
      CREATE TABLE sag (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number text NOT NULL,
        type text NOT NULL REFERENCES case_type(code),
        status text NOT NULL DEFAULT 'oprettet' CONSTRAINT ck_sag_status CHECK (status IN
          ('oprettet','aktiv','handleplan_aktiv','afventer_partner','opfoelgning','i_bero','afbrudt_af_beboer','afsluttet')),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        household_id uuid REFERENCES household(id) ON DELETE SET NULL,
        lejemaal_id uuid REFERENCES lejemaal(id) ON DELETE RESTRICT,
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE RESTRICT,
        responsible_id uuid NOT NULL REFERENCES app_user(id),
        origin_signal_id uuid REFERENCES signal(id),
        reopened_from_id uuid REFERENCES sag(id),
        tags text[] NOT NULL DEFAULT '{}',
        review_date date,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        closure_reason text CONSTRAINT ck_sag_closure_reason CHECK (closure_reason IN
          ('maal_naaet','overdraget_stabil','oensker_ikke_hjaelp','fraflyttet_frivilligt','udsat','kontakt_mistet','uden_for_maalgruppe','doed')),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_sag_case_number UNIQUE (case_number),
        CONSTRAINT ck_sag_closed CHECK ((status = 'afsluttet') = (closure_reason IS NOT NULL AND closed_at IS NOT NULL)),
        CONSTRAINT uq_sag_origin_signal UNIQUE (origin_signal_id)
      )`);
    await q.query(`COMMENT ON TABLE sag IS 'A case (Danish: sag); "case" is an SQL keyword'`);
    await q.query(`CREATE INDEX ix_sag_team_status ON sag (team_id, status, updated_at DESC)`);
    await q.query(`CREATE INDEX ix_sag_responsible ON sag (responsible_id, updated_at DESC)`);
    await q.query(`CREATE INDEX ix_sag_person ON sag (person_id)`);
    await q.query(`CREATE SEQUENCE sag_number_seq`);
    await q.query(`
      CREATE TABLE sag_coworker (
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id),
        PRIMARY KEY (sag_id, user_id)
      )`);
    await q.query(`CREATE INDEX ix_sag_coworker_user ON sag_coworker (user_id)`);
    await q.query(`
      CREATE TABLE contact_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signal_id uuid REFERENCES signal(id) ON DELETE CASCADE,
        sag_id uuid REFERENCES sag(id) ON DELETE CASCADE,
        channel text NOT NULL CONSTRAINT ck_contact_channel CHECK (channel IN ('doerbank','telefon','sms','brev','visitkort','netvaerk')),
        outcome text NOT NULL CONSTRAINT ck_contact_outcome CHECK (outcome IN ('ikke_hjemme','ingen_svar','afvist','kontakt_etableret','aftale_lavet')),
        occurred_at timestamptz NOT NULL,
        author_id uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contact_attempt_parent CHECK ((signal_id IS NULL) <> (sag_id IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_contact_attempt_signal ON contact_attempt (signal_id) WHERE signal_id IS NOT NULL`);
    await q.query(`CREATE INDEX ix_contact_attempt_sag ON contact_attempt (sag_id) WHERE sag_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE handleplan_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        text text NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_handleplan_goal_sag ON handleplan_goal (sag_id)`);
    await q.query(`
      CREATE TABLE handleplan_action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid NOT NULL REFERENCES sag(id) ON DELETE CASCADE,
        goal_id uuid REFERENCES handleplan_goal(id) ON DELETE SET NULL,
        description text NOT NULL,
        owner text NOT NULL CONSTRAINT ck_action_owner CHECK (owner IN ('beboer','medarbejder','partner')),
        owner_name text,
        due_date date,
        status text NOT NULL DEFAULT 'planlagt' CONSTRAINT ck_action_status CHECK (status IN ('planlagt','i_gang','udfoert','droppet')),
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_handleplan_action_sag ON handleplan_action (sag_id)`);
    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
        sag_id uuid REFERENCES sag(id) ON DELETE SET NULL,
        data_categories text[] NOT NULL CONSTRAINT ck_consent_categories CHECK (cardinality(data_categories) > 0),
        purposes text[] NOT NULL CONSTRAINT ck_consent_purposes CHECK (cardinality(purposes) > 0),
        direction text NOT NULL CONSTRAINT ck_consent_direction CHECK (direction IN ('indhente','videregive','begge')),
        form text NOT NULL CONSTRAINT ck_consent_form CHECK (form IN ('skriftlig','mundtlig','digital')),
        witness_name text,
        interpreter_used boolean NOT NULL DEFAULT false,
        document bytea,
        document_filename text,
        document_content_type text,
        given_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawal_method text CONSTRAINT ck_consent_withdrawal_method CHECK (withdrawal_method IN ('skriftlig','mundtlig','digital')),
        withdrawal_note text,
        created_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_consent_witness CHECK (form <> 'mundtlig' OR witness_name IS NOT NULL),
        CONSTRAINT ck_consent_dates CHECK (expires_at > given_at)
      )`);
    await q.query(`CREATE INDEX ix_consent_person ON consent (person_id)`);
    await q.query(`
      CREATE TABLE consent_recipient (
        consent_id uuid NOT NULL REFERENCES consent(id) ON DELETE CASCADE,
        partner_organisation_id uuid NOT NULL REFERENCES partner_organisation(id) ON DELETE RESTRICT,
        PRIMARY KEY (consent_id, partner_organisation_id)
      )`);
    await q.query(`CREATE INDEX ix_consent_recipient_partner ON consent_recipient (partner_organisation_id)`);
    await q.query(`
      CREATE TABLE timeline_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sag_id uuid REFERENCES sag(id) ON DELETE CASCADE,
        signal_id uuid REFERENCES signal(id) ON DELETE CASCADE,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        author_id uuid REFERENCES app_user(id),
        visibility text NOT NULL DEFAULT 'team' CONSTRAINT ck_timeline_visibility CHECK (visibility IN ('team','case_members')),
        text text,
        data jsonb NOT NULL DEFAULT '{}',
        corrects_event_id uuid REFERENCES timeline_event(id),
        CONSTRAINT ck_timeline_stream CHECK (sag_id IS NOT NULL OR signal_id IS NOT NULL)
      )`);
    await q.query(
      `COMMENT ON TABLE timeline_event IS 'Append-only; corrections are new rows pointing at what they correct'`,
    );
    await q.query(
      `CREATE INDEX ix_timeline_sag ON timeline_event (sag_id, occurred_at DESC, recorded_at DESC) WHERE sag_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_timeline_signal ON timeline_event (signal_id, occurred_at DESC) WHERE signal_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_timeline_corrects ON timeline_event (corrects_event_id) WHERE corrects_event_id IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION timeline_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'timeline_event is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_timeline_event_append_only BEFORE UPDATE OR DELETE ON timeline_event
      FOR EACH ROW EXECUTE FUNCTION timeline_event_append_only()`);
    await q.query(`
      CREATE TRIGGER tr_timeline_event_no_truncate BEFORE TRUNCATE ON timeline_event
      FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE timeline_event`);
    await q.query(`DROP FUNCTION timeline_event_append_only()`);
    await q.query(`DROP TABLE consent_recipient`);
    await q.query(`DROP TABLE consent`);
    await q.query(`DROP TABLE handleplan_action`);
    await q.query(`DROP TABLE handleplan_goal`);
    await q.query(`DROP TABLE contact_attempt`);
    await q.query(`DROP TABLE sag_coworker`);
    await q.query(`DROP SEQUENCE sag_number_seq`);
    await q.query(`DROP TABLE sag`);
    await q.query(`DROP TABLE signal`);
    await q.query(`DROP TABLE case_type`);
    await q.query(`DROP TABLE household_member`);
    await q.query(`DROP TABLE household`);
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE lejemaal`);
  }
}
