import { createHash } from 'node:crypto';

import { ACTIVATED_PASSWORD, activationToken, createTestApp, TestApp } from './support/test-app';

describe('Admin: users and teams', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  async function partnerId(): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT id FROM partner_organisation WHERE name = 'Socialcenter Fjordby'`);
    return row.id;
  }

  describe('POST /api/users', () => {
    it('should create a user without a password and answer a one-time activation link; only its hash is stored', async () => {
      const admin = await t.loginAs('admin');
      const [team] = (await admin.get('/api/teams')).body;
      const res = await admin.post('/api/users', {
        username: 'Ny.Raadgiver',
        displayName: '  Nina Rådgiver ',
        email: 'nina@fjordly.example',
        role: 'beboerraadgiver',
        teamIds: [team.id],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        username: 'ny.raadgiver',
        displayName: 'Nina Rådgiver',
        role: 'beboerraadgiver',
        version: 1,
      });
      expect(res.body.teams).toEqual([{ id: team.id, name: team.name }]);
      const { activationUrl, expiresAt } = res.body.activation;
      expect(activationUrl).toMatch(/^http:\/\/[^/]+\/aktiver\/[A-Za-z0-9_-]{43}$/);
      const hours = (Date.parse(expiresAt) - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(71.9);
      expect(hours).toBeLessThanOrEqual(72);
      const token = activationToken(activationUrl);
      const stored = await t.dataSource.query(`SELECT token_hash FROM account_activation WHERE user_id = $1`, [
        res.body.id,
      ]);
      expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
      const log = await t.dataSource.query(`SELECT action, purpose FROM access_log WHERE subject_id = $1`, [
        res.body.id,
      ]);
      expect(log).toEqual([{ action: 'create', purpose: 'Brugeradministration' }]);
      // No password works before the user has set one; the admin never knew one.
      expect((await t.client().login('ny.raadgiver', '')).status).toBe(400);
      expect((await t.client().login('ny.raadgiver', 'Velkommen-til-Bofast-1')).status).toBe(401);
      expect((await t.activate(activationUrl, 'Ninas-egen-adgangskode-7')).status).toBe(204);
      const nina = await t.loginAs('ny.raadgiver', 'Ninas-egen-adgangskode-7');
      const me = await nina.get('/api/auth/me');
      expect(me.body).toMatchObject({ role: 'beboerraadgiver', mustChangePassword: false });
      // The link works once.
      expect((await t.activate(activationUrl, 'Et-andet-ord-til-Nina-8')).status).toBe(404);
    });

    it('should refuse a password chosen by the admin', async () => {
      const admin = await t.loginAs('admin');
      const res = await admin.post('/api/users', {
        username: 'admins-choice',
        displayName: 'A',
        role: 'teamleder',
        password: 'Admin-kender-dette-ord-1',
      });
      expect(res.status).toBe(400);
      expect(res.body.fields.password).toBeDefined();
      expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'admins-choice'`)).toEqual([]);
    });

    it('should answer 400 with Danish field messages for bad input and write nothing', async () => {
      const admin = await t.loginAs('admin');
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
      const res = await admin.post('/api/users', {
        username: 'a b',
        displayName: '',
        email: 'not-an-email',
        role: 'king',
        extra: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toMatchObject({
        username: expect.arrayContaining([expect.stringMatching(/Mindst 3 tegn|Kun små bogstaver/)]),
        displayName: ['Skal udfyldes'],
        email: ['Skal være en gyldig e-mailadresse'],
        role: ['Vælg en gyldig rolle'],
      });
      expect(res.body.fields.extra).toBeDefined();
      const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('should answer 409 on a username that is taken', async () => {
      const admin = await t.loginAs('admin');
      const res = await t.createUser(admin, {
        username: 'VICEVAERT',
        displayName: 'Dublet',
        role: 'social_vicevaert',
        password: 'Velkommen-til-Bofast-1',
      });
      expect(res.status).toBe(409);
      expect(res.body.fields.username).toEqual(['Brugernavnet er i brug']);
    });

    it('should require a partner organisation for a kommunal partner, and roll back a half-valid create', async () => {
      const admin = await t.loginAs('admin');
      const missing = await t.createUser(admin, {
        username: 'kp-uden',
        displayName: 'KP',
        role: 'kommunal_partner',
        password: 'Velkommen-til-Bofast-1',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.fields.partnerOrganisationId).toBeDefined();
      const badTeam = await t.createUser(admin, {
        username: 'kp-bad-team',
        displayName: 'KP',
        role: 'kommunal_partner',
        partnerOrganisationId: await partnerId(),
        teamIds: ['00000000-0000-4000-8000-000000000000'],
        password: 'Velkommen-til-Bofast-1',
      });
      expect(badTeam.status).toBe(400);
      expect(await t.dataSource.query(`SELECT 1 FROM app_user WHERE username = 'kp-bad-team'`)).toHaveLength(0);
      const ok = await t.createUser(admin, {
        username: 'kp-med',
        displayName: 'KP',
        role: 'kommunal_partner',
        partnerOrganisationId: await partnerId(),
        password: 'Velkommen-til-Bofast-1',
      });
      expect(ok.status).toBe(201);
      expect(ok.body.partnerOrganisation.name).toBe('Socialcenter Fjordby');
    });

    it('should bind a boligorganisation user to the organisation whose lists they upload', async () => {
      const admin = await t.loginAs('admin');
      const missing = await t.createUser(admin, {
        username: 'udlejning',
        displayName: 'Udlejning',
        role: 'boligorganisation',
        password: 'Velkommen-til-Bofast-1',
      });
      expect(missing.status).toBe(400);
      expect(missing.body.fields.boligorganisationId).toEqual(['Vælg hvilken boligorganisation brugeren hører til']);
      const [bo] = await t.dataSource.query(`SELECT id FROM boligorganisation WHERE name = 'Boligselskabet Fjordly'`);
      const ok = await t.createUser(admin, {
        username: 'udlejning',
        displayName: 'Udlejning',
        role: 'boligorganisation',
        boligorganisationId: bo.id,
        password: 'Velkommen-til-Bofast-1',
      });
      expect(ok.status).toBe(201);
      expect(ok.body.boligorganisation).toEqual({ id: bo.id, name: 'Boligselskabet Fjordly' });
    });
  });

  describe('PATCH /api/users/:userId', () => {
    it('should answer 409 with the current state to a stale version, never losing the first update', async () => {
      const admin = await t.loginAs('admin');
      const created = (
        await t.createUser(admin, {
          username: 'concurrent',
          displayName: 'Før',
          role: 'social_vicevaert',
          password: 'Velkommen-til-Bofast-1',
        })
      ).body;
      const first = await admin.patch(`/api/users/${created.id}`, { displayName: 'Første', version: created.version });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(created.version + 1);
      const second = await admin.patch(`/api/users/${created.id}`, { displayName: 'Anden', version: created.version });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('VERSION_CONFLICT');
      expect(second.body.current).toMatchObject({ displayName: 'Første', version: created.version + 1 });
      expect((await admin.get(`/api/users/${created.id}`)).body.displayName).toBe('Første');
    });

    it('should let exactly one of two simultaneous updates win', async () => {
      const admin = await t.loginAs('admin');
      const created = (
        await t.createUser(admin, {
          username: 'race',
          displayName: 'Start',
          role: 'social_vicevaert',
          password: 'Velkommen-til-Bofast-1',
        })
      ).body;
      const results = await Promise.all(
        ['A', 'B', 'C'].map((name) =>
          admin.patch(`/api/users/${created.id}`, { displayName: name, version: created.version }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    });

    it('should end the sessions of a user who is deactivated, and refuse their login', async () => {
      const admin = await t.loginAs('admin');
      const created = (
        await t.createUser(admin, {
          username: 'leaving',
          displayName: 'Går',
          role: 'social_vicevaert',
          password: 'Velkommen-til-Bofast-1',
        })
      ).body;
      const leaving = await t.loginAs('leaving', 'Velkommen-til-Bofast-1');
      const res = await admin.patch(`/api/users/${created.id}`, { isActive: false, version: created.version });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);
      expect((await leaving.get('/api/auth/me')).status).toBe(401);
      expect((await t.client().login('leaving', 'Velkommen-til-Bofast-1')).status).toBe(401);
    });

    it('should not let an admin deactivate themself', async () => {
      const admin = await t.loginAs('admin');
      const me = (await admin.get('/api/auth/me')).body;
      const current = (await admin.get(`/api/users/${me.id}`)).body;
      const res = await admin.patch(`/api/users/${me.id}`, { isActive: false, version: current.version });
      expect(res.status).toBe(409);
    });

    it('should answer 404 for an unknown user and 400 for a malformed id', async () => {
      const admin = await t.loginAs('admin');
      expect((await admin.patch('/api/users/00000000-0000-4000-8000-000000000000', { version: 1 })).status).toBe(404);
      expect((await admin.get('/api/users/not-a-uuid')).status).toBe(400);
    });
  });

  describe('POST /api/users/:userId/reset-password', () => {
    it('should make the old password unusable, end the user’s sessions and answer a new link, once', async () => {
      const admin = await t.loginAs('admin');
      const created = (
        await t.createUser(admin, {
          username: 'forgetful',
          displayName: 'Glemsom',
          role: 'dpo',
        })
      ).body;
      const firstLink = created.activation.activationUrl;
      const session = await t.loginAs('forgetful', ACTIVATED_PASSWORD);
      const reset = await admin.post(`/api/users/${created.id}/reset-password`);
      expect(reset.status).toBe(200);
      expect(reset.body.activationUrl).toMatch(/\/aktiver\//);
      expect(reset.body.activationUrl).not.toBe(firstLink);
      expect((await session.get('/api/auth/me')).status).toBe(401);
      expect((await t.client().login('forgetful', ACTIVATED_PASSWORD)).status).toBe(401);
      // A password of the admin's choosing is not taken.
      const chosen = await admin.post(`/api/users/${created.id}/reset-password`, {
        newPassword: 'Nyt-midlertidigt-ord-7',
      });
      expect(chosen.status).toBe(200);
      expect((await t.client().login('forgetful', 'Nyt-midlertidigt-ord-7')).status).toBe(401);
      // Only the newest link works.
      expect((await t.activate(reset.body.activationUrl, 'Glemsoms-nye-ord-42')).status).toBe(404);
      expect((await t.activate(chosen.body.activationUrl, 'Glemsoms-nye-ord-42')).status).toBe(204);
      const again = await t.loginAs('forgetful', 'Glemsoms-nye-ord-42');
      expect((await again.get('/api/auth/me')).body.mustChangePassword).toBe(false);
    });

    it('should not let an admin reset their own password (they change it themselves)', async () => {
      const admin = await t.loginAs('admin');
      const me = (await admin.get('/api/auth/me')).body;
      expect((await admin.post(`/api/users/${me.id}/reset-password`)).status).toBe(409);
    });
  });

  describe('GET /api/users', () => {
    it('should page, search and filter, and log the search', async () => {
      const admin = await t.loginAs('admin');
      const res = await admin.get('/api/users?search=larsen&pageSize=5');
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { username: string }) => u.username)).toEqual(['vicevaert']);
      expect(res.body.total).toBe(1);
      const byRole = await admin.get('/api/users?role=dpo&includeInactive=true');
      expect(byRole.body.items.every((u: { role: string }) => u.role === 'dpo')).toBe(true);
      const page2 = await admin.get('/api/users?page=2&pageSize=2');
      expect(page2.body.items).toHaveLength(2);
      expect(page2.body.page).toBe(2);
      const logged = await t.dataSource.query(
        `SELECT 1 FROM access_log WHERE action = 'search' AND search_criterion = 'larsen'`,
      );
      expect(logged.length).toBeGreaterThan(0);
      expect((await admin.get('/api/users?pageSize=1000')).status).toBe(400);
    });
  });

  describe('teams', () => {
    it('should create a team covering afdelinger, reject a duplicate name, and detect a stale edit', async () => {
      const admin = await t.loginAs('admin');
      const bo = (await admin.get('/api/organisations/boligorganisationer')).body.find(
        (b: { name: string }) => b.name === 'Boligselskabet Fjordly',
      );
      const afdelingIds = bo.afdelinger.map((a: { id: string }) => a.id);
      const created = await admin.post('/api/teams', { name: 'Nyt team', description: 'Test', afdelingIds });
      expect(created.status).toBe(201);
      expect(created.body.afdelinger.map((a: { afdelingsnummer: string }) => a.afdelingsnummer)).toEqual(['12', '14']);
      expect((await admin.post('/api/teams', { name: 'NYT TEAM' })).status).toBe(409);
      const edit = await admin.patch(`/api/teams/${created.body.id}`, {
        name: 'Omdøbt team',
        afdelingIds: [afdelingIds[0]],
        version: 1,
      });
      expect(edit.status).toBe(200);
      expect(edit.body.afdelinger).toHaveLength(1);
      expect((await admin.patch(`/api/teams/${created.body.id}`, { name: 'Gammel', version: 1 })).status).toBe(409);
      const bad = await admin.post('/api/teams', { name: 'X', afdelingIds: ['00000000-0000-4000-8000-000000000000'] });
      expect(bad.status).toBe(400);
      expect(bad.body.fields.afdelingIds).toBeDefined();
    });
  });

  describe('organisations', () => {
    it('should let the admin add a boligorganisation with an afdeling and a partner organisation', async () => {
      const admin = await t.loginAs('admin');
      const bo = await admin.post('/api/organisations/boligorganisationer', {
        name: 'Andelsboligforeningen Strand',
        cvr: '87654321',
      });
      expect(bo.status).toBe(201);
      const afd = await admin.post(`/api/organisations/boligorganisationer/${bo.body.id}/afdelinger`, {
        afdelingsnummer: '3',
        name: 'Strandparken',
      });
      expect(afd.status).toBe(201);
      expect(
        (
          await admin.post(`/api/organisations/boligorganisationer/${bo.body.id}/afdelinger`, {
            afdelingsnummer: '3',
            name: 'X',
          })
        ).status,
      ).toBe(409);
      const list = await admin.get('/api/organisations/boligorganisationer');
      expect(list.body.find((b: { id: string }) => b.id === bo.body.id).afdelinger).toEqual([
        { id: afd.body.id, afdelingsnummer: '3', name: 'Strandparken' },
      ]);
      const partner = await admin.post('/api/organisations/partners', {
        name: 'Rusmiddelcenter Fjordby',
        type: 'misbrugscenter',
        kommune: 'Fjordby Kommune',
      });
      expect(partner.status).toBe(201);
      const bad = await admin.post('/api/organisations/partners', { name: '', type: 'bank', kommune: '' });
      expect(Object.keys(bad.body.fields).sort()).toEqual(['kommune', 'name', 'type']);
      expect(
        (await admin.post('/api/organisations/boligorganisationer', { name: 'Y', cvr: '123' })).body.fields.cvr,
      ).toEqual(['CVR-nummeret skal være 8 cifre']);
      expect(
        (
          await admin.post('/api/organisations/boligorganisationer/00000000-0000-4000-8000-000000000000/afdelinger', {
            afdelingsnummer: '1',
            name: 'Z',
          })
        ).status,
      ).toBe(404);
    });
  });
});
