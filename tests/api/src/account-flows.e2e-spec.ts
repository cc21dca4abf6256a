import { ACTIVATED_PASSWORD, activationToken, createTestApp, TestApp } from './support/test-app';

/** Issue #14.5: the account flows an ASVS level 2 audit expects (docs/security.md, "Accounts"). */
describe('Account flows', () => {
  let t: TestApp;
  let teamId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [team] = await t.dataSource.query(`SELECT id FROM team WHERE is_active ORDER BY name LIMIT 1`);
    teamId = team.id;
  });

  afterAll(() => t.close());

  beforeEach(async () => {
    await t.dataSource.query(`DELETE FROM login_attempt`);
  });

  let counter = 0;
  async function newUser(extra: Record<string, unknown> = {}) {
    const admin = await t.loginAs('admin');
    const username = `flow-${++counter}`;
    const res = await t.createUser(admin, {
      username,
      displayName: `Flow ${counter}`,
      role: 'beboerraadgiver',
      teamIds: [teamId],
      ...extra,
    });
    expect(res.status).toBe(201);
    return { admin, username, id: res.body.id as string, link: res.body.activation.activationUrl as string };
  }

  describe('the current-password check on POST /api/auth/me/password', () => {
    it('should be throttled like login: 10 wrong, then the right one answers 429 with Retry-After', async () => {
      const { username } = await newUser();
      const c = await t.loginAs(username, ACTIVATED_PASSWORD);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        const res = await c.post('/api/auth/me/password', {
          currentPassword: `wrong-guess-${i}`,
          newPassword: 'A-much-better-passphrase-9',
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
      expect(statuses.slice(5)).toEqual([429, 429, 429, 429, 429]);
      const right = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'A-much-better-passphrase-9',
      });
      expect(right.status).toBe(429);
      expect(right.body.code).toBe('LOGIN_THROTTLED');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
      // The same counter as login: the password cannot be guessed there instead.
      expect((await t.client().login(username, ACTIVATED_PASSWORD)).status).toBe(429);
      // When the window has passed, the right one works.
      await t.dataSource.query(`UPDATE login_attempt SET attempted_at = attempted_at - interval '16 minutes'`);
      const later = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'A-much-better-passphrase-9',
      });
      expect(later.status).toBe(204);
    });

    it('should apply the password policy to the new password', async () => {
      const { username } = await newUser();
      const c = await t.loginAs(username, ACTIVATED_PASSWORD);
      const common = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'qwertyuiop123',
      });
      expect(common.status).toBe(400);
      expect(common.body.fields.newPassword).toEqual(['Adgangskoden er for almindelig – vælg en anden']);
      const short = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'Kort-1',
      });
      expect(short.body.fields.newPassword).toEqual(['Mindst 12 tegn']);
      const long = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'Lang-1'.repeat(43),
      });
      expect(long.status).toBe(400);
      expect(long.body.fields.newPassword).toEqual(['Højst 256 tegn']);
    });
  });

  describe('must change password, enforced by the server', () => {
    it('should allow only change-password, logout and me until the password is changed', async () => {
      const { username, id } = await newUser();
      await t.dataSource.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [id]);
      const c = await t.loginAs(username, ACTIVATED_PASSWORD);
      for (const path of ['/api/cases', '/api/tasks', '/api/evictions', '/api/auth/sessions']) {
        const res = await c.get(path);
        expect({ path, status: res.status, code: res.body.code }).toEqual({
          path,
          status: 403,
          code: 'PASSWORD_CHANGE_REQUIRED',
        });
      }
      expect((await c.post('/api/cases', {})).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      const me = await c.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.mustChangePassword).toBe(true);
      expect((await c.patch('/api/auth/me', { displayName: 'Flow Ny' })).status).toBe(200);
      expect((await c.get('/api/auth/csrf')).status).toBe(200);
      expect((await c.get('/api/health')).status).toBe(200);

      const changed = await c.post('/api/auth/me/password', {
        currentPassword: ACTIVATED_PASSWORD,
        newPassword: 'Mit-eget-nye-ord-2026',
      });
      expect(changed.status).toBe(204);
      expect((await c.get('/api/cases')).status).toBe(200);
      expect((await c.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    });

    it('should let such a session log out', async () => {
      const { username, id } = await newUser();
      await t.dataSource.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [id]);
      const c = await t.loginAs(username, ACTIVATED_PASSWORD);
      expect((await c.post('/api/auth/logout')).status).toBe(204);
      expect((await c.get('/api/auth/me')).status).toBe(401);
    });
  });

  describe('activation links (GET /api/auth/activation/:token, POST /api/auth/activation)', () => {
    async function freshLink() {
      const admin = await t.loginAs('admin');
      const username = `act-${++counter}`;
      const res = await admin.post('/api/users', { username, displayName: `Akt ${counter}`, role: 'dpo' });
      expect(res.status).toBe(201);
      return { admin, username, id: res.body.id as string, link: res.body.activation.activationUrl as string };
    }

    it('should tell whether a link works: 200 with whom, 404 unknown or used, 410 expired', async () => {
      const { username, id, link } = await freshLink();
      const token = activationToken(link);
      const ok = await t.client().get(`/api/auth/activation/${token}`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ username, displayName: expect.any(String), expiresAt: expect.any(String) });
      const unknown = await t.client().get(`/api/auth/activation/${token.slice(0, -2)}xx`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toMatch(/Aktiveringslinket findes ikke eller er allerede brugt/);
      await t.dataSource.query(
        `UPDATE account_activation SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [id],
      );
      const expired = await t.client().get(`/api/auth/activation/${token}`);
      expect(expired.status).toBe(410);
      expect(expired.body.message).toBe('Aktiveringslinket er udløbet. Bed en administrator om et nyt.');
      expect((await t.activate(link, 'Et-helt-eget-ord-77')).status).toBe(410);
      expect((await t.client().login(username, 'Et-helt-eget-ord-77')).status).toBe(401);
    });

    it('should apply the policy, refuse a common password in Danish, then set the password once', async () => {
      const { username, link } = await freshLink();
      const common = await t.activate(link, 'qwerty123456');
      expect(common.status).toBe(400);
      expect(common.body.fields.password).toEqual(['Adgangskoden er for almindelig – vælg en anden']);
      const short = await t.activate(link, 'kort');
      expect(short.body.fields.password).toEqual(['Mindst 12 tegn']);
      const own = await t.activate(link, `${username}-er-mit-navn`);
      expect(own.body.fields.password).toEqual(['Adgangskoden må ikke indeholde brugernavnet']);
      expect((await t.activate(link, 'Solsikke-paa-Engen-31')).status).toBe(204);
      expect((await t.client().login(username, 'Solsikke-paa-Engen-31')).status).toBe(200);
      expect((await t.activate(link, 'Solsikke-paa-Engen-32')).status).toBe(404);
      expect((await t.client().get(`/api/auth/activation/${activationToken(link)}`)).status).toBe(404);
    });

    it('should need the CSRF double-submit like login', async () => {
      const { link } = await freshLink();
      const res = await t
        .client()
        .agent.post('/api/auth/activation')
        .send({ token: activationToken(link), password: 'Solsikke-paa-Engen-31' });
      expect(res.status).toBe(403);
    });

    it('should not work for a deactivated user', async () => {
      const { admin, id, link } = await freshLink();
      const user = (await admin.get(`/api/users/${id}`)).body;
      expect((await admin.patch(`/api/users/${id}`, { isActive: false, version: user.version })).status).toBe(200);
      expect((await t.activate(link, 'Solsikke-paa-Engen-31')).status).toBe(404);
    });

    it('should be throttled against guessing: after 5 wrong tokens even a right one answers 429', async () => {
      const { link } = await freshLink();
      for (let i = 0; i < 5; i++)
        expect((await t.client().get(`/api/auth/activation/guess-${i}-${'x'.repeat(30)}`)).status).toBe(404);
      const right = await t.client().get(`/api/auth/activation/${activationToken(link)}`);
      expect(right.status).toBe(429);
      expect(right.headers['retry-after']).toBeDefined();
      expect((await t.activate(link, 'Solsikke-paa-Engen-31')).status).toBe(429);
      // The lock is on this address (loopback, shared by every suite): lift it for the suites after this one.
      await t.dataSource.query(`DELETE FROM login_attempt WHERE username_key LIKE 'activation@%'`);
    });
  });

  describe('GET /api/audit/privileged-changes', () => {
    it('should show the DPO who created, activated and changed which account, old → new, and when', async () => {
      const started = new Date();
      const { admin, username, id, link } = await newUser();
      const adminId = (await admin.get('/api/auth/me')).body.id;
      let user = (await admin.get(`/api/users/${id}`)).body;
      user = (await admin.patch(`/api/users/${id}`, { role: 'teamleder', version: user.version })).body;
      user = (await admin.patch(`/api/users/${id}`, { teamIds: [], version: user.version })).body;
      expect((await admin.patch(`/api/users/${id}`, { isActive: false, version: user.version })).status).toBe(200);
      // A stale version changes nothing and logs nothing.
      expect((await admin.patch(`/api/users/${id}`, { role: 'dpo', version: 1 })).status).toBe(409);
      expect((await admin.post(`/api/users/${id}/reset-password`)).status).toBe(200);

      const dpo = await t.loginAs('dpo');
      const res = await dpo.get(`/api/audit/privileged-changes?targetId=${id}&pageSize=50`);
      expect(res.status).toBe(200);
      const [team] = await t.dataSource.query(`SELECT name FROM team WHERE id = $1`, [teamId]);
      const rows = [...res.body.items].reverse().map((r: Record<string, unknown>) => ({
        kind: r['kind'],
        actor: (r['actor'] as { username: string }).username,
        target: (r['target'] as { username: string }).username,
        oldValue: r['oldValue'],
        newValue: r['newValue'],
      }));
      expect(rows).toEqual([
        { kind: 'user_created', actor: 'admin', target: username, oldValue: null, newValue: 'beboerraadgiver' },
        { kind: 'teams_changed', actor: 'admin', target: username, oldValue: [], newValue: [team.name] },
        { kind: 'activation_issued', actor: 'admin', target: username, oldValue: null, newValue: expect.any(String) },
        { kind: 'user_activated', actor: username, target: username, oldValue: null, newValue: 'first' },
        { kind: 'role_changed', actor: 'admin', target: username, oldValue: 'beboerraadgiver', newValue: 'teamleder' },
        { kind: 'teams_changed', actor: 'admin', target: username, oldValue: [team.name], newValue: [] },
        { kind: 'active_changed', actor: 'admin', target: username, oldValue: true, newValue: false },
        { kind: 'activation_issued', actor: 'admin', target: username, oldValue: null, newValue: expect.any(String) },
      ]);
      expect(res.body.items[0].actor.id).toBe(adminId);
      expect(Date.parse(res.body.items[0].occurredAt)).toBeGreaterThanOrEqual(started.getTime() - 1000);
      expect(link).toBeTruthy();

      // Filters: actor, dates (Danish days, inclusive).
      const byActor = await dpo.get(`/api/audit/privileged-changes?actorId=${id}`);
      expect(byActor.body.items.map((r: { kind: string }) => r.kind)).toEqual(['user_activated']);
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
      expect((await dpo.get(`/api/audit/privileged-changes?targetId=${id}&from=${today}&to=${today}`)).body.total).toBe(
        8,
      );
      expect((await dpo.get(`/api/audit/privileged-changes?targetId=${id}&to=2020-01-01`)).body.total).toBe(0);
      expect((await dpo.get('/api/audit/privileged-changes?from=2026-02-30')).status).toBe(400);

      // The DPO's reading is itself logged.
      const logged = await t.dataSource.query(
        `SELECT 1 FROM access_log WHERE purpose = 'Tilsyn med privilegerede ændringer' AND actor_username = 'dpo'`,
      );
      expect(logged.length).toBeGreaterThan(0);
    });

    it('should be for the DPO only, and append-only', async () => {
      for (const role of ['admin', 'teamleder', 'vicevaert']) {
        const c = await t.loginAs(role);
        expect((await c.get('/api/audit/privileged-changes')).status).toBe(403);
      }
      await expect(t.dataSource.query(`UPDATE privileged_change SET actor_username = 'x'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(t.dataSource.query(`DELETE FROM privileged_change`)).rejects.toThrow(/append-only/);
    });
  });
});
