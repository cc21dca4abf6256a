import type { ReferralStatus } from '@bofast/contracts';

import { newCase, newTenancy, partnerId } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * What a partner sees and may do in each state of a referral (docs/referrals-and-consent.md): open states
 * as before; completed and closed read-only for 30 days from the state change, then 404; withdrawn and
 * declined 404 at once, with a line in the list that holds no personal data. Consent rules still apply.
 */
describe('Partner access follows the referral’s state', () => {
  let t: TestApp;
  let worker: ApiClient;
  let partner: ApiClient;
  let jobcenter: string;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.loginAs('vicevaert');
    partner = await t.loginAs('partner');
    jobcenter = await partnerId(t, 'Jobcenter Fjordby');
  });

  afterAll(() => t.close());

  interface Sent {
    id: string;
    personId: string;
    consentId: string;
    name: string;
  }

  /** A referral to the demo partner, sharing address and phone under a consent, sent by the team. */
  async function sentReferral(): Promise<Sent> {
    const tenancy = await newTenancy(t, worker);
    const c = await newCase(t, worker, { tenancyId: tenancy.id });
    await t.dataSource.query(`UPDATE person SET phone = '+45 20 30 40 50' WHERE id = $1`, [c.person.id]);
    const [consent] = await t.dataSource.query(
      `INSERT INTO consent (person_id, data_categories, purposes, direction, form, given_at, expires_at)
       VALUES ($1, '{bolig,beskaeftigelse}', '{videregivelse}', 'videregive', 'skriftlig', now() - interval '1 day', now() + interval '300 days')
       RETURNING id`,
      [c.person.id],
    );
    await t.dataSource.query(`INSERT INTO consent_recipient (consent_id, partner_organisation_id) VALUES ($1, $2)`, [
      consent.id,
      jobcenter,
    ]);
    const draft = await worker.post(`/api/cases/${c.id}/referrals`, {
      partnerId: jobcenter,
      method: 'formel_henvisning',
      reason: 'Henvises til jobsamtale om fremtiden',
      sharedFields: ['address', 'phone'],
      notes: { beskaeftigelse: 'Ledig siden september.' },
    });
    expect(draft.status).toBe(201);
    const sent = await worker.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status).toBe(201);
    const [p] = await t.dataSource.query(`SELECT name FROM person WHERE id = $1`, [c.person.id]);
    return { id: sent.body.id, personId: c.person.id, consentId: consent.id, name: p.name };
  }

  /**
   * Puts a referral in a state directly, its state change `daysAgo` days in the past, moved `minutes` later
   * (the same calendar arithmetic as the rule, so a DST change in the window cannot shift the boundary).
   */
  async function setState(id: string, status: ReferralStatus, daysAgo = 0, minutes = 0) {
    await t.dataSource.query(
      `UPDATE referral SET status = $2, version = version + 1,
              closed_at = CASE WHEN $2 IN ('afvist','afsluttet','udeblevet','trukket_tilbage')
                               THEN now() - make_interval(days => $3) + make_interval(mins => $4) END
        WHERE id = $1`,
      [id, status, daysAgo, minutes],
    );
  }

  const version = async (id: string): Promise<number> =>
    (await t.dataSource.query(`SELECT version FROM referral WHERE id = $1`, [id]))[0].version;

  const listed = async (id: string) =>
    ((await partner.get('/api/partner/referrals')).body as { id: string }[]).find((r) => r.id === id);

  /** The four partner routes' answers for a referral: list entry, detail, message, a status change. */
  async function probe(id: string, next: ReferralStatus = 'modtaget') {
    return {
      listed: await listed(id),
      detail: (await partner.get(`/api/partner/referrals/${id}`)).status,
      message: (await partner.post(`/api/partner/referrals/${id}/messages`, { text: 'Vi har talt sammen.' })).status,
      status: (
        await partner.post(`/api/partner/referrals/${id}/status`, {
          status: next,
          ...(next === 'afvist' ? { reason: 'Ikke vores målgruppe' } : {}),
          ...(next === 'afsluttet' ? { outcome: 'Forløbet er slut' } : {}),
          version: await version(id),
        })
      ).status,
    };
  }

  it('should show a draft to no partner: not listed, 404 on every route', async () => {
    const tenancy = await newTenancy(t, worker);
    const c = await newCase(t, worker, { tenancyId: tenancy.id });
    const draft = await worker.post(`/api/cases/${c.id}/referrals`, {
      partnerId: jobcenter,
      method: 'informeret',
      reason: 'Kladde',
      sharedFields: [],
    });
    expect(await probe(draft.body.id)).toEqual({ listed: undefined, detail: 404, message: 404, status: 404 });
  });

  it.each([
    ['sendt', 'modtaget'],
    ['modtaget', 'accepteret'],
    ['venteliste', 'accepteret'],
    ['accepteret', 'forloeb_i_gang'],
    ['forloeb_i_gang', 'afsluttet'],
  ] as const)('should let the partner read, write and act on a referral that is %s', async (state, next) => {
    const r = await sentReferral();
    await setState(r.id, state);
    const before = await partner.get(`/api/partner/referrals/${r.id}`);
    expect(before.body).toMatchObject({ access: 'open', accessEndsAt: null, status: state });
    expect(before.body.resident).toMatchObject({ name: r.name, phone: '+45 20 30 40 50' });
    const result = await probe(r.id, next);
    expect(result).toMatchObject({ detail: 200, message: 201, status: 201 });
    expect(result.listed).toMatchObject({ access: expect.any(String), resident: { name: r.name } });
  });

  it.each(['afsluttet', 'udeblevet'] as const)(
    'should keep a %s referral readable but closed to writing for 30 days, then answer 404',
    async (state) => {
      const r = await sentReferral();
      await setState(r.id, state, 2);
      const detail = await partner.get(`/api/partner/referrals/${r.id}`);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({ access: 'read_only', status: state, resident: { name: r.name } });
      const endsInDays = (Date.parse(detail.body.accessEndsAt) - Date.now()) / 86_400_000;
      expect(endsInDays).toBeGreaterThan(27.9);
      expect(endsInDays).toBeLessThan(28.1);
      const readOnly = await probe(r.id, 'afsluttet');
      expect(readOnly).toMatchObject({ detail: 200, message: 409, status: 409 });
      expect(readOnly.listed).toMatchObject({ access: 'read_only', resident: { name: r.name } });
      expect(await t.dataSource.query(`SELECT 1 FROM referral_message WHERE referral_id = $1`, [r.id])).toEqual([]);

      // The boundary: one minute short of 30 days still readable, one minute past it gone.
      await setState(r.id, state, 30, 1);
      expect((await partner.get(`/api/partner/referrals/${r.id}`)).status).toBe(200);
      expect(await listed(r.id)).toBeDefined();
      await setState(r.id, state, 30, -1);
      expect(await probe(r.id, 'afsluttet')).toEqual({ listed: undefined, detail: 404, message: 404, status: 404 });
    },
  );

  it('should close a completed referral to the partner at once when the consent is withdrawn', async () => {
    const r = await sentReferral();
    await setState(r.id, 'afsluttet', 1);
    expect((await partner.get(`/api/partner/referrals/${r.id}`)).status).toBe(200);
    await t.dataSource.query(`UPDATE consent SET withdrawn_at = now(), withdrawal_method = 'mundtlig' WHERE id = $1`, [
      r.consentId,
    ]);
    expect(await probe(r.id)).toEqual({ listed: undefined, detail: 404, message: 404, status: 404 });
  });

  it('should end access the moment the team withdraws, leaving only a line without personal data', async () => {
    const r = await sentReferral();
    expect((await partner.get(`/api/partner/referrals/${r.id}`)).status).toBe(200);
    const withdrawn = await worker.post(`/api/referrals/${r.id}/status`, {
      status: 'trukket_tilbage',
      reason: 'Borgeren er flyttet',
      version: await version(r.id),
    });
    expect(withdrawn.status).toBe(201);
    const result = await probe(r.id);
    expect(result).toMatchObject({ detail: 404, message: 404, status: 404 });
    expect(result.listed).toEqual({
      id: r.id,
      access: 'ended',
      status: 'trukket_tilbage',
      reference: r.id.slice(0, 8),
      sentAt: expect.any(String),
      endedAt: expect.any(String),
    });
    const line = JSON.stringify(result.listed);
    for (const secret of [r.name, 'Engparken', '20 30 40 50', 'jobsamtale', 'Ledig', 'flyttet'])
      expect(line).not.toContain(secret);
    expect(await t.dataSource.query(`SELECT 1 FROM referral_message WHERE referral_id = $1`, [r.id])).toEqual([]);

    await setState(r.id, 'trukket_tilbage', 30, -1);
    expect(await listed(r.id)).toBeUndefined();
  });

  it('should end access at once when the partner declines, answering the decline with the line only', async () => {
    const r = await sentReferral();
    const declined = await partner.post(`/api/partner/referrals/${r.id}/status`, {
      status: 'afvist',
      reason: 'Ikke vores målgruppe',
      version: await version(r.id),
    });
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({ id: r.id, access: 'ended', status: 'afvist' });
    expect(JSON.stringify(declined.body)).not.toContain(r.name);
    const result = await probe(r.id);
    expect(result).toMatchObject({ detail: 404, message: 404, status: 404 });
    expect(result.listed).toMatchObject({ access: 'ended', status: 'afvist' });
    expect(result.listed).not.toHaveProperty('resident');
  });

  it('should not print a summary for a referral the partner can no longer see', async () => {
    const r = await sentReferral();
    expect((await worker.get(`/api/referrals/${r.id}/summary`)).status).toBe(200);
    await setState(r.id, 'trukket_tilbage');
    expect((await worker.get(`/api/referrals/${r.id}/summary`)).status).toBe(409);
  });
});
