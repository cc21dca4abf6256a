import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts are created (and reset) by a one-time activation link instead of a password the admin chose:
 * a new or reset user has no password hash until they set one through the link. Privileged changes to
 * accounts (created, activated, link issued, role, teams, active) go to an append-only log for the DPO.
 * A session's must-change flag is part of the cached session, so its change notifies the cache too.
 */
export class AccountActivationAndPrivilegedChanges1796200000000 implements MigrationInterface {
  name = 'AccountActivationAndPrivilegedChanges1796200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL`);
    await q.query(
      `COMMENT ON COLUMN app_user.password_hash IS 'argon2id; NULL until the user sets a password through an activation link'`,
    );
    await q.query(`ALTER TABLE app_user ADD COLUMN activated_at timestamptz`);
    await q.query(`UPDATE app_user SET activated_at = created_at`);
    await q.query(
      `COMMENT ON COLUMN app_user.activated_at IS 'When the user first set their own password through an activation link'`,
    );
    await q.query(`
      CREATE TABLE account_activation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        issued_by_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT uq_account_activation_token UNIQUE (token_hash)
      )`);
    await q.query(`CREATE INDEX ix_account_activation_user ON account_activation (user_id)`);
    await q.query(
      `COMMENT ON COLUMN account_activation.token_hash IS 'sha256 of the link''s token; the token itself is shown once and never stored'`,
    );
    await q.query(`
      CREATE TABLE privileged_change (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        kind text NOT NULL,
        actor_user_id uuid,
        actor_username text NOT NULL,
        target_user_id uuid,
        target_username text NOT NULL,
        old_value jsonb,
        new_value jsonb,
        request_id text,
        client_address text,
        CONSTRAINT ck_privileged_change_kind CHECK (kind IN ('user_created','user_activated','activation_issued',
          'role_changed','teams_changed','active_changed'))
      )`);
    await q.query(
      `COMMENT ON TABLE privileged_change IS 'Append-only log of privileged changes to accounts, for the DPO; written in the transaction of the change'`,
    );
    await q.query(
      `COMMENT ON COLUMN privileged_change.occurred_at IS 'clock_timestamp(): changes in one transaction keep their order'`,
    );
    await q.query(`CREATE INDEX ix_privileged_change_occurred ON privileged_change (occurred_at DESC)`);
    await q.query(`CREATE INDEX ix_privileged_change_actor ON privileged_change (actor_user_id, occurred_at)`);
    await q.query(`CREATE INDEX ix_privileged_change_target ON privileged_change (target_user_id, occurred_at)`);
    await q.query(`
      CREATE FUNCTION privileged_change_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'privileged_change is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER tr_privileged_change_append_only BEFORE UPDATE OR DELETE ON privileged_change
      FOR EACH ROW EXECUTE FUNCTION privileged_change_append_only()`);
    await q.query(`CREATE TRIGGER tr_privileged_change_no_truncate BEFORE TRUNCATE ON privileged_change
      FOR EACH STATEMENT EXECUTE FUNCTION privileged_change_append_only()`);
    await q.query(`DROP TRIGGER tg_app_user_session_cache ON app_user`);
    await q.query(`CREATE TRIGGER tg_app_user_session_cache AFTER UPDATE OF username, role, is_active, partner_organisation_id,
      boligorganisation_id, must_change_password OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_app_user_session_cache ON app_user`);
    await q.query(`CREATE TRIGGER tg_app_user_session_cache AFTER UPDATE OF username, role, is_active, partner_organisation_id,
      boligorganisation_id OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
    await q.query(`DROP TABLE privileged_change`);
    await q.query(`DROP FUNCTION privileged_change_append_only()`);
    await q.query(`DROP TABLE account_activation`);
    await q.query(`ALTER TABLE app_user DROP COLUMN activated_at`);
    // A user who never activated gets an unusable hash (argon2 verify fails on it).
    await q.query(`UPDATE app_user SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE app_user ALTER COLUMN password_hash SET NOT NULL`);
    await q.query(`COMMENT ON COLUMN app_user.password_hash IS 'argon2id'`);
  }
}
