import ExcelJS from 'exceljs';

import { JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { newCase, newPerson, newTenancy } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

const PASSWORD = 'Velkommen-til-Bofast-1';
const Q3 = { from: '2026-07-01', to: '2026-09-30' };

/**
 * Every indicator against a hand-computed fixture in a team of its own. The udsættelsessager
 * (quarter 3 of 2026):
 *   E1 påkrav 5/7, "undgået – betalt" approved, decided 10/8          → involved, avoided (påkrav)
 *   E2 påkrav 1/6, ophævelse 20/6, still open (crosses the boundary)    → involved (ophævelse)
 *   E3 påkrav 10/7 … begæring 5/8, "udsættelse gennemført" on 1/9      → involved (fogedret), not avoided
 *   E4 påkrav 1/5, avoided and decided 15/6 (before the quarter)       → not involved
 *   E5 only a rykker                                                   → not involved
 *   E6 the same lejemål as E1 (a second case for the household), påkrav 10/9, open → involved
 *   E7 påkrav 20/7, avoided and approved, then withdrawn by the lead   → involved, not avoided
 *   E8 påkrav 1/8, "undgået" proposed, not approved                    → involved, pending
 *   E9 påkrav 5/10 (after the quarter)                                 → not involved
 * So: involved 6 in 5 households, avoided 1; by stage påkrav 4/1, ophævelse 1/0, fogedret 1/0.
 */
describe('Reports', () => {
  let t: TestApp;
  let admin: ApiClient;
  let adviser: ApiClient;
  let lead: ApiClient;
  let colleague: ApiClient;
  let teamId: string;
  let afdelingId: string;
  let boId: string;
  const ev: Record<string, { id: string; caseId: string; tenancyId: string }> = {};
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const month = { from: `${today.slice(0, 7)}-01`, to: lastDay(today) };

  function lastDay(iso: string): string {
    const [y, m] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }

  async function evictionWith(
    name: string,
    stages: [string, string][],
    opts: { tenancyId?: string; caseId?: string } = {},
  ) {
    const tenancyId = opts.tenancyId ?? (await tenancy());
    const caseId =
      opts.caseId ??
      (await newCase(t, adviser, { tenancyId, teamId, personId: (await newPerson(t, adviser, { teamId })).id })).id;
    const created = await adviser.post('/api/evictions', { tenancyId, caseIds: [caseId], ground: 'restance' });
    expect(created.status).toBe(201);
    let version = created.body.version;
    for (const [stage, date] of stages) {
      const res = await adviser.post(`/api/evictions/${created.body.id}/stages`, {
        stage,
        date,
        source: 'brev',
        version,
      });
      expect(res.status).toBe(201);
      version = res.body.eviction.version;
    }
    ev[name] = { id: created.body.id, caseId, tenancyId };
    return version as number;
  }

  async function tenancy(): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO lejemaal (afdeling_id, address, lejemaalsnummer) VALUES ($1, $2, $3) RETURNING id`,
      [afdelingId, `Rapportvej ${Object.keys(ev).length + 1}`, `R-${Object.keys(ev).length + 1}-${Date.now()}`],
    );
    return row.id;
  }

  async function outcome(name: string, version: number, outcomeCode: string, approve: boolean) {
    const p = await adviser.post(`/api/evictions/${ev[name].id}/outcome`, { outcome: outcomeCode, version });
    expect(p.status).toBe(201);
    if (!approve) return p.body.version as number;
    const a = await lead.post(`/api/evictions/${ev[name].id}/outcome/approve`, { version: p.body.version });
    expect(a.status).toBe(201);
    return a.body.version as number;
  }

  const decided = (name: string, at: string) =>
    t.dataSource.query(`UPDATE eviction_case SET decided_at = $2 WHERE id = $1`, [ev[name].id, at]);

  async function report(client: ApiClient, body: Record<string, unknown>) {
    const res = await client.post('/api/reports', { scopeType: 'team', scopeId: teamId, audience: 'intern', ...body });
    expect(res.status).toBe(201);
    return res.body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    [{ id: boId }] = await t.dataSource.query(
      `INSERT INTO boligorganisation (name) VALUES ('Boligforeningen Rapporttest') RETURNING id`,
    );
    [{ id: afdelingId }] = await t.dataSource.query(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '88', 'Rapportparken') RETURNING id`,
      [boId],
    );
    const team = await admin.post('/api/teams', { name: 'Team Rapport', afdelingIds: [afdelingId] });
    teamId = team.body.id;
    for (const [username, role] of [
      ['rapport.raadgiver', 'oekonomisk_raadgiver'],
      ['rapport.leder', 'teamleder'],
      ['rapport.kollega', 'social_vicevaert'],
    ]) {
      const u = await t.createUser(admin, {
        username,
        displayName: username,
        role,
        teamIds: [teamId],
        password: PASSWORD,
      });
      expect(u.status).toBe(201);
    }
    adviser = await t.loginAs('rapport.raadgiver', PASSWORD);
    lead = await t.loginAs('rapport.leder', PASSWORD);
    colleague = await t.loginAs('rapport.kollega', PASSWORD);

    let v = await evictionWith('E1', [['paakrav', '2026-07-05']]);
    await outcome('E1', v, 'undgaaet_betalt', true);
    await decided('E1', '2026-08-10T10:00:00+02:00');
    await evictionWith('E2', [
      ['paakrav', '2026-06-01'],
      ['ophaevelse', '2026-06-20'],
    ]);
    v = await evictionWith('E3', [
      ['paakrav', '2026-07-10'],
      ['ophaevelse', '2026-07-30'],
      ['begaering_indgivet', '2026-08-05'],
    ]);
    await outcome('E3', v, 'gennemfoert', false);
    await decided('E3', '2026-09-01T10:00:00+02:00');
    v = await evictionWith('E4', [['paakrav', '2026-05-01']]);
    await outcome('E4', v, 'undgaaet_betalt', true);
    await decided('E4', '2026-06-15T10:00:00+02:00');
    await evictionWith('E5', [['rykker', '2026-07-15']]);
    await evictionWith('E6', [['paakrav', '2026-09-10']], { tenancyId: ev['E1'].tenancyId, caseId: ev['E1'].caseId });
    v = await evictionWith('E7', [['paakrav', '2026-07-20']]);
    v = await outcome('E7', v, 'undgaaet_betalt', true);
    expect(
      (await lead.post(`/api/evictions/${ev['E7'].id}/reopen`, { version: v, reason: 'Aftalen holdt ikke' })).status,
    ).toBe(201);
    v = await evictionWith('E8', [['paakrav', '2026-08-01']]);
    await outcome('E8', v, 'undgaaet_betalt', false);
    await evictionWith('E9', [['paakrav', '2026-10-05']]);
  });

  afterAll(() => t.close());

  it('should count involved and avoided evictions with the denominator, per stage reached, households apart', async () => {
    const r = await report(lead, Q3);
    expect(r.definitions).toEqual([{ key: 'undgaaet_udsaettelse', version: 1 }]);
    expect(r.result.evictions).toMatchObject({
      involved: 6,
      avoided: 1,
      avoidedShare: 0.167,
      households: 5,
      pendingApproval: 1,
      funnel: { paakrav: 6, ophaevelse: 2, fogedret: 1, outcome: 2 },
    });
    expect(r.result.evictions.byStage).toEqual([
      { stage: 'paakrav', involved: 4, avoided: 1, outcomes: { undgaaet_betalt: 1 } },
      { stage: 'ophaevelse', involved: 1, avoided: 0, outcomes: {} },
      { stage: 'fogedret', involved: 1, avoided: 0, outcomes: { gennemfoert: 1 } },
    ]);
    expect(r.result.estimate).toMatchObject({ avoided: 1, low: 50_000, high: 250_000 });
    expect(r.result.estimate.caveat).toContain('andre indsatser');
    const trend = Object.fromEntries(
      r.result.trend.map((m: { month: string; avoided: number }) => [m.month, m.avoided]),
    );
    expect(trend).toEqual({ '2026-07': 0, '2026-08': 1, '2026-09': 0 });
  });

  it('should count cases, contacts, referrals, restance and unique persons and households for the month', async () => {
    // Contacts this month: two attempts and a visit on E1's case; a referral answered by the jobcenter.
    await adviser.post(`/api/cases/${ev['E1'].caseId}/contact-attempts`, {
      channel: 'doerbank',
      outcome: 'ikke_hjemme',
    });
    await adviser.post(`/api/cases/${ev['E1'].caseId}/contact-attempts`, {
      channel: 'telefon',
      outcome: 'kontakt_etableret',
    });
    await adviser.post(`/api/cases/${ev['E2'].caseId}/visits`, {
      status: 'gennemfoert',
      locationType: 'hjem',
      announced: false,
    });
    const [jc] = await t.dataSource.query(`SELECT id FROM partner_organisation WHERE name = 'Jobcenter Fjordby'`);
    const draft = await adviser.post(`/api/cases/${ev['E2'].caseId}/referrals`, {
      partnerId: jc.id,
      method: 'informeret',
      reason: 'Jobsøgning',
      sharedFields: [],
    });
    const sent = await adviser.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
    const partner = await t.loginAs('partner');
    await partner.post(`/api/partner/referrals/${sent.body.id}/status`, {
      status: 'accepteret',
      version: sent.body.version,
    });
    // A closed case this month.
    const c3 = await adviser.get(`/api/cases/${ev['E3'].caseId}`);
    const closed = await adviser.post(`/api/cases/${ev['E3'].caseId}/status`, {
      status: 'afsluttet',
      closureReason: 'udsat',
      version: c3.body.version,
    });
    expect(closed.status).toBe(201);
    // Today's restanceliste with two rows; one gets a contact attempt today.
    const base64 = Buffer.from(
      [
        'Afd.;Lejemålsnr.;Lejer;Adresse;Restance',
        '88;RL-1;A;Rapportvej 1;1.000,00',
        '88;RL-2;B;Rapportvej 2;2.500,50',
      ].join('\r\n'),
    ).toString('base64');
    const up = await adviser.post('/api/restance/imports', {
      boligorganisationId: boId,
      listDate: today,
      filename: 'r.csv',
      base64,
    });
    await t.app.get(JobsService).drain();
    const rows = await t.dataSource.query(`SELECT id FROM restance_row WHERE import_id = $1 ORDER BY row_key`, [
      up.body.id,
    ]);
    expect(
      (
        await adviser.post(`/api/restance/worklist/${rows[0].id}/contact-attempts`, {
          channel: 'telefon',
          outcome: 'ingen_svar',
        })
      ).status,
    ).toBe(201);

    const r = (await report(lead, month)).result;
    // Nine cases were opened this month (E1–E9 minus E6, which shares E1's case), one closed.
    expect(r.cases.opened).toEqual([{ type: 'oekonomi_restance', count: 8 }]);
    expect(r.cases.closed).toEqual([{ type: 'oekonomi_restance', reason: 'udsat', count: 1 }]);
    expect(r.contacts).toMatchObject({
      visits: 1,
      visitsByStatus: { gennemfoert: 1 },
      visitsByLocation: { hjem: 1 },
      contactAttempts: 2,
      contactAttemptsByOutcome: { ikke_hjemme: 1, kontakt_etableret: 1 },
    });
    expect(r.people).toEqual({ uniquePersons: 8, uniqueHouseholds: 8, contacts: 3, episodes: 8 });
    expect(r.referrals.byPartner).toEqual([
      expect.objectContaining({ partner: 'Jobcenter Fjordby', sent: 1, accepted: 1, open: 1, medianResponseDays: 0 }),
    ]);
    expect(r.restance.lists).toEqual([
      expect.objectContaining({ listDate: today, rows: 2, amount: 3500.5, new: 2, cleared: 0 }),
    ]);
    expect(r.restance.firstContact).toEqual({ rows: 1, medianDays: 0 });
  });

  it('should suppress counts under 5 in a report that leaves the team', async () => {
    const r = (await report(lead, { ...Q3, audience: 'ekstern' })).result;
    expect(r.evictions).toMatchObject({ involved: 6, avoided: '<5', avoidedShare: null, households: 5 });
    expect(r.evictions.byStage[1]).toMatchObject({ stage: 'ophaevelse', involved: '<5', avoided: 0 });
    expect(r.estimate).toMatchObject({ avoided: '<5', low: null, high: null });
  });

  it('should keep an old report and reproduce it exactly with its definition version; a new version only changes new reports', async () => {
    const r1 = await report(lead, Q3);
    const v2 = await admin.post('/api/reports/definitions', {
      key: 'undgaaet_udsaettelse',
      description: 'Involveret først fra ophævelsen',
      rule: {
        involvedMinStage: 'ophaevelse',
        avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'],
        requireApproval: true,
        sustainedMonths: 6,
      },
    });
    expect(v2.status).toBe(201);
    expect(v2.body.version).toBe(2);
    const again = await lead.post(`/api/reports/${r1.id}/reproduce`);
    expect(again.body).toMatchObject({ identical: true, changed: [] });
    const r2 = await report(lead, Q3);
    expect(r2.definitions).toEqual([{ key: 'undgaaet_udsaettelse', version: 2 }]);
    expect(r2.result.evictions).toMatchObject({ involved: 2, avoided: 0 });
    expect((await lead.get(`/api/reports/${r1.id}`)).body.result.evictions).toMatchObject({ involved: 6, avoided: 1 });
    // A definition is never edited in place.
    await expect(t.dataSource.query(`UPDATE report_definition SET description = 'x'`)).rejects.toThrow(/append-only/);
    // Data changed later (a pending proposal sent back): the stored report stays; reproduce says what changed.
    const e8 = await lead.get(`/api/evictions/${ev['E8'].id}`);
    const back = await lead.post(`/api/evictions/${ev['E8'].id}/outcome/return`, {
      version: e8.body.version,
      reason: 'Dokumentation mangler',
    });
    expect(back.status).toBe(201);
    const after = await lead.post(`/api/reports/${r1.id}/reproduce`);
    expect(after.body.identical).toBe(false);
    expect(after.body.changed).toEqual(['evictions.pendingApproval']);
    expect((await lead.get(`/api/reports/${r1.id}`)).body.result.evictions.pendingApproval).toBe(1);
    // Restore the fixture: E8 proposed again; the v1 rule back as version 3 (definitions are never edited).
    await adviser.post(`/api/evictions/${ev['E8'].id}/outcome`, {
      outcome: 'undgaaet_betalt',
      version: back.body.version,
    });
    const v3 = await admin.post('/api/reports/definitions', {
      key: 'undgaaet_udsaettelse',
      description: 'Som version 1',
      rule: (await lead.get('/api/reports/definitions')).body[0].rule,
    });
    expect(v3.body.version).toBe(3);
  });

  it('should export XLSX and CSV of the stored numbers with formulas neutralised', async () => {
    const r = await report(lead, { ...Q3, title: '=HYPERLINK("http://x")' });
    const xlsx = await lead.agent
      .get(`/api/reports/${r.id}/export?format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const overview = wb.getWorksheet('Overblik');
    const values = overview?.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : [])) ?? [];
    expect(values).toContainEqual(['Udsættelsessager, involveret i', 6]);
    expect(values).toContainEqual(['Rapport', `'=HYPERLINK("http://x")`]);
    const csv = await lead.get(`/api/reports/${r.id}/export?format=csv`);
    expect(csv.text).toContain('"Udsættelsessager, involveret i";"6"');
    expect(csv.text).toContain('"Udsættelser undgået";"1"');
    expect(csv.text).toContain(`"Rapport";"'=HYPERLINK(""http://x"")"`);
    expect((await lead.get(`/api/reports/${r.id}/export?format=pdf`)).status).toBe(400);
  });

  it('should give workers their own numbers only, partners none, and other teams 404', async () => {
    expect((await adviser.get('/api/reports')).status).toBe(403);
    const mine = await adviser.get(`/api/reports/mine?from=${Q3.from}&to=${Q3.to}`);
    expect(mine.status).toBe(200);
    expect(mine.body.evictions).toMatchObject({ involved: 6, avoided: 1 });
    const theirs = await colleague.get(`/api/reports/mine?from=${Q3.from}&to=${Q3.to}`);
    expect(theirs.body.evictions).toMatchObject({ involved: 0, avoided: 0 });
    expect((await (await t.loginAs('partner')).get(`/api/reports/mine?from=${Q3.from}&to=${Q3.to}`)).status).toBe(403);
    const otherLead = await t.loginAs('teamleder');
    const res = await otherLead.post('/api/reports', { ...Q3, scopeType: 'team', scopeId: teamId, audience: 'intern' });
    expect(res.status).toBe(404);
    const stored = await report(lead, Q3);
    expect((await otherLead.get(`/api/reports/${stored.id}`)).status).toBe(404);
    expect((await otherLead.get('/api/reports')).body.map((x: { id: string }) => x.id)).not.toContain(stored.id);
    // The administrator sees every team's aggregates but never the cases behind them.
    expect((await admin.get(`/api/reports/${stored.id}`)).status).toBe(200);
    const q = `from=${Q3.from}&to=${Q3.to}&scopeType=team&scopeId=${teamId}&indicator=avoided`;
    expect((await admin.get(`/api/reports/drilldown?${q}`)).status).toBe(403);
  });

  it('should drill down to the cases behind a count for the team lead, access-logged', async () => {
    const q = `from=${Q3.from}&to=${Q3.to}&scopeType=team&scopeId=${teamId}`;
    const avoided = await lead.get(`/api/reports/drilldown?${q}&indicator=avoided`);
    expect(avoided.body.map((r: { evictionId: string }) => r.evictionId)).toEqual([ev['E1'].id]);
    const involved = await lead.get(`/api/reports/drilldown?${q}&indicator=involved`);
    expect(involved.body.map((r: { evictionId: string }) => r.evictionId).sort()).toEqual(
      ['E1', 'E2', 'E3', 'E6', 'E7', 'E8'].map((n) => ev[n].id).sort(),
    );
    const log = await t.dataSource.query(
      `SELECT purpose FROM access_log WHERE actor_username = 'rapport.leder' AND purpose = 'Rapport: sagerne bag tallet'`,
    );
    expect(log.length).toBeGreaterThanOrEqual(2);
  });

  it('should scope a report to an afdeling and a boligorganisation, and refuse bad periods', async () => {
    const afd = await report(lead, { ...Q3, scopeType: 'afdeling', scopeId: afdelingId });
    expect(afd.scopeName).toBe('Afd. 88 Rapportparken');
    expect(afd.result.evictions.involved).toBe(6);
    const bo = await report(lead, { ...Q3, scopeType: 'boligorganisation', scopeId: boId });
    expect(bo.result.evictions.involved).toBe(6);
    const bad = await lead.post('/api/reports', {
      from: '2026-09-30',
      to: '2026-07-01',
      scopeType: 'alle',
      audience: 'intern',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ to: ['Slutdatoen ligger før startdatoen'] });
    const missing = await lead.post('/api/reports', { ...Q3, scopeType: 'team', audience: 'intern' });
    expect(missing.body.fields).toEqual({ scopeId: ['Vælg hvad rapporten dækker'] });
  });
});
