import { randomUUID } from 'node:crypto';

import { ConsentPurpose, DataCategory, sharedCategoriesOf, ShareableField } from '@bofast/contracts';

import { ReferralsService } from '../../../backend/src/features/referrals/referrals.service';
import { newCase, newTenancy, partnerId, teamIdOf } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/** A small seeded PRNG (mulberry32): the property runs are random but reproducible. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Visits, referrals and the partner portal', () => {
  let t: TestApp;
  let worker: ApiClient;
  let lead: ApiClient;
  let partner: ApiClient;
  let jobcenter: string;
  let socialcenter: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('vicevaert');
    lead = await t.loginAs('teamleder');
    partner = await t.loginAs('partner');
    jobcenter = await partnerId(t, 'Jobcenter Fjordby');
    socialcenter = await partnerId(t, 'Socialcenter Fjordby');
  });

  afterAll(() => t.close());

  async function freshCase(client = worker) {
    const tenancy = await newTenancy(t, client);
    return newCase(t, client, { tenancyId: tenancy.id });
  }

  /** A consent row as the consent API would store it (dates in the past or future as needed). */
  async function consent(
    personId: string,
    c: {
      recipients: string[];
      categories: DataCategory[];
      purposes: ConsentPurpose[];
      direction?: 'indhente' | 'videregive' | 'begge';
      givenDaysAgo?: number;
      expiresInDays?: number;
      withdrawn?: boolean;
    },
  ): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO consent (person_id, data_categories, purposes, direction, form, given_at, expires_at, withdrawn_at, withdrawal_method)
       VALUES ($1, $2, $3, $4, 'skriftlig', now() - make_interval(days => $5), now() + make_interval(days => $6),
               CASE WHEN $7 THEN now() - interval '1 minute' END, CASE WHEN $7 THEN 'skriftlig' END) RETURNING id`,
      [
        personId,
        c.categories,
        c.purposes,
        c.direction ?? 'videregive',
        c.givenDaysAgo ?? 1,
        c.expiresInDays ?? 300,
        !!c.withdrawn,
      ],
    );
    for (const r of c.recipients)
      await t.dataSource.query(`INSERT INTO consent_recipient (consent_id, partner_organisation_id) VALUES ($1, $2)`, [
        row.id,
        r,
      ]);
    return row.id;
  }

  async function timeline(caseId: string) {
    const res = await worker.get(`/api/cases/${caseId}/timeline?pageSize=100`);
    return res.body.items as { type: string; data: Record<string, unknown>; text: string | null }[];
  }

  describe('visits', () => {
    it('should seed the demo world with a visit planned for today, a follow-up and an accepted referral', async () => {
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
      const visits = (await worker.get(`/api/visits?mine=true&date=${today}`)).body;
      expect(visits).toContainEqual(
        expect.objectContaining({
          status: 'planlagt',
          personName: 'Fatima Ali',
          purpose: 'Følge op på ansøgningen om enkeltydelse',
        }),
      );
      const tasks = (await worker.get('/api/tasks?mine=true')).body.map((x: { title: string }) => x.title);
      expect(tasks).toContain('Ring til Fatima om svar fra kommunen');
      const [fatimaCase] = await t.dataSource.query(
        `SELECT s.id FROM sag s JOIN person p ON p.id = s.person_id WHERE p.name = 'Fatima Ali' LIMIT 1`,
      );
      const referrals = (await worker.get(`/api/cases/${fatimaCase.id}/referrals`)).body;
      expect(referrals).toEqual([
        expect.objectContaining({
          partner: expect.objectContaining({ name: 'Gældsrådgivningen Fjordby' }),
          status: 'accepteret',
        }),
      ]);
    });

    it('should log an unannounced home visit with a follow-up, on the timeline and in "Mine besøg i dag"', async () => {
      const sag = await freshCase();
      const res = await worker.post(`/api/cases/${sag.id}/visits`, {
        clientId: randomUUID(),
        status: 'gennemfoert',
        locationType: 'hjem',
        announced: false,
        participants: [
          { kind: 'husstand', personId: sag.person.id },
          { kind: 'tolk', name: 'Tolk (arabisk)' },
        ],
        purpose: 'Restance og jobsituation',
        summary: 'Talt med beboeren om huslejen. Hun vil gerne have hjælp til jobcentret.',
        followUps: [{ title: 'Ring og hør om jobcentret har svaret', dueDate: '2027-01-05' }],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'gennemfoert',
        announced: false,
        locationType: 'hjem',
        participants: [{ kind: 'husstand' }, { kind: 'tolk', displayName: 'Tolk (arabisk)' }],
        followUps: [{ title: 'Ring og hør om jobcentret har svaret', dueDate: '2027-01-05', status: 'aaben' }],
      });
      expect(res.body.occurredAt).toBeTruthy();
      const events = await timeline(sag.id);
      expect(events.find((e) => e.type === 'visit')).toMatchObject({
        data: { status: 'gennemfoert', announced: false, locationType: 'hjem' },
        text: 'Talt med beboeren om huslejen. Hun vil gerne have hjælp til jobcentret.',
      });
      const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
      const mine = await worker.get(`/api/visits?mine=true&date=${today}`);
      expect(mine.body.map((v: { id: string }) => v.id)).toContain(res.body.id);
      const tasks = await worker.get('/api/tasks?mine=true');
      expect(tasks.body.map((x: { title: string }) => x.title)).toContain('Ring og hør om jobcentret har svaret');
    });

    it('should keep one visit when the same draft is sent twice (a dropped connection retried)', async () => {
      const sag = await freshCase();
      const draft = { clientId: randomUUID(), status: 'ingen_hjemme', locationType: 'hjem', announced: false };
      const [a, b] = await Promise.all([
        worker.post(`/api/cases/${sag.id}/visits`, draft),
        worker.post(`/api/cases/${sag.id}/visits`, draft),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(201);
      const again = await worker.post(`/api/cases/${sag.id}/visits`, draft);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(a.status === 201 ? a.body.id : b.body.id);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM visit WHERE client_id = $1`, [
        draft.clientId,
      ]);
      expect(n).toBe(1);
      const other = await freshCase();
      expect((await worker.post(`/api/cases/${other.id}/visits`, draft)).status).toBe(409);
    });

    it('should let partner staff join a visit only with consent for "tredjepart ved besøg"', async () => {
      const sag = await freshCase();
      const body = {
        status: 'planlagt',
        plannedAt: '2027-01-10T10:00:00+01:00',
        locationType: 'hjem',
        announced: true,
        participants: [{ kind: 'partner', partnerOrganisationId: jobcenter, name: 'Camilla Berg' }],
      };
      const refused = await worker.post(`/api/cases/${sag.id}/visits`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.fields.participants[0]).toContain('samtykke');
      await consent(sag.person.id, {
        recipients: [jobcenter],
        categories: ['bolig'],
        purposes: ['tredjepart_ved_besoeg'],
      });
      const ok = await worker.post(`/api/cases/${sag.id}/visits`, body);
      expect(ok.status).toBe(201);
      expect(ok.body.participants[0].displayName).toBe('Camilla Berg, Jobcenter Fjordby');
      // The planned visit is held: it ends in one state only.
      const done = await worker.post(`/api/visits/${ok.body.id}/complete`, {
        status: 'gennemfoert',
        summary: 'Fælles besøg med jobcentret.',
        version: ok.body.version,
      });
      expect(done.status).toBe(201);
      const again = await worker.post(`/api/visits/${ok.body.id}/complete`, {
        status: 'aflyst',
        version: done.body.version,
      });
      expect(again.status).toBe(409);
    });

    it('should reject bad visit input with Danish field messages', async () => {
      const sag = await freshCase();
      const res = await worker.post(`/api/cases/${sag.id}/visits`, {
        status: 'planlagt',
        locationType: 'hjem',
        announced: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.fields).toEqual({ plannedAt: ['Angiv hvornår besøget er planlagt'] });
      const bad = await worker.post(`/api/cases/${sag.id}/visits`, { status: 'x', locationType: 'slot' });
      expect(Object.keys(bad.body.fields).sort()).toEqual(['announced', 'locationType', 'status']);
    });
  });

  describe('partner directory', () => {
    it('should list services, contacts and channels, and let the admin change the response time', async () => {
      const list = await worker.get('/api/partners');
      const jc = list.body.find((p: { name: string }) => p.name === 'Jobcenter Fjordby');
      expect(jc).toMatchObject({ channels: ['portal', 'sikker_mail'], responseDays: 7 });
      expect(jc.services).toContain('Virksomhedspraktik');
      const admin = await t.loginAs('admin');
      const gaeld = list.body.find((p: { name: string }) => p.name === 'Gældsrådgivningen Fjordby');
      const res = await admin.patch(`/api/partners/${gaeld.id}`, { responseDays: 21, version: gaeld.version });
      expect(res.status).toBe(200);
      expect(res.body.responseDays).toBe(21);
      expect((await admin.patch(`/api/partners/${gaeld.id}`, { responseDays: 3, version: gaeld.version })).status).toBe(
        409,
      );
      expect(
        (await admin.patch(`/api/partners/${gaeld.id}`, { responseDays: 0, version: res.body.version })).status,
      ).toBe(400);
    });
  });

  describe('the consent gate', () => {
    it('should refuse to send a referral sharing data without consent, and send it once consent covers it', async () => {
      const sag = await freshCase();
      const draft = await worker.post(`/api/cases/${sag.id}/referrals`, {
        partnerId: jobcenter,
        method: 'formidlet_kontakt',
        reason: 'Ønsker hjælp til at komme i job',
        sharedFields: ['arrears'],
        notes: { beskaeftigelse: 'Mistede sit job i september; vil gerne i praktik.' },
      });
      expect(draft.status).toBe(201);
      expect(draft.body).toMatchObject({ status: 'udkast', sharedCategories: ['beskaeftigelse', 'oekonomi'] });
      const refused = await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CONSENT_REQUIRED');
      expect(refused.body.message).toContain('intet gyldigt samtykke');
      expect(refused.body.fields.sharedFields).toBeDefined();
      // Consent for økonomi only is not enough; økonomi + beskæftigelse is.
      await consent(sag.person.id, { recipients: [jobcenter], categories: ['oekonomi'], purposes: ['videregivelse'] });
      expect((await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version })).status).toBe(
        409,
      );
      const consentId = await consent(sag.person.id, {
        recipients: [jobcenter],
        categories: ['oekonomi', 'beskaeftigelse'],
        purposes: ['videregivelse'],
      });
      const sent = await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ status: 'sendt', consentId, consentActive: true });
      const types = (await timeline(sag.id)).filter((e) => e.type === 'referral').map((e) => e.data['status']);
      expect(types).toEqual(['sendt', 'udkast']);
    });

    it('should never let a referral leave without cover, over random consent scopes, expiries and withdrawals', async () => {
      const random = prng(20261201);
      const pick = <T>(xs: readonly T[], p = 0.5) => xs.filter(() => random() < p);
      const CATEGORIES: DataCategory[] = ['oekonomi', 'bolig', 'beskaeftigelse', 'helbred', 'boern'];
      const FIELDS: ShareableField[] = ['address', 'phone', 'household', 'arrears', 'agreements'];
      let sentCount = 0;
      let refusedCount = 0;
      for (let run = 0; run < 60; run++) {
        const sag = await freshCase();
        const consents = Array.from({ length: Math.floor(random() * 4) }, () => {
          const categories = pick(CATEGORIES, 0.75);
          const future = random() < 0.15;
          return {
            recipients: random() < 0.7 ? [jobcenter] : [socialcenter],
            categories: categories.length ? categories : (['oekonomi'] as DataCategory[]),
            purposes: (random() < 0.8 ? ['videregivelse'] : ['raadgivning']) as ConsentPurpose[],
            direction: (['videregive', 'begge', 'indhente'] as const)[Math.floor(random() * 3)],
            givenDaysAgo: future ? -3 : 10,
            expiresInDays: !future && random() < 0.2 ? -1 : 100,
            withdrawn: random() < 0.2,
          };
        });
        for (const c of consents) await consent(sag.person.id, c);
        const fields = pick(FIELDS, 0.25);
        const notes = Object.fromEntries(pick(CATEGORIES, 0.2).map((c) => [c, `Noter om ${c}`]));
        const shared = sharedCategoriesOf(fields, notes);
        const covered =
          shared.length === 0 ||
          consents.some(
            (c) =>
              c.recipients.includes(jobcenter) &&
              !c.withdrawn &&
              c.givenDaysAgo > 0 &&
              c.expiresInDays > 0 &&
              c.purposes.includes('videregivelse') &&
              c.direction !== 'indhente' &&
              shared.every((s) => c.categories.includes(s)),
          );
        const draft = await worker.post(`/api/cases/${sag.id}/referrals`, {
          partnerId: jobcenter,
          method: 'formel_henvisning',
          reason: `Kørsel ${run}`,
          sharedFields: fields,
          notes,
        });
        expect(draft.status).toBe(201);
        const res = await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
        expect({ run, status: res.status }).toEqual({ run, status: covered ? 201 : 409 });
        if (covered) sentCount++;
        else refusedCount++;
        const visible = await partner.get(`/api/partner/referrals/${draft.body.id}`);
        expect({ run, visible: visible.status }).toEqual({ run, visible: covered ? 200 : 404 });
      }
      expect(sentCount).toBeGreaterThan(3);
      expect(refusedCount).toBeGreaterThan(3);
      // The invariant, straight from the database: nothing left without a consent that covered it when sent.
      const uncovered = await t.dataSource.query(
        `SELECT r.id FROM referral r WHERE r.status <> 'udkast' AND NOT r.underretning AND cardinality(r.shared_categories) > 0
           AND NOT EXISTS (SELECT 1 FROM consent c JOIN consent_recipient cr ON cr.consent_id = c.id
                            WHERE c.id = r.consent_id AND cr.partner_organisation_id = r.partner_organisation_id
                              AND c.given_at <= r.sent_at AND c.expires_at > r.sent_at
                              AND (c.withdrawn_at IS NULL OR c.withdrawn_at > r.sent_at)
                              AND r.purpose = ANY(c.purposes) AND c.data_categories @> r.shared_categories)`,
      );
      expect(uncovered).toEqual([]);
    });
  });

  describe('the partner portal', () => {
    let sag: { id: string; person: { id: string } };
    let referral: { id: string; version: number };
    let consentId: string;

    beforeAll(async () => {
      sag = await freshCase();
      consentId = await consent(sag.person.id, {
        recipients: [jobcenter],
        categories: ['oekonomi', 'beskaeftigelse', 'bolig'],
        purposes: ['videregivelse'],
      });
      const draft = await worker.post(`/api/cases/${sag.id}/referrals`, {
        partnerId: jobcenter,
        method: 'formel_henvisning',
        reason: 'Henvises til jobsamtale',
        sharedFields: ['address'],
        notes: { beskaeftigelse: 'Ledig siden september.' },
      });
      referral = (await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version })).body;
    });

    it('should show the partner only that referral’s consented fields, and log the view', async () => {
      const list = await partner.get('/api/partner/referrals');
      expect(list.status).toBe(200);
      const mine = list.body.find((r: { id: string }) => r.id === referral.id);
      expect(mine.resident).toEqual({ name: expect.any(String), address: expect.stringContaining('Engparken') });
      expect(mine.notes).toEqual({ beskaeftigelse: 'Ledig siden september.' });
      expect(mine).not.toHaveProperty('caseId');
      expect(JSON.stringify(mine)).not.toContain(sag.id);
      expect(mine.from.team).toBe('Boligsocialt team Engparken og Skovhaven');
      expect(mine.history.map((h: { status: string }) => h.status)).toEqual(['sendt']);
      const log = await t.dataSource.query(
        `SELECT purpose FROM access_log WHERE subject_type = 'referral' AND subject_id = $1 AND actor_username = 'partner'`,
        [referral.id],
      );
      expect(log).toContainEqual({ purpose: 'Partnerportal: henvisning' });
    });

    it('should let the partner accept, report the first meeting and write to the caseworker, all on the timeline', async () => {
      const accepted = await partner.post(`/api/partner/referrals/${referral.id}/status`, {
        status: 'accepteret',
        version: referral.version,
      });
      expect(accepted.status).toBe(201);
      const wrongSide = await partner.post(`/api/partner/referrals/${referral.id}/status`, {
        status: 'trukket_tilbage',
        reason: 'x',
        version: accepted.body.version,
      });
      expect(wrongSide.status).toBe(409);
      const meeting = await partner.post(`/api/partner/referrals/${referral.id}/status`, {
        status: 'forloeb_i_gang',
        firstMeetingAt: '2026-12-03T09:00:00+01:00',
        version: accepted.body.version,
      });
      expect(meeting.status).toBe(201);
      expect(meeting.body.firstMeetingAt).toBe('2026-12-03T08:00:00.000Z');
      await partner.post(`/api/partner/referrals/${referral.id}/messages`, { text: 'Første samtale gik godt.' });
      const answer = await worker.post(`/api/referrals/${referral.id}/messages`, { text: 'Tak, jeg følger op.' });
      expect(answer.body.messages.map((m: { side: string }) => m.side)).toEqual(['partner', 'team']);
      const events = await timeline(sag.id);
      expect(events.filter((e) => e.type === 'referral').map((e) => e.data['status'])).toEqual([
        'forloeb_i_gang',
        'accepteret',
        'sendt',
        'udkast',
      ]);
      expect(events.filter((e) => e.type === 'referral_message').map((e) => e.data['side'])).toEqual([
        'team',
        'partner',
      ]);
      referral = meeting.body;
    });

    it('should answer 404 to guessed ids: another partner’s referral, a draft, an unknown id; and never open a case or person', async () => {
      const other = await worker.post(`/api/cases/${sag.id}/referrals`, {
        partnerId: socialcenter,
        method: 'informeret',
        reason: 'Til socialcentret',
        sharedFields: [],
      });
      await worker.post(`/api/referrals/${other.body.id}/send`, { version: other.body.version });
      const draft = await worker.post(`/api/cases/${sag.id}/referrals`, {
        partnerId: jobcenter,
        method: 'informeret',
        reason: 'Kladde',
        sharedFields: [],
      });
      for (const id of [other.body.id, draft.body.id, randomUUID()]) {
        expect((await partner.get(`/api/partner/referrals/${id}`)).status).toBe(404);
        expect((await partner.post(`/api/partner/referrals/${id}/messages`, { text: 'hej' })).status).toBe(404);
      }
      const listed = (await partner.get('/api/partner/referrals')).body.map((r: { id: string }) => r.id);
      expect(listed).not.toContain(other.body.id);
      expect(listed).not.toContain(draft.body.id);
      // Case and person routes are closed to partners whether the id exists or not: nothing to tell apart.
      for (const path of [`/api/cases/${sag.id}`, `/api/persons/${sag.person.id}`, `/api/referrals/${referral.id}`]) {
        const real = await partner.get(path);
        const fake = await partner.get(path.replace(/[0-9a-f-]{36}$/, randomUUID()));
        expect([real.status, real.body.message]).toEqual([fake.status, fake.body.message]);
        expect(real.status).toBe(403);
      }
    });

    it('should end the partner’s access the moment the consent is withdrawn', async () => {
      expect((await partner.get(`/api/partner/referrals/${referral.id}`)).status).toBe(200);
      const [c] = await t.dataSource.query(`SELECT version FROM consent WHERE id = $1`, [consentId]);
      const withdrawn = await worker.post(`/api/consents/${consentId}/withdraw`, {
        method: 'mundtlig',
        version: c.version,
      });
      expect(withdrawn.status).toBe(201);
      expect((await partner.get(`/api/partner/referrals/${referral.id}`)).status).toBe(404);
      expect((await partner.get('/api/partner/referrals')).body.map((r: { id: string }) => r.id)).not.toContain(
        referral.id,
      );
      expect(
        (
          await partner.post(`/api/partner/referrals/${referral.id}/status`, {
            status: 'afsluttet',
            outcome: 'x',
            version: 9,
          })
        ).status,
      ).toBe(404);
      const teamView = await worker.get(`/api/referrals/${referral.id}`);
      expect(teamView.body.consentActive).toBe(false);
      expect((await worker.get(`/api/referrals/${referral.id}/summary`)).status).toBe(409);
    });

    it('should end access when the consent expires', async () => {
      const s = await freshCase();
      const id = await consent(s.person.id, {
        recipients: [jobcenter],
        categories: ['bolig'],
        purposes: ['videregivelse'],
      });
      const d = await worker.post(`/api/cases/${s.id}/referrals`, {
        partnerId: jobcenter,
        method: 'informeret',
        reason: 'Udløb',
        sharedFields: ['phone'],
      });
      await worker.post(`/api/referrals/${d.body.id}/send`, { version: d.body.version });
      expect((await partner.get(`/api/partner/referrals/${d.body.id}`)).status).toBe(200);
      await t.dataSource.query(`UPDATE consent SET expires_at = now() - interval '1 second' WHERE id = $1`, [id]);
      expect((await partner.get(`/api/partner/referrals/${d.body.id}`)).status).toBe(404);
    });

    it('should give a printable summary of exactly the shared data', async () => {
      const s = await freshCase();
      await consent(s.person.id, { recipients: [jobcenter], categories: ['bolig'], purposes: ['videregivelse'] });
      const d = await worker.post(`/api/cases/${s.id}/referrals`, {
        partnerId: jobcenter,
        method: 'ledsaget',
        reason: 'Ledsages til første møde',
        sharedFields: ['address'],
      });
      await worker.post(`/api/referrals/${d.body.id}/send`, { version: d.body.version });
      const summary = await worker.get(`/api/referrals/${d.body.id}/summary`);
      expect(summary.status).toBe(200);
      expect(Object.keys(summary.body.resident).sort()).toEqual(['address', 'name']);
      expect(summary.body).toEqual((await partner.get(`/api/partner/referrals/${d.body.id}`)).body);
    });
  });

  describe('underretning', () => {
    it('should let only a team lead send an underretning outside consent, with reason and legal basis, marked', async () => {
      const s = await freshCase();
      const body = {
        partnerId: jobcenter,
        reason: 'Bekymring for barnets trivsel efter hjemmebesøg',
        legalBasis: 'Serviceloven § 133 (skærpet underretningspligt)',
        sharedFields: ['address', 'household'],
      };
      expect((await worker.post(`/api/cases/${s.id}/underretninger`, body)).status).toBe(403);
      const noBasis = await lead.post(`/api/cases/${s.id}/underretninger`, { ...body, legalBasis: ' ' });
      expect(noBasis.status).toBe(400);
      expect(noBasis.body.fields.legalBasis).toBeDefined();
      const res = await lead.post(`/api/cases/${s.id}/underretninger`, body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'sendt', underretning: true, consentId: null });
      const seen = await partner.get(`/api/partner/referrals/${res.body.id}`);
      expect(seen.body).toMatchObject({ underretning: true, underretningReason: body.legalBasis });
      const [log] = await t.dataSource.query(
        `SELECT purpose FROM access_log WHERE subject_type = 'referral' AND subject_id = $1 AND action = 'update'`,
        [res.body.id],
      );
      expect(log.purpose).toContain('Underretning uden samtykke');
      const event = (await timeline(s.id)).find((e) => e.type === 'referral');
      expect(event?.data).toMatchObject({ underretning: true, legalBasis: body.legalBasis });
    });
  });

  describe('the closed loop', () => {
    it('should create a follow-up task when the partner has not answered in its response time, once per period', async () => {
      const s = await freshCase();
      const d = await worker.post(`/api/cases/${s.id}/referrals`, {
        partnerId: jobcenter,
        method: 'formel_henvisning',
        reason: 'Ingen svar endnu',
        sharedFields: [],
      });
      const sent = await worker.post(`/api/referrals/${d.body.id}/send`, { version: d.body.version });
      const answered = await worker.post(`/api/cases/${s.id}/referrals`, {
        partnerId: jobcenter,
        method: 'formel_henvisning',
        reason: 'Besvaret',
        sharedFields: [],
      });
      const a = await worker.post(`/api/referrals/${answered.body.id}/send`, { version: answered.body.version });
      await partner.post(`/api/partner/referrals/${a.body.id}/status`, {
        status: 'accepteret',
        version: a.body.version,
      });
      const chaser = t.app.get(ReferralsService);
      const now = new Date();
      // Six days: within Jobcenter's 7-day response time. Eight days: overdue.
      expect(await chaser.chaseUnanswered(new Date(now.getTime() + 6 * 86_400_000))).toBe(0);
      const later = new Date(now.getTime() + 8 * 86_400_000);
      const created = await chaser.chaseUnanswered(later);
      expect(created).toBeGreaterThanOrEqual(1);
      const tasks = await t.dataSource.query(
        `SELECT title, assignee_id, source_id FROM task WHERE source = 'henvisning' AND sag_id = $1`,
        [s.id],
      );
      expect(tasks).toEqual([
        {
          title: 'Rykke Jobcenter Fjordby for svar på henvisningen',
          assignee_id: expect.any(String),
          source_id: sent.body.id,
        },
      ]);
      expect(await chaser.chaseUnanswered(new Date(later.getTime() + 86_400_000))).toBe(0);
      // Another full period without an answer: chased again.
      expect(await chaser.chaseUnanswered(new Date(later.getTime() + 8 * 86_400_000))).toBeGreaterThanOrEqual(1);
      expect((await timeline(s.id)).some((e) => e.type === 'task' && e.data['referralId'] === sent.body.id)).toBe(true);
    });
  });

  describe('handoffs', () => {
    it('should hand a case to a colleague with a note, keep the history, and answer a stale version with 409', async () => {
      const s = await freshCase();
      const [{ id: oekonomi }] = await t.dataSource.query(`SELECT id FROM app_user WHERE username = 'oekonomi'`);
      const current = await worker.get(`/api/cases/${s.id}`);
      const res = await worker.post(`/api/cases/${s.id}/handoffs`, {
        toUserId: oekonomi,
        note: 'Restancen fylder mest nu; Louise tager over.',
        version: current.body.version,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'medarbejder', to: { userName: 'Louise Nielsen' } });
      expect((await worker.get(`/api/cases/${s.id}`)).body.responsible.id).toBe(oekonomi);
      const stale = await worker.post(`/api/cases/${s.id}/handoffs`, {
        toUserId: oekonomi,
        note: 'igen',
        version: current.body.version,
      });
      expect(stale.status).toBe(409);
      expect((await worker.get(`/api/cases/${s.id}/handoffs`)).body).toHaveLength(1);
      expect((await timeline(s.id)).find((e) => e.type === 'handoff')?.text).toBe(
        'Restancen fylder mest nu; Louise tager over.',
      );
    });

    it('should move a case to another team, after which the old team gets 404', async () => {
      const s = await freshCase();
      const admin = await t.loginAs('admin');
      const team = await admin.post('/api/teams', { name: 'Team Overdragelse' });
      const user = await t.createUser(admin, {
        username: 'overdrag.raadgiver',
        displayName: 'Overdrag Rådgiver',
        role: 'beboerraadgiver',
        teamIds: [team.body.id, await teamIdOf(t)],
        password: 'Velkommen-til-Bofast-1',
      });
      const current = await worker.get(`/api/cases/${s.id}`);
      const res = await worker.post(`/api/cases/${s.id}/handoffs`, {
        toUserId: user.body.id,
        toTeamId: team.body.id,
        note: 'Flytter til Nordbyen',
        version: current.body.version,
      });
      expect(res.status).toBe(201);
      expect(res.body.kind).toBe('team');
      expect((await worker.get(`/api/cases/${s.id}`)).status).toBe(404);
    });
  });
});
