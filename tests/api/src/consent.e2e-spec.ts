import { newCase, newPerson, partnerId } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

const PDF = Buffer.from('%PDF-1.4\n% Samtykkeerklæring\n').toString('base64');

describe('Consent', () => {
  let t: TestApp;
  let worker: ApiClient;
  let jobcenter: string;
  let socialcenter: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('beboerraadgiver');
    jobcenter = await partnerId(t, 'Jobcenter Fjordby');
    socialcenter = await partnerId(t, 'Socialcenter Fjordby');
  });

  afterAll(() => t.close());

  function consentBody(personId: string, extra: Record<string, unknown> = {}) {
    return {
      personId,
      recipientIds: [jobcenter],
      dataCategories: ['oekonomi', 'bolig'],
      purposes: ['kontakt_myndighed', 'videregivelse'],
      direction: 'videregive',
      form: 'skriftlig',
      ...extra,
    };
  }

  const coverage = (personId: string, q: Record<string, string>) =>
    worker.get(`/api/consents/coverage?${new URLSearchParams({ personId, ...q }).toString()}`);

  it('should record written consent with a document, default to 12 months, and show it on the case', async () => {
    const c = await newCase(t, worker);
    const before = await worker.get(`/api/cases/${c.id}`);
    expect(before.body.consent).toEqual({ state: 'none', expiresAt: null });
    const res = await worker.post(
      '/api/consents',
      consentBody(c.person.id, {
        caseId: c.id,
        document: { filename: 'samtykke.pdf', contentType: 'application/pdf', base64: PDF },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'gyldig',
      hasDocument: true,
      recipients: [{ id: jobcenter, name: 'Jobcenter Fjordby' }],
    });
    const months =
      (new Date(res.body.expiresAt).getTime() - new Date(res.body.givenAt).getTime()) / (30.4 * 86_400_000);
    expect(Math.round(months)).toBe(12);
    const after = await worker.get(`/api/cases/${c.id}`);
    expect(after.body.consent.state).toBe('gyldig');
    const timeline = await worker.get(`/api/cases/${c.id}/timeline?types=consent_given`);
    expect(timeline.body.items[0].data).toMatchObject({
      recipients: ['Jobcenter Fjordby'],
      dataCategories: ['oekonomi', 'bolig'],
    });
    const doc = await worker.get(`/api/consents/${res.body.id}/document`);
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toMatch(/application\/pdf/);
  });

  it('should require a witness for oral consent and reject a document that is not what it claims', async () => {
    const p = await newPerson(t, worker);
    const oral = await worker.post('/api/consents', consentBody(p.id, { form: 'mundtlig' }));
    expect(oral.status).toBe(400);
    expect(oral.body.fields.witnessName).toEqual(['Et mundtligt samtykke kræver et vidne']);
    const fake = await worker.post(
      '/api/consents',
      consentBody(p.id, {
        document: {
          filename: 'x.pdf',
          contentType: 'application/pdf',
          base64: Buffer.from('MZ executable').toString('base64'),
        },
      }),
    );
    expect(fake.status).toBe(400);
    expect(fake.body.fields.document[0]).toMatch(/PDF, PNG eller JPEG/);
    const empty = await worker.post(
      '/api/consents',
      consentBody(p.id, { recipientIds: [], dataCategories: [], purposes: [] }),
    );
    expect(Object.keys(empty.body.fields).sort()).toEqual(['dataCategories', 'purposes', 'recipientIds']);
    const ok = await worker.post(
      '/api/consents',
      consentBody(p.id, { form: 'mundtlig', witnessName: 'Ahmad Hassan', interpreterUsed: true }),
    );
    expect(ok.status).toBe(201);
  });

  describe('coverage: does an active consent cover recipient R, purpose P and these categories?', () => {
    let personId: string;

    beforeAll(async () => {
      personId = (await newPerson(t, worker)).id;
      expect((await worker.post('/api/consents', consentBody(personId))).status).toBe(201);
    });

    it.each([
      ['the exact scope', { recipientId: 'jobcenter', purpose: 'videregivelse', categories: 'oekonomi,bolig' }, true],
      ['a subset of categories', { recipientId: 'jobcenter', purpose: 'kontakt_myndighed', categories: 'bolig' }, true],
      ['another recipient', { recipientId: 'socialcenter', purpose: 'videregivelse', categories: 'oekonomi' }, false],
      ['another purpose', { recipientId: 'jobcenter', purpose: 'status_til_udlejer', categories: 'oekonomi' }, false],
      [
        'a category not consented to',
        { recipientId: 'jobcenter', purpose: 'videregivelse', categories: 'oekonomi,helbred' },
        false,
      ],
      [
        'the other direction',
        { recipientId: 'jobcenter', purpose: 'videregivelse', categories: 'oekonomi', direction: 'indhente' },
        false,
      ],
    ])('%s → covered=%s', async (_label, q, expected) => {
      const ids: Record<string, string> = { jobcenter, socialcenter };
      const res = await coverage(personId, { ...q, recipientId: ids[q.recipientId] } as Record<string, string>);
      expect(res.status).toBe(200);
      expect(res.body.covered).toBe(expected);
    });

    it('should stop covering the moment consent is withdrawn', async () => {
      const p = await newPerson(t, worker);
      const c = await newCase(t, worker, { personId: p.id });
      const consent = (await worker.post('/api/consents', consentBody(p.id, { caseId: c.id }))).body;
      const q = { recipientId: jobcenter, purpose: 'videregivelse', categories: 'oekonomi' };
      expect((await coverage(p.id, q)).body.covered).toBe(true);
      const withdrawn = await worker.post(`/api/consents/${consent.id}/withdraw`, {
        method: 'mundtlig',
        note: 'Ringede og trak det tilbage',
        version: consent.version,
      });
      expect(withdrawn.status).toBe(201);
      expect(withdrawn.body).toMatchObject({
        status: 'tilbagekaldt',
        withdrawalMethod: 'mundtlig',
        withdrawnBy: 'Ahmad Hassan',
      });
      expect((await coverage(p.id, q)).body.covered).toBe(false);
      expect((await worker.get(`/api/cases/${c.id}`)).body.consent.state).toBe('tilbagekaldt');
      const timeline = await worker.get(`/api/cases/${c.id}/timeline?types=consent_withdrawn`);
      expect(timeline.body.items).toHaveLength(1);
      const again = await worker.post(`/api/consents/${consent.id}/withdraw`, {
        method: 'mundtlig',
        version: withdrawn.body.version,
      });
      expect(again.status).toBe(400);
    });

    it('should not cover once expired, and warn while expiring soon', async () => {
      const p = await newPerson(t, worker);
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString();
      const consent = (await worker.post('/api/consents', consentBody(p.id, { expiresAt: soon }))).body;
      expect(consent.status).toBe('udloeber_snart');
      const q = { recipientId: jobcenter, purpose: 'videregivelse', categories: 'oekonomi' };
      expect((await coverage(p.id, q)).body.covered).toBe(true);
      await t.dataSource.query(
        `UPDATE consent SET given_at = now() - interval '2 years', expires_at = now() - interval '1 day' WHERE id = $1`,
        [consent.id],
      );
      expect((await coverage(p.id, q)).body.covered).toBe(false);
      const [listed] = (await worker.get(`/api/persons/${p.id}/consents`)).body;
      expect(listed.status).toBe('udloebet');
    });

    it('should reject an expiry before the consent was given', async () => {
      const p = await newPerson(t, worker);
      const res = await worker.post(
        '/api/consents',
        consentBody(p.id, { givenAt: '2026-06-01T00:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }),
      );
      expect(res.status).toBe(400);
      expect(res.body.fields.expiresAt).toBeDefined();
    });
  });

  it('should not let the kommunal partner or the boligorganisation read consents', async () => {
    const p = await newPerson(t, worker);
    for (const who of ['partner', 'boligorg']) {
      const c = await t.loginAs(who);
      expect((await c.get(`/api/persons/${p.id}/consents`)).status).toBe(403);
    }
  });
});
