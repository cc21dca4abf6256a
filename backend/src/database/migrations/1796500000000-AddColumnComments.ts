import { MigrationInterface, QueryRunner } from 'typeorm';

/** The column comments the entities already carried reach the database (first migration generated from the entities). */
const COMMENTS: Array<[table: string, column: string, comment: string]> = [
  ['afdeling', 'afdelingsnummer', 'The afdeling number used by the boligorganisation'],
  ['app_user', 'username', 'Login name, stored lower-case; unique'],
  ['app_user', 'version', 'Optimistic-concurrency version, bumped on every update'],
  ['login_attempt', 'username_key', 'Lower-cased username as typed'],
  ['partner_organisation', 'version', 'Optimistic-concurrency version, bumped on every update'],
  ['team', 'version', 'Optimistic-concurrency version, bumped on every update'],
  ['user_session', 'csrf_token', 'Synchroniser token the client echoes in X-XSRF-TOKEN'],
  ['user_session', 'expires_at', 'Absolute lifetime'],
  ['user_session', 'token_hash', 'SHA-256 of the session cookie value'],
];

export class AddColumnComments1796500000000 implements MigrationInterface {
  name = 'AddColumnComments1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const [table, column, comment] of COMMENTS) {
      await q.query(`COMMENT ON COLUMN "${table}"."${column}" IS '${comment.replaceAll("'", "''")}'`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [table, column] of COMMENTS) {
      await q.query(`COMMENT ON COLUMN "${table}"."${column}" IS NULL`);
    }
  }
}
