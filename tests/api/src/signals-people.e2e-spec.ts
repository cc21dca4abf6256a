import { newPerson, newTenancy, teamIdOf, unique } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

describe('Signals, persons and search', () => {
  let t: TestApp;
  let worker: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('vicevaert');
  });

  afterAll(() => t.close());

  describe('signals', () => {
    it('should take a minimal neighbour signal about a tenancy, log contact attempts, and convert it to a case', async () => {
      const tenancy = await newTenancy(t, worker);
      const created = await worker.post('/api/signals', {
        source: 'nabo',
        teamId: await teamIdOf(t),
        tenancyId: tenancy.id,
        description: 'Nabo bekymret: post hober sig op',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: 'ny',
        source: 'nabo',
        person: null,
        assignee: { displayName: 'Mette Larsen' },
      });
      const first = await worker.post(`/api/signals/${created.body.id}/contact-attempts`, {
        channel: 'doerbank',
        outcome: 'ikke_hjemme',
      });
      expect(first.body.status).toBe('kontaktforsoeg');
      const second = await worker.post(`/api/signals/${created.body.id}/contact-attempts`, {
        channel: 'doerbank',
        outcome: 'kontakt_etableret',
      });
      expect(second.body.contactAttempts.map((a: { outcome: string }) => a.outcome)).toEqual([
        'ikke_hjemme',
        'kontakt_etableret',
      ]);
      const converted = await worker.post(`/api/signals/${created.body.id}/convert`, {
        caseType: 'social_stoette_brobygning',
        newPersonName: 'Karin Holm',
        version: second.body.version,
      });
      expect(converted.status).toBe(201);
      expect(converted.body).toMatchObject({
        status: 'oprettet',
        originSignalId: created.body.id,
        person: { name: 'Karin Holm' },
      });
      expect(converted.body.household.members).toEqual([
        expect.objectContaining({ name: 'Karin Holm', relation: 'lejer' }),
      ]);
      const timeline = await worker.get(`/api/cases/${converted.body.id}/timeline?pageSize=50`);
      const types = timeline.body.items.map((e: { type: string }) => e.type).reverse();
      expect(types.slice(0, 3)).toEqual(['signal_received', 'contact_attempt', 'contact_attempt']);
      expect(types).toContain('case_opened');
      const signal = await worker.get(`/api/signals/${created.body.id}`);
      expect(signal.body).toMatchObject({ status: 'konverteret', caseId: converted.body.id });
      expect(
        (
          await worker.post(`/api/signals/${created.body.id}/convert`, {
            caseType: 'nabokonflikt',
            newPersonName: 'X',
            version: signal.body.version,
          })
        ).status,
      ).toBe(409);
    });

    it('should enforce signal transitions and keep descriptions short', async () => {
      const s = (
        await worker.post('/api/signals', {
          source: 'drift',
          teamId: await teamIdOf(t),
          description: 'Lugt fra opgang',
        })
      ).body;
      const bad = await worker.patch(`/api/signals/${s.id}`, { status: 'konverteret', version: s.version });
      expect(bad.status).toBe(409);
      const ok = await worker.patch(`/api/signals/${s.id}`, { status: 'ikke_relevant', version: s.version });
      expect(ok.body.status).toBe('ikke_relevant');
      const attempt = await worker.post(`/api/signals/${s.id}/contact-attempts`, {
        channel: 'telefon',
        outcome: 'afvist',
      });
      expect(attempt.status).toBe(409);
      const long = await worker.post('/api/signals', {
        source: 'nabo',
        teamId: await teamIdOf(t),
        description: 'x'.repeat(501),
      });
      expect(long.status).toBe(400);
      expect(long.body.fields.description[0]).toMatch(/500 tegn/);
      const none = await worker.post('/api/signals', { teamId: await teamIdOf(t), description: '' });
      expect(none.body.fields).toMatchObject({
        source: ['Vælg hvor henvendelsen kommer fra'],
        description: ['Skal udfyldes'],
      });
    });

    it('should list open signals, mine first, paged', async () => {
      const res = await worker.get('/api/signals?open=true&mine=true&pageSize=5');
      expect(res.status).toBe(200);
      expect(
        res.body.items.every((s: { status: string }) => !['konverteret', 'ikke_relevant'].includes(s.status)),
      ).toBe(true);
    });
  });

  describe('CPR numbers', () => {
    it('should store CPR encrypted, return it masked, and reveal it only to advisers, with an access-log entry', async () => {
      const created = await worker.post('/api/persons', {
        name: 'Jonas Berg',
        teamId: await teamIdOf(t),
        cpr: '120385-1237',
      });
      expect(created.status).toBe(201);
      expect(created.body.cprMasked).toBe('120385-xxxx');
      expect(created.body.birthYear).toBe(1985);
      expect(JSON.stringify(created.body)).not.toMatch(/1203851237|120385-1237/);
      const [row] = await t.dataSource.query(`SELECT cpr_encrypted, cpr_blind_index FROM person WHERE id = $1`, [
        created.body.id,
      ]);
      expect(row.cpr_encrypted.toString('latin1')).not.toContain('1203851237');
      expect(row.cpr_blind_index).toMatch(/^[0-9a-f]{64}$/);
      expect((await worker.get(`/api/persons/${created.body.id}/cpr`)).status).toBe(403);
      const adviser = await t.loginAs('oekonomi');
      const reveal = await adviser.agent.get(`/api/persons/${created.body.id}/cpr`).set('X-Request-Id', 'cpr-reveal-1');
      expect(reveal.body).toEqual({ personId: created.body.id, cpr: '120385-1237' });
      const [log] = await t.dataSource.query(`SELECT * FROM access_log WHERE request_id = 'cpr-reveal-1'`);
      expect(log).toMatchObject({
        actor_username: 'oekonomi',
        subject_id: created.body.id,
        purpose: 'Sagsbehandling: CPR-nummer vist',
      });
    });

    it('should find a person by exact CPR only, and never write the number to the access log', async () => {
      await worker.post('/api/persons', { name: 'Sofie Dahl', teamId: await teamIdOf(t), cpr: '0703924562' });
      const exact = await worker.get('/api/search?cpr=070392-4562');
      expect(exact.body.persons.map((p: { name: string }) => p.name)).toEqual(['Sofie Dahl']);
      const partial = await worker.get('/api/search?cpr=070392');
      expect(partial.status).toBe(400);
      const typedInNameField = await worker.get('/api/search?q=0703924562');
      expect(typedInNameField.body.persons.map((p: { name: string }) => p.name)).toEqual(['Sofie Dahl']);
      const everything = await t.dataSource.query(
        `SELECT string_agg(coalesce(search_criterion,'') || purpose, ' ') AS s FROM access_log`,
      );
      expect(everything[0].s).not.toMatch(/0703924562|070392-4562/);
      expect(everything[0].s).toContain('cpr:070392-xxxx');
    });

    it.each([
      ['320185-1234', 'a day that does not exist'],
      ['1203851', 'too short'],
      ['12-03-85-1237x', 'letters'],
    ])('should reject %s (%s) with a Danish field message', async (cpr) => {
      const res = await worker.post('/api/persons', { name: 'X', teamId: await teamIdOf(t), cpr });
      expect(res.status).toBe(400);
      expect(res.body.fields.cpr[0]).toMatch(/Ugyldigt CPR-nummer/);
    });

    it('should accept a CPR that fails modulus 11', async () => {
      const res = await worker.post('/api/persons', {
        name: 'Mod Elleve',
        teamId: await teamIdOf(t),
        cpr: '010190-1235',
      });
      expect(res.status).toBe(201);
    });

    it('should refuse a second person with the same CPR in the same team, naming the team’s own record', async () => {
      const first = await worker.post('/api/persons', {
        name: 'Første',
        teamId: await teamIdOf(t),
        cpr: '150570-2223',
      });
      const dup = await worker.post('/api/persons', { name: 'Anden', teamId: await teamIdOf(t), cpr: '1505702223' });
      expect(dup.status).toBe(409);
      expect(dup.body.fields.cpr).toBeDefined();
      expect(dup.body.current).toMatchObject({ id: first.body.id, name: 'Første' });
    });
  });

  describe('persons, households and search', () => {
    it('should build a household with children and ages, and find it by address and lejemålsnummer', async () => {
      const tenancy = await newTenancy(t, worker);
      const mother = await newPerson(t, worker, {
        name: unique('Amina'),
        tenancyId: tenancy.id,
        relation: 'lejer',
        phone: '+45 12345678',
        preferredLanguage: 'arabisk',
        interpreterNeeded: true,
        communicationPreference: 'mundtlig',
      });
      const child = await newPerson(t, worker, { name: unique('Yusuf'), birthYear: 2016 });
      const household = await worker.post(`/api/tenancies/${tenancy.id}/household/members`, {
        personId: child.id,
        relation: 'barn',
      });
      expect(household.status).toBe(201);
      expect(household.body.members).toEqual([
        expect.objectContaining({ personId: mother.id, relation: 'lejer' }),
        expect.objectContaining({
          personId: child.id,
          relation: 'barn',
          birthYear: 2016,
          age: new Date().getFullYear() - 2016,
        }),
      ]);
      const person = await worker.get(`/api/persons/${mother.id}`);
      expect(person.body).toMatchObject({
        interpreterNeeded: true,
        preferredLanguage: 'arabisk',
        communicationPreference: 'mundtlig',
        smsPreferred: true,
      });
      expect(person.body.households[0].tenancy.id).toBe(tenancy.id);
      const view = await worker.get(`/api/tenancies/${tenancy.id}`);
      const search = await worker.get(`/api/search?q=${encodeURIComponent(view.body.tenancy.address.slice(0, 12))}`);
      expect(search.body.tenancies.map((x: { id: string }) => x.id)).toContain(tenancy.id);
      const byNumber = await worker.get(`/api/search?q=${encodeURIComponent(view.body.tenancy.lejemaalsnummer)}`);
      expect(byNumber.body.tenancies.map((x: { id: string }) => x.id)).toContain(tenancy.id);
    });

    it('should keep a child a child when a case on the tenancy is opened for them', async () => {
      const tenancy = await newTenancy(t, worker);
      const child = await newPerson(t, worker, {
        name: unique('Barn'),
        birthYear: 2012,
        tenancyId: tenancy.id,
        relation: 'barn',
      });
      const created = await worker.post('/api/cases', {
        type: 'social_stoette_brobygning',
        personId: child.id,
        teamId: await teamIdOf(t),
        tenancyId: tenancy.id,
      });
      expect(created.body.household.members).toEqual([
        expect.objectContaining({ personId: child.id, relation: 'barn' }),
      ]);
    });

    it('should update a person with optimistic concurrency and reject bad contact data', async () => {
      const p = await newPerson(t, worker);
      expect((await worker.patch(`/api/persons/${p.id}`, { phone: '22334455', version: p.version })).status).toBe(200);
      const stale = await worker.patch(`/api/persons/${p.id}`, { phone: '99887766', version: p.version });
      expect(stale.status).toBe(409);
      expect(stale.body.current.phone).toBe('22334455');
      const bad = await worker.patch(`/api/persons/${p.id}`, {
        phone: 'ring mig',
        email: 'nej',
        birthYear: 1700,
        version: p.version + 1,
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['birthYear', 'email', 'phone']);
    });

    it('should log every search with its criterion', async () => {
      await worker.agent.get('/api/search?q=Holm').set('X-Request-Id', 'search-1');
      const [row] = await t.dataSource.query(`SELECT * FROM access_log WHERE request_id = 'search-1'`);
      expect(row).toMatchObject({ action: 'search', search_criterion: 'Holm', purpose: 'Sagsbehandling' });
      expect((await worker.get('/api/search?q=a')).status).toBe(400);
    });
  });
});
