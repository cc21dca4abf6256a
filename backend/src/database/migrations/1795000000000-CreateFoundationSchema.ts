import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundationSchema1795000000000 implements MigrationInterface {
  name = 'CreateFoundationSchema1795000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE boligorganisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        cvr text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_boligorganisation_name UNIQUE (name)
      )`);
    await q.query(`COMMENT ON COLUMN boligorganisation.cvr IS 'Danish CVR number of the housing association'`);
    await q.query(`
      CREATE TABLE afdeling (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        boligorganisation_id uuid NOT NULL REFERENCES boligorganisation(id) ON DELETE RESTRICT,
        afdelingsnummer text NOT NULL,
        name text NOT NULL,
        CONSTRAINT uq_afdeling_nummer UNIQUE (boligorganisation_id, afdelingsnummer)
      )`);
    await q.query(`
      CREATE TABLE partner_organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        type text NOT NULL,
        kommune text NOT NULL,
        CONSTRAINT uq_partner_organisation_name UNIQUE (kommune, name)
      )`);
    await q.query(`
      CREATE TABLE team (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        is_active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_team_name ON team (lower(name))`);
    await q.query(`
      CREATE TABLE team_afdeling (
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        afdeling_id uuid NOT NULL REFERENCES afdeling(id) ON DELETE RESTRICT,
        PRIMARY KEY (team_id, afdeling_id)
      )`);
    await q.query(`CREATE INDEX ix_team_afdeling_afdeling ON team_afdeling (afdeling_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        email text,
        role text NOT NULL,
        password_hash text NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        must_change_password boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'da',
        partner_organisation_id uuid REFERENCES partner_organisation(id) ON DELETE RESTRICT,
        last_login_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_app_user_username UNIQUE (username),
        CONSTRAINT ck_app_user_username_lower CHECK (username = lower(username)),
        CONSTRAINT ck_app_user_role CHECK (role IN ('social_vicevaert','beboerraadgiver','oekonomisk_raadgiver',
          'teamleder','kommunal_partner','boligorganisation','admin','dpo')),
        CONSTRAINT ck_app_user_partner CHECK ((role = 'kommunal_partner') = (partner_organisation_id IS NOT NULL))
      )`);
    await q.query(`COMMENT ON COLUMN app_user.password_hash IS 'argon2id'`);
    await q.query(`
      CREATE TABLE user_team (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES team(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, team_id)
      )`);
    await q.query(`CREATE INDEX ix_user_team_team ON user_team (team_id)`);
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text,
        client_address text,
        CONSTRAINT uq_user_session_token UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX ix_user_session_user ON user_session (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE login_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username_key text NOT NULL,
        client_address text,
        succeeded boolean NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_login_attempt_username ON login_attempt (username_key, attempted_at)`);
    await q.query(`CREATE INDEX ix_login_attempt_address ON login_attempt (client_address, attempted_at)`);
    await q.query(`
      CREATE TABLE access_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_username text,
        actor_role text,
        action text NOT NULL,
        subject_type text,
        subject_id uuid,
        search_criterion text,
        purpose text NOT NULL,
        request_id text,
        client_address text
      )`);
    await q.query(`CREATE INDEX ix_access_log_occurred ON access_log (occurred_at DESC)`);
    await q.query(`CREATE INDEX ix_access_log_subject ON access_log (subject_type, subject_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_access_log_actor ON access_log (actor_user_id, occurred_at)`);
    await q.query(`
      CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'access_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_access_log_append_only BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`);
    await q.query(`
      CREATE TRIGGER tr_access_log_no_truncate BEFORE TRUNCATE ON access_log
      FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE access_log`);
    await q.query(`DROP FUNCTION access_log_append_only()`);
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE user_team`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE team_afdeling`);
    await q.query(`DROP TABLE team`);
    await q.query(`DROP TABLE partner_organisation`);
    await q.query(`DROP TABLE afdeling`);
    await q.query(`DROP TABLE boligorganisation`);
  }
}
