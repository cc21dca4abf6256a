import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can end a session or change what it may see (revocation, expiry, deactivation,
 * role, organisation, team membership, team deactivation) notifies `bofast_session` when it commits,
 * with the user's id as payload ('*' for all users), whichever process or tool made it. Each Bofast
 * process listens and forgets its cached sessions for that user (see SessionCache).
 */
export class SessionCacheNotify1795900000000 implements MigrationInterface {
  name = 'SessionCacheNotify1795900000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'team' THEN
          PERFORM pg_notify('bofast_session', '*');
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('bofast_session', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('bofast_session', OLD.user_id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('bofast_session', NEW.user_id::text); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    // Any change to a session row, touching included (once a minute per active session at most).
    await q.query(`CREATE TRIGGER tg_user_session_cache AFTER UPDATE OR DELETE ON user_session
      FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
    await q.query(`CREATE TRIGGER tg_app_user_session_cache AFTER UPDATE OF username, role, is_active, partner_organisation_id,
      boligorganisation_id OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
    await q.query(`CREATE TRIGGER tg_user_team_session_cache AFTER INSERT OR UPDATE OR DELETE ON user_team
      FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
    await q.query(`CREATE TRIGGER tg_team_session_cache AFTER UPDATE OF is_active OR DELETE ON team
      FOR EACH ROW EXECUTE FUNCTION session_cache_notify()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tg_team_session_cache ON team`);
    await q.query(`DROP TRIGGER tg_user_team_session_cache ON user_team`);
    await q.query(`DROP TRIGGER tg_app_user_session_cache ON app_user`);
    await q.query(`DROP TRIGGER tg_user_session_cache ON user_session`);
    await q.query(`DROP FUNCTION session_cache_notify()`);
  }
}
