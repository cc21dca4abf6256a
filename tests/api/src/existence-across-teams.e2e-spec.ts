import { JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { unique } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * ADR 0006: one resident per CPR number for the installation, each team with its own view. Nothing a
 * worker is answered may tell that another team knows a resident, a tenancy or a restance row.
 */
describe('Existence across teams', () => {
  let t: TestApp;
  let oest: ApiClient;
  let vest: ApiClient;
  let dpo: ApiClient;
  let oestTeam: string;
  let vestTeam: string;
  let afd51: string;
  let afd52: string;
  let boId: string;
  const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

  /** A user in a team, with the demo users' password (copied hash), made in SQL. */
  async function user(username: string, role: string, teamId: string): Promise<void> {
    const [u] = await t.dataSource.query(
      `INSERT INTO app_user (username, display_name, role, password_hash)
       SELECT $1, $1, $2, password_hash FROM app_user WHERE username = 'beboerraadgiver' RETURNING id`,
      [username, role],
    );
    await t.dataSource.query(`INSERT INTO user_team (user_id, team_id) VALUES ($1, $2)`, [u.id, teamId]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: boId }] = await t.dataSource.query(
      `INSERT INTO boligorganisation (name) VALUES ('Boligforeningen Grænsen') RETURNING id`,
    );
    [{ id: afd51 }] = await t.dataSource.query(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '51', 'Østparken') RETURNING id`,
      [boId],
    );
    [{ id: afd52 }] = await t.dataSource.query(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '52', 'Vestparken') RETURNING id`,
      [boId],
    );
    [{ id: oestTeam }] = await t.dataSource.query(`INSERT INTO team (name) VALUES ('Team Øst') RETURNING id`);
    [{ id: vestTeam }] = await t.dataSource.query(`INSERT INTO team (name) VALUES ('Team Vest') RETURNING id`);
    await t.dataSource.query(`INSERT INTO team_afdeling (team_id, afdeling_id) VALUES ($1, $2), ($3, $4)`, [
      oestTeam,
      afd51,
      vestTeam,
      afd52,
    ]);
    await user('oest.raadgiver', 'beboerraadgiver', oestTeam);
    await user('oest.oekonomi', 'oekonomisk_raadgiver', oestTeam);
    await user('vest.raadgiver', 'beboerraadgiver', vestTeam);
    await user('vest.oekonomi', 'oekonomisk_raadgiver', vestTeam);
    oest = await t.loginAs('oest.raadgiver');
    vest = await t.loginAs('vest.raadgiver');
    dpo = await t.loginAs('dpo');
  });

  afterAll(() => t.close());

  describe('persons', () => {
    it('should let both teams register the same CPR number, each seeing only what it typed', async () => {
      const a = await oest.post('/api/persons', {
        name: 'Østens navn',
        teamId: oestTeam,
        cpr: '040577-1113',
        phone: '11223344',
      });
      expect(a.status).toBe(201);
      const b = await vest.post('/api/persons', { name: 'Vestens navn', teamId: vestTeam, cpr: '0405771113' });
      expect(b.status).toBe(201);
      expect(b.body.id).not.toBe(a.body.id);
      expect(b.body).toMatchObject({ name: 'Vestens navn', teamId: vestTeam, phone: null, cprMasked: '040577-xxxx' });
      expect(JSON.stringify(b.body)).not.toContain('Østens navn');
      expect(JSON.stringify(b.body)).not.toContain(a.body.id);
      expect(JSON.stringify(b.body)).not.toContain('11223344');
      // One identity for the resident, two team views.
      const rows = await t.dataSource.query(`SELECT identity_id FROM person WHERE id = ANY($1::uuid[])`, [
        [a.body.id, b.body.id],
      ]);
      expect(rows).toHaveLength(2);
      expect(rows[0].identity_id).toBeTruthy();
      expect(rows[0].identity_id).toBe(rows[1].identity_id);
      // Each team sees its own, and the other's is 404 as if it did not exist.
      expect((await oest.get(`/api/persons/${a.body.id}`)).body.name).toBe('Østens navn');
      const foreign = await oest.get(`/api/persons/${b.body.id}`);
      const missing = await oest.get(`/api/persons/${NO_SUCH_ID}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.message).toBe(missing.body.message);
      expect((await vest.get(`/api/persons/${a.body.id}`)).status).toBe(404);
      expect((await vest.patch(`/api/persons/${a.body.id}`, { phone: '99999999', version: 1 })).status).toBe(404);
      expect((await vest.get(`/api/persons/${a.body.id}/cpr`)).status).toBe(404);
      // A CPR search finds the team's own row only.
      const search = await vest.get('/api/search?cpr=040577-1113');
      expect(search.body.persons.map((p: { id: string }) => p.id)).toEqual([b.body.id]);
    });

    it('should answer 409 for a CPR number twice in one team, pointing at the team’s own record', async () => {
      const first = await oest.post('/api/persons', { name: 'Første', teamId: oestTeam, cpr: '111280-2225' });
      expect(first.status).toBe(201);
      const dup = await oest.post('/api/persons', { name: 'Anden', teamId: oestTeam, cpr: '1112802225' });
      expect(dup.status).toBe(409);
      expect(dup.body.fields.cpr).toBeDefined();
      expect(dup.body.current).toMatchObject({ id: first.body.id, name: 'Første', teamId: oestTeam });
      // Giving a second person of the team the number by an edit is refused the same way.
      const other = await oest.post('/api/persons', { name: 'Tredje', teamId: oestTeam });
      const edit = await oest.patch(`/api/persons/${other.body.id}`, {
        cpr: '111280-2225',
        version: other.body.version,
      });
      expect(edit.status).toBe(409);
      expect(edit.body.current.id).toBe(first.body.id);
    });

    it('should link an edit to a CPR number another team holds silently, and tell nothing', async () => {
      const theirs = await oest.post('/api/persons', { name: unique('Østbo'), teamId: oestTeam, cpr: '220366-4447' });
      const mine = await vest.post('/api/persons', { name: 'Vestbo uden CPR', teamId: vestTeam });
      const edit = await vest.patch(`/api/persons/${mine.body.id}`, { cpr: '220366-4447', version: mine.body.version });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ id: mine.body.id, name: 'Vestbo uden CPR', cprMasked: '220366-xxxx' });
      expect(JSON.stringify(edit.body)).not.toContain(theirs.body.name);
      const [x, y] = await t.dataSource.query(`SELECT identity_id FROM person WHERE id = ANY($1::uuid[])`, [
        [theirs.body.id, mine.body.id],
      ]);
      expect(x.identity_id).toBe(y.identity_id);
      // Removing the number unlinks the row; the identity stays while the other team's row uses it.
      const removed = await vest.patch(`/api/persons/${mine.body.id}`, { cpr: null, version: edit.body.version });
      expect(removed.status).toBe(200);
      const [after] = await t.dataSource.query(`SELECT identity_id FROM person WHERE id = $1`, [mine.body.id]);
      expect(after.identity_id).toBeNull();
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM person_identity WHERE id = $1`, [
        x.identity_id,
      ]);
      expect(n).toBe(1);
    });

    it('should find nothing of the other team by CPR or name', async () => {
      const name = unique('Kun-Øst');
      const p = await oest.post('/api/persons', { name, teamId: oestTeam, cpr: '150690-3331' });
      expect(p.status).toBe(201);
      expect((await oest.get('/api/search?cpr=150690-3331')).body.persons).toHaveLength(1);
      const byCpr = await vest.get('/api/search?cpr=150690-3331');
      expect(byCpr.status).toBe(200);
      expect(byCpr.body).toEqual({ persons: [], tenancies: [] });
      const byName = await vest.get(`/api/search?q=${encodeURIComponent(name)}`);
      expect(byName.body).toEqual({ persons: [], tenancies: [] });
      const typed = await vest.get(`/api/search?q=${encodeURIComponent('150690-3331')}`);
      expect(typed.body.persons).toEqual([]);
    });

    it('should give the DPO’s indsigt for a person the entries of every team’s row of the resident', async () => {
      const a = await oest.post('/api/persons', { name: 'Indsigt Øst', teamId: oestTeam, cpr: '300599-1119' });
      const b = await vest.post('/api/persons', { name: 'Indsigt Vest', teamId: vestTeam, cpr: '300599-1119' });
      await vest.get(`/api/persons/${b.body.id}`);
      const res = await dpo.get(`/api/access-log/export?subjectType=person&subjectId=${a.body.id}`);
      expect(res.status).toBe(200);
      const actions = res.body.entries.map((e: { action: string }) => e.action).sort();
      // Øst's create, Vest's create and Vest's read.
      expect(actions).toEqual(['create', 'create', 'read']);
    });
  });

  describe('tenancies', () => {
    let tenancy: { id: string; address: string; lejemaalsnummer: string };

    beforeAll(async () => {
      const res = await oest.post('/api/tenancies', {
        afdelingId: afd51,
        address: `${unique('Østvej')} 3, 1. th.`,
        lejemaalsnummer: unique('Ø'),
      });
      expect(res.status).toBe(201);
      tenancy = res.body;
    });

    it('should answer 404 for another team’s tenancy on view, household and search, as for none', async () => {
      expect((await oest.get(`/api/tenancies/${tenancy.id}`)).status).toBe(200);
      const foreign = await vest.get(`/api/tenancies/${tenancy.id}`);
      const missing = await vest.get(`/api/tenancies/${NO_SUCH_ID}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ code: missing.body.code, message: missing.body.message });
      const mine = await vest.post('/api/persons', { name: 'Vest lejer', teamId: vestTeam });
      const join = await vest.post(`/api/tenancies/${tenancy.id}/household/members`, {
        personId: mine.body.id,
        relation: 'lejer',
      });
      expect(join.status).toBe(404);
      expect((await oest.get(`/api/search?q=${encodeURIComponent(tenancy.address)}`)).body.tenancies).toHaveLength(1);
      expect((await vest.get(`/api/search?q=${encodeURIComponent(tenancy.address)}`)).body.tenancies).toEqual([]);
      expect((await vest.get(`/api/search?q=${encodeURIComponent(tenancy.lejemaalsnummer)}`)).body.tenancies).toEqual(
        [],
      );
    });

    it('should refuse another team’s tenancy named in a body exactly as a tenancy that does not exist', async () => {
      const attempts: Array<[string, Record<string, unknown>]> = [
        ['/api/persons', { name: 'X', teamId: vestTeam, tenancyId: '%' }],
        ['/api/signals', { source: 'nabo', teamId: vestTeam, tenancyId: '%', description: 'Bekymring' }],
        ['/api/evictions', { tenancyId: '%', ground: 'restance' }],
      ];
      const person = await vest.post('/api/persons', { name: 'Vest sag', teamId: vestTeam });
      attempts.push([
        '/api/cases',
        { type: 'nabokonflikt', personId: person.body.id, teamId: vestTeam, tenancyId: '%' },
      ]);
      for (const [path, body] of attempts) {
        const foreign = await vest.post(path, JSON.parse(JSON.stringify(body).replace('"%"', `"${tenancy.id}"`)));
        const missing = await vest.post(path, JSON.parse(JSON.stringify(body).replace('"%"', `"${NO_SUCH_ID}"`)));
        expect([path, foreign.status]).toEqual([path, missing.status]);
        expect([400, 404]).toContain(foreign.status);
        expect(foreign.body.message).toBe(missing.body.message);
        expect(foreign.body.fields).toEqual(missing.body.fields);
      }
    });

    it('should offer only the afdelinger the caller’s teams cover when asked for them', async () => {
      const covered = await vest.get('/api/organisations/boligorganisationer?covered=true');
      expect(covered.status).toBe(200);
      expect(covered.body).toEqual([
        expect.objectContaining({ id: boId, afdelinger: [expect.objectContaining({ id: afd52 })] }),
      ]);
      const all = await vest.get('/api/organisations/boligorganisationer');
      expect(all.body.length).toBeGreaterThan(1);
    });

    it('should answer 404 for creating a tenancy in an afdeling the caller’s teams do not cover', async () => {
      const uncovered = await vest.post('/api/tenancies', {
        afdelingId: afd51,
        address: 'Østvej 99',
        lejemaalsnummer: unique('V'),
      });
      const none = await vest.post('/api/tenancies', {
        afdelingId: NO_SUCH_ID,
        address: 'Østvej 99',
        lejemaalsnummer: unique('V'),
      });
      expect(uncovered.status).toBe(404);
      expect(uncovered.body.message).toBe(none.body.message);
      // Not even a lejemålsnummer taken in the other team's afdeling shows through.
      const taken = await vest.post('/api/tenancies', {
        afdelingId: afd51,
        address: 'Østvej 3',
        lejemaalsnummer: tenancy.lejemaalsnummer,
      });
      expect(taken.status).toBe(404);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM lejemaal WHERE address = 'Østvej 99'`);
      expect(n).toBe(0);
      // In its own afdeling: created, and a duplicate number there is 409.
      const own = { afdelingId: afd52, address: 'Vestvej 1', lejemaalsnummer: unique('V') };
      expect((await vest.post('/api/tenancies', own)).status).toBe(201);
      expect((await vest.post('/api/tenancies', own)).status).toBe(409);
    });
  });

  describe('restance rows', () => {
    const HEADER = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';
    let oestRow: string;
    let vestRow: string;
    let importId: string;

    beforeAll(async () => {
      const uploader = await t.loginAs('oest.oekonomi');
      const base64 = Buffer.from(
        [
          HEADER,
          '51;GR-1;Østlejer Hansen;Østvej 1;4.000,00;2;;;',
          '52;GR-2;Vestlejer Jensen;Vestvej 2;3.000,00;1;;;',
          '51;GR-3;Østlejer Afvist;Østvej 3;mange penge;1;;;',
          '99;GR-4;Ukendt Afdeling;Et sted 4;100,00;1;;;',
        ].join('\r\n'),
        'utf8',
      ).toString('base64');
      const res = await uploader.post('/api/restance/imports', {
        boligorganisationId: boId,
        listDate: '2026-11-01',
        filename: 'graensen.csv',
        base64,
      });
      expect(res.status).toBe(201);
      await t.app.get(JobsService).drain();
      importId = res.body.id;
      expect((await uploader.get(`/api/restance/imports/${res.body.id}`)).body.status).toBe('committed');
      const rows = await t.dataSource.query(
        `SELECT id, lejemaalsnummer FROM restance_row WHERE import_id = $1 AND accepted`,
        [res.body.id],
      );
      oestRow = rows.find((r: { lejemaalsnummer: string }) => r.lejemaalsnummer === 'GR-1').id;
      vestRow = rows.find((r: { lejemaalsnummer: string }) => r.lejemaalsnummer === 'GR-2').id;
    });

    it('should list and export only the rows of the caller’s afdelinger', async () => {
      const oestList = await oest.get(`/api/restance/worklist?boligorganisationId=${boId}`);
      expect(oestList.body.items.map((r: { id: string }) => r.id)).toEqual([oestRow]);
      expect(oestList.body.total).toBe(1);
      const vestList = await vest.get(`/api/restance/worklist?boligorganisationId=${boId}`);
      expect(vestList.body.items.map((r: { id: string }) => r.id)).toEqual([vestRow]);
      const csv = await vest.get(`/api/restance/worklist/export?format=csv&boligorganisationId=${boId}`);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('Vestlejer Jensen');
      expect(csv.text).not.toContain('Østlejer');
      expect(csv.text).not.toContain('GR-1');
      // Unfiltered, too (all lists the caller's teams touch).
      const all = await vest.get('/api/restance/worklist/export?format=csv');
      expect(all.text).not.toContain('Østlejer');
      const allJson = await vest.get('/api/restance/worklist?pageSize=200');
      expect(JSON.stringify(allJson.body)).not.toContain(oestRow);
    });

    it('should answer 404 for another team’s row on every row route, as for none', async () => {
      const missing = await vest.get(`/api/restance/worklist/${NO_SUCH_ID}`);
      const foreign = await vest.get(`/api/restance/worklist/${oestRow}`);
      expect(foreign.status).toBe(404);
      expect(foreign.body.message).toBe(missing.body.message);
      expect(
        (await vest.patch(`/api/restance/worklist/${oestRow}`, { outreachStatus: 'forsoegt', version: 1 })).status,
      ).toBe(404);
      expect(
        (
          await vest.post(`/api/restance/worklist/${oestRow}/contact-attempts`, {
            channel: 'doerbank',
            outcome: 'ikke_hjemme',
          })
        ).status,
      ).toBe(404);
      expect((await vest.post(`/api/restance/worklist/${oestRow}/convert`, { version: 1 })).status).toBe(404);
      // Work on the team's own row still goes through.
      expect((await vest.get(`/api/restance/worklist/${vestRow}`)).status).toBe(200);
      const [row] = await t.dataSource.query(`SELECT outreach_status, attempts FROM restance_row WHERE id = $1`, [
        oestRow,
      ]);
      expect(row).toEqual({ outreach_status: 'ikke_kontaktet', attempts: 0 });
    });

    it('should show an importer of another team only the rejected lines without a known afdeling', async () => {
      const oestImporter = await t.loginAs('oest.oekonomi');
      const vestImporter = await t.loginAs('vest.oekonomi');
      const names = (rows: Array<{ raw: Record<string, unknown> }>) =>
        rows.map((r) => Object.values(r.raw).find((v) => String(v).includes('Afvist') || String(v).includes('Ukendt')));
      const oestLines = await oestImporter.get(`/api/restance/imports/${importId}/rejected`);
      expect(oestLines.status).toBe(200);
      expect(names(oestLines.body).sort()).toEqual(['Ukendt Afdeling', 'Østlejer Afvist']);
      const vestLines = await vestImporter.get(`/api/restance/imports/${importId}/rejected`);
      expect(vestLines.status).toBe(200);
      expect(names(vestLines.body)).toEqual(['Ukendt Afdeling']);
      expect(JSON.stringify(vestLines.body)).not.toContain('Østlejer');
      const oestLine = oestLines.body.find((r: { raw: Record<string, unknown> }) =>
        JSON.stringify(r.raw).includes('Østlejer Afvist'),
      );
      const unknownLine = vestLines.body[0];
      const correction = { afdeling: '51', lejemaalsnummer: 'GR-3', amount: '1.000,00', tenantNames: 'X' };
      const foreign = await vestImporter.send('put', `/api/restance/rejected-rows/${oestLine.id}`, correction);
      const missing = await vestImporter.send('put', `/api/restance/rejected-rows/${NO_SUCH_ID}`, correction);
      expect(foreign.status).toBe(404);
      expect(foreign.body.message).toBe(missing.body.message);
      // Nor can a line be corrected into an afdeling the importer's teams do not cover.
      const into51 = await vestImporter.send('put', `/api/restance/rejected-rows/${unknownLine.id}`, {
        ...correction,
        lejemaalsnummer: 'GR-4',
      });
      expect(into51.status).toBe(400);
      expect(into51.body.fields.afdeling[0]).toBe('Afdeling 51 findes ikke hos boligorganisationen');
    });
  });
});
