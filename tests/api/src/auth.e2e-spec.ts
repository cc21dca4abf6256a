import { AUTH_COOKIE, CSRF_HEADER } from '@bofast/contracts';

import { ApiClient, createTestApp, DEMO_PASSWORD, TestApp } from './support/test-app';

/**
 * GET /api/auth/me until it answers `status`, for at most `withinMs`; the time it took. A change made
 * straight in the database reaches a process's session cache by notification, a few milliseconds later.
 */
async function meAnswers(c: ApiClient, status: number, withinMs = 1000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await c.get('/api/auth/me');
    if (res.status === status) return Date.now() - started;
    if (Date.now() - started > withinMs) throw new Error(`GET /api/auth/me still answers ${res.status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('Authentication and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  beforeEach(async () => {
    await t.dataSource.query(`DELETE FROM login_attempt`);
  });

  describe('POST /api/auth/login', () => {
    it('should start a session in an httpOnly SameSite=Strict cookie when the password is right', async () => {
      const c = t.client();
      const res = await c.login('vicevaert', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ username: 'vicevaert', role: 'social_vicevaert' });
      expect(res.body.permissions).toContain('self.read');
      expect(res.body).not.toHaveProperty('passwordHash');
      const cookie = ([] as string[]).concat(res.headers['set-cookie']).find((x) => x.startsWith(`${AUTH_COOKIE}=`));
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      const me = await c.get('/api/auth/me');
      expect(me.status).toBe(200);
      // Answers with personal data are never kept by a browser or proxy.
      expect(me.headers['cache-control']).toBe('no-store');
      expect(me.headers['etag']).toBeUndefined();
    });

    it('should store only a hash of the session token', async () => {
      const c = t.client();
      const res = await c.login('vicevaert', DEMO_PASSWORD);
      const token = /bofast_sid=([^;]+)/.exec(([] as string[]).concat(res.headers['set-cookie']).join(';'))?.[1];
      const rows = await t.dataSource.query(`SELECT 1 FROM user_session WHERE token_hash = $1`, [token]);
      expect(token).toBeTruthy();
      expect(rows).toHaveLength(0);
    });

    it('should answer 401 with the same body for a wrong password and an unknown user', async () => {
      const wrong = await t.client().login('vicevaert', 'not-the-password');
      const unknown = await t.client().login('nobody-here', 'not-the-password');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('should answer 400 with field messages when fields are missing', async () => {
      const res = await t.client().login('', '');
      expect(res.status).toBe(400);
      expect(res.body.fields.username).toEqual(['Skal udfyldes']);
      expect(res.body.fields.password).toEqual(['Skal udfyldes']);
    });

    it('should reject a login without the CSRF header', async () => {
      const c = t.client();
      await c.prime();
      const res = await c.agent.post('/api/auth/login').send({ username: 'vicevaert', password: DEMO_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CSRF_REJECTED');
    });

    it('should lock a username after 5 failures, alike for existing and unknown users', async () => {
      for (const username of ['teamleder', 'ghost-user']) {
        for (let i = 0; i < 5; i++) expect((await t.client().login(username, 'wrong-password')).status).toBe(401);
      }
      const real = await t.client().login('teamleder', DEMO_PASSWORD);
      const ghost = await t.client().login('ghost-user', DEMO_PASSWORD);
      expect(real.status).toBe(429);
      expect(ghost.status).toBe(429);
      expect(real.body.message).toBe(ghost.body.message);
      expect(real.headers['retry-after']).toBeDefined();
      // Other users are not affected.
      expect((await t.client().login('vicevaert', DEMO_PASSWORD)).status).toBe(200);
    });

    it('should unlock when the lockout window has passed', async () => {
      for (let i = 0; i < 5; i++) await t.client().login('beboerraadgiver', 'wrong-password');
      expect((await t.client().login('beboerraadgiver', DEMO_PASSWORD)).status).toBe(429);
      await t.dataSource.query(`UPDATE login_attempt SET attempted_at = attempted_at - interval '16 minutes'`);
      expect((await t.client().login('beboerraadgiver', DEMO_PASSWORD)).status).toBe(200);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('should revoke the session so the same cookie no longer works', async () => {
      const c = await t.loginAs('oekonomi');
      const sid = c.sid;
      expect(sid).toBeTruthy();
      expect((await c.post('/api/auth/logout')).status).toBe(204);
      expect((await c.get('/api/auth/me')).status).toBe(401);
      // Replaying the exact cookie from a fresh client proves the revocation is server-side.
      const replay = await t.client().agent.get('/api/auth/me').set('Cookie', `${AUTH_COOKIE}=${sid}`);
      expect(replay.status).toBe(401);
    });
  });

  describe('session lifetime', () => {
    it('should end a session after the idle timeout', async () => {
      const c = await t.loginAs('teamleder');
      await t.dataSource.query(
        `UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE revoked_at IS NULL`,
      );
      expect(await meAnswers(c, 401)).toBeLessThan(1000);
    });

    it('should end a session at its absolute lifetime even when active', async () => {
      const c = await t.loginAs('teamleder');
      await t.dataSource.query(
        `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE revoked_at IS NULL`,
      );
      expect(await meAnswers(c, 401)).toBeLessThan(1000);
    });

    it('should list sessions and let the user revoke another one', async () => {
      const phone = await t.loginAs('dpo');
      const desktop = await t.loginAs('dpo');
      const list = await desktop.get('/api/auth/sessions');
      expect(list.status).toBe(200);
      const other = list.body.find((s: { isCurrent: boolean }) => !s.isCurrent);
      expect(list.body.filter((s: { isCurrent: boolean }) => s.isCurrent)).toHaveLength(1);
      expect((await desktop.delete(`/api/auth/sessions/${other.id}`)).status).toBe(204);
      expect((await phone.get('/api/auth/me')).status).toBe(401);
      expect((await desktop.get('/api/auth/me')).status).toBe(200);
    });

    it('should not let a user revoke somebody else’s session (404)', async () => {
      const a = await t.loginAs('vicevaert');
      const b = await t.loginAs('beboerraadgiver');
      const [bSession] = (await b.get('/api/auth/sessions')).body;
      expect((await a.delete(`/api/auth/sessions/${bSession.id}`)).status).toBe(404);
      expect((await b.get('/api/auth/me')).status).toBe(200);
    });
  });

  describe('POST /api/auth/me/password', () => {
    it('should revoke the user’s other sessions and keep the current one', async () => {
      const admin = await t.loginAs('admin');
      const created = await t.createUser(admin, {
        username: 'pw-change-user',
        displayName: 'Pw Change',
        role: 'beboerraadgiver',
        password: 'Start-Password-123',
      });
      expect(created.status).toBe(201);
      const first = await t.loginAs('pw-change-user', 'Start-Password-123');
      const second = await t.loginAs('pw-change-user', 'Start-Password-123');
      const res = await second.post('/api/auth/me/password', {
        currentPassword: 'Start-Password-123',
        newPassword: 'A-much-better-passphrase-9',
      });
      expect(res.status).toBe(204);
      expect((await first.get('/api/auth/me')).status).toBe(401);
      expect((await second.get('/api/auth/me')).status).toBe(200);
      expect((await t.client().login('pw-change-user', 'Start-Password-123')).status).toBe(401);
      expect((await t.client().login('pw-change-user', 'A-much-better-passphrase-9')).status).toBe(200);
    });

    it('should answer 400 on the right field for a wrong current password or a weak new one', async () => {
      const c = await t.loginAs('oekonomi');
      const wrong = await c.post('/api/auth/me/password', {
        currentPassword: 'nope',
        newPassword: 'A-much-better-passphrase-9',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.fields.currentPassword).toBeDefined();
      const weak = await c.post('/api/auth/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.fields.newPassword).toEqual(['Mindst 12 tegn']);
    });
  });

  describe('CSRF on authenticated changes', () => {
    it('should reject a change without the header, and with a wrong one, and accept the right one', async () => {
      const c = await t.loginAs('vicevaert');
      const none = await c.agent.patch('/api/auth/me').send({ displayName: 'X' });
      const wrong = await c.agent.patch('/api/auth/me').set(CSRF_HEADER, 'forged').send({ displayName: 'X' });
      expect(none.status).toBe(403);
      expect(wrong.status).toBe(403);
      const right = await c.patch('/api/auth/me', { displayName: 'Mette Larsen' });
      expect(right.status).toBe(200);
    });

    it('should not accept an anonymous CSRF token for an authenticated session', async () => {
      const c = await t.loginAs('vicevaert');
      const other = t.client();
      await other.prime();
      const res = await c.agent
        .patch('/api/auth/me')
        .set(CSRF_HEADER, other.csrf ?? '')
        .send({ displayName: 'X' });
      expect(res.status).toBe(403);
    });
  });

  describe('session cache', () => {
    const liveSessions = (username: string) =>
      `SELECT s.id FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = '${username}' AND s.revoked_at IS NULL`;
    const listener = async (): Promise<number | undefined> =>
      (
        await t.dataSource.query(
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'bofast-session-cache' AND datname = current_database()`,
        )
      )[0]?.pid;

    it('should answer from its cache, and end a session at once when the database revokes it (from any process)', async () => {
      const c = await t.loginAs('beboerraadgiver');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      // Without the notification the cached session would still be answered: the cache is really used.
      await t.dataSource.query(`ALTER TABLE user_session DISABLE TRIGGER tg_user_session_cache`);
      try {
        await t.dataSource.query(
          `UPDATE user_session SET revoked_at = now() WHERE id IN (${liveSessions('beboerraadgiver')})`,
        );
        expect((await c.get('/api/auth/me')).status).toBe(200);
      } finally {
        await t.dataSource.query(`ALTER TABLE user_session ENABLE TRIGGER tg_user_session_cache`);
      }
      // The same revocation as any other process or tool would make it: the trigger notifies on commit.
      await t.dataSource.query(
        `UPDATE user_session SET revoked_reason = 'test' WHERE user_id = (SELECT id FROM app_user WHERE username = 'beboerraadgiver')`,
      );
      expect(await meAnswers(c, 401)).toBeLessThan(1000);
    });

    it('should end every session of a user deactivated in the database at once', async () => {
      const c = await t.loginAs('boligorg');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      await t.dataSource.query(`UPDATE app_user SET is_active = false WHERE username = 'boligorg'`);
      try {
        expect(await meAnswers(c, 401)).toBeLessThan(1000);
      } finally {
        await t.dataSource.query(`UPDATE app_user SET is_active = true WHERE username = 'boligorg'`);
      }
    });

    it('should give a session its new teams at once when its user’s membership changes in the database', async () => {
      const c = await t.loginAs('vicevaert');
      const before = (await c.get('/api/auth/me')).body.teams as Array<{ id: string }>;
      expect(before.length).toBeGreaterThan(0);
      const [{ id: userId }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'vicevaert'`);
      await t.dataSource.query(`DELETE FROM user_team WHERE user_id = $1`, [userId]);
      try {
        const started = Date.now();
        for (;;) {
          const teams = (await c.get('/api/auth/me')).body.teams as unknown[];
          if (teams.length === 0) break;
          if (Date.now() - started > 1000) throw new Error('the session still has its old teams');
          await new Promise((r) => setTimeout(r, 10));
        }
      } finally {
        await t.dataSource.query(`INSERT INTO user_team (user_id, team_id) SELECT $1, unnest($2::uuid[])`, [
          userId,
          before.map((x) => x.id),
        ]);
      }
    });

    it('should forget everything it cached when it loses its listening connection, and listen again', async () => {
      const c = await t.loginAs('dpo');
      expect((await c.get('/api/auth/me')).status).toBe(200);
      await t.dataSource.query(`ALTER TABLE user_session DISABLE TRIGGER tg_user_session_cache`);
      try {
        await t.dataSource.query(`UPDATE user_session SET revoked_at = now() WHERE id IN (${liveSessions('dpo')})`);
        expect((await c.get('/api/auth/me')).status).toBe(200);
        const pid = await listener();
        expect(pid).toBeDefined();
        await t.dataSource.query(`SELECT pg_terminate_backend($1)`, [pid]);
        const started = Date.now();
        while ((await listener()) === pid || (await listener()) === undefined) {
          if (Date.now() - started > 5000) throw new Error('the session cache did not listen again');
          await new Promise((r) => setTimeout(r, 50));
        }
        // What it had cached is gone: the revocation it was never told of is read from the database.
        expect((await c.get('/api/auth/me')).status).toBe(401);
      } finally {
        await t.dataSource.query(`ALTER TABLE user_session ENABLE TRIGGER tg_user_session_cache`);
      }
    });
  });
});
