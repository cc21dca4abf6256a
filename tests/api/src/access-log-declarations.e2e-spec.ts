import { randomUUID } from 'node:crypto';

import type { PersonalDataDeclaration } from '../../../backend/src/common/auth/decorators';
import { PersonalDataInterceptor } from '../../../backend/src/features/access-log/personal-data.interceptor';
import { JobsService } from '../../../backend/src/features/jobs/jobs.service';
import { discoverRoutes, routeDeclarations, undeclaredRoutes } from './support/route-declarations';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * Access logging by construction (docs/security.md, "Access log"). Every route declares whether it returns
 * personal data; the routes below are those that do. Moving a route to @NoPersonalData, or adding a
 * personal-data route without listing it here, fails the first tests. The last test calls each declared
 * read as an allowed demo user with real ids and finds the access-log row of that very request.
 */
const PERSONAL_DATA_ROUTES = [
  'GET /api/access-log',
  'GET /api/access-log/export',
  'GET /api/audit/privileged-changes',
  'GET /api/cases',
  'GET /api/cases/:caseId',
  'GET /api/cases/:caseId/agreements',
  'GET /api/cases/:caseId/applications',
  'GET /api/cases/:caseId/handoffs',
  'GET /api/cases/:caseId/referrals',
  'GET /api/cases/:caseId/timeline',
  'GET /api/consents/:consentId/document',
  'GET /api/consents/coverage',
  'GET /api/evictions',
  'GET /api/evictions/:evictionId',
  'GET /api/evictions/upcoming',
  'GET /api/partner/referrals',
  'GET /api/partner/referrals/:referralId',
  'GET /api/persons/:personId',
  'GET /api/persons/:personId/consents',
  'GET /api/persons/:personId/cpr',
  'GET /api/referrals/:referralId',
  'GET /api/referrals/:referralId/summary',
  'GET /api/reports/drilldown',
  'GET /api/restance/imports/:importId/rejected',
  'GET /api/restance/worklist',
  'GET /api/restance/worklist/:rowId',
  'GET /api/restance/worklist/export',
  'GET /api/search',
  'GET /api/signals',
  'GET /api/signals/:signalId',
  'GET /api/tasks',
  'GET /api/tenancies/:tenancyId',
  'GET /api/users',
  'GET /api/users/:userId',
  'GET /api/visits',
  'PATCH /api/cases/:caseId',
  'PATCH /api/cases/:caseId/actions/:actionId',
  'PATCH /api/evictions/:evictionId',
  'PATCH /api/persons/:personId',
  'PATCH /api/referrals/:referralId',
  'PATCH /api/restance/worklist/:rowId',
  'PATCH /api/signals/:signalId',
  'PATCH /api/tasks/:taskId',
  'PATCH /api/users/:userId',
  'POST /api/cases',
  'POST /api/cases/:caseId/actions',
  'POST /api/cases/:caseId/agreements',
  'POST /api/cases/:caseId/agreements/:agreementId/status',
  'POST /api/cases/:caseId/applications',
  'POST /api/cases/:caseId/applications/:applicationId/status',
  'POST /api/cases/:caseId/contact-attempts',
  'POST /api/cases/:caseId/goals',
  'POST /api/cases/:caseId/handoffs',
  'POST /api/cases/:caseId/notes',
  'POST /api/cases/:caseId/referrals',
  'POST /api/cases/:caseId/reopen',
  'POST /api/cases/:caseId/status',
  'POST /api/cases/:caseId/underretninger',
  'POST /api/cases/:caseId/visits',
  'POST /api/consents',
  'POST /api/consents/:consentId/withdraw',
  'POST /api/evictions',
  'POST /api/evictions/:evictionId/cases',
  'POST /api/evictions/:evictionId/outcome',
  'POST /api/evictions/:evictionId/outcome/approve',
  'POST /api/evictions/:evictionId/outcome/return',
  'POST /api/evictions/:evictionId/reopen',
  'POST /api/evictions/:evictionId/stages',
  'POST /api/evictions/:evictionId/sustained-check',
  'POST /api/partner/referrals/:referralId/messages',
  'POST /api/partner/referrals/:referralId/status',
  'POST /api/persons',
  'POST /api/referrals/:referralId/messages',
  'POST /api/referrals/:referralId/send',
  'POST /api/referrals/:referralId/status',
  'POST /api/restance/imports',
  'POST /api/restance/imports/preview',
  'POST /api/restance/worklist/:rowId/contact-attempts',
  'POST /api/restance/worklist/:rowId/convert',
  'POST /api/restance/worklist/assign',
  'POST /api/signals',
  'POST /api/signals/:signalId/contact-attempts',
  'POST /api/signals/:signalId/convert',
  'POST /api/tenancies/:tenancyId/household/members',
  'POST /api/users',
  'POST /api/users/:userId/reset-password',
  'POST /api/visits/:visitId/complete',
  'PUT /api/restance/rejected-rows/:rowId',
];

describe('Access-log declarations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  it('should read a declaration for every route the API serves', () => {
    expect(
      routeDeclarations(t)
        .map((d) => d.route)
        .sort(),
    ).toEqual(discoverRoutes(t).sort());
  });

  it('should find exactly one of @PersonalData and @NoPersonalData on every non-public route', () => {
    expect(undeclaredRoutes(t)).toEqual([]);
    for (const d of routeDeclarations(t).filter((r) => r.noPersonalData))
      expect(d.noPersonalData!.length).toBeGreaterThan(10);
  });

  it('should declare personal data on exactly the listed routes', () => {
    const declared = routeDeclarations(t)
      .filter((d) => d.personalData)
      .map((d) => d.route)
      .sort();
    expect(declared).toEqual([...PERSONAL_DATA_ROUTES].sort());
  });

  it('should name an existing route parameter in every declaration that names one', () => {
    for (const d of routeDeclarations(t).filter((r) => r.personalData?.param))
      expect(`${d.route} `).toContain(`:${d.personalData!.param}/`.replace(/\/$/, ''));
  });
});

const PDF = Buffer.from('%PDF-1.4\n% Samtykkeerklæring\n').toString('base64');

describe('Every declared read writes its access-log row', () => {
  let t: TestApp;
  const users: Record<string, ApiClient> = {};
  const ids: Record<string, string> = {};
  let declarations: Map<string, PersonalDataDeclaration>;

  const items = (body: unknown): Record<string, string>[] =>
    (Array.isArray(body) ? body : (body as { items: Record<string, string>[] }).items) ?? [];

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['vicevaert', 'teamleder', 'oekonomi', 'partner', 'admin', 'dpo']) users[u] = await t.loginAs(u);
    declarations = new Map(routeDeclarations(t).flatMap((d) => (d.personalData ? [[d.route, d.personalData]] : [])));
    const q = (sql: string, params: unknown[] = []) => t.dataSource.query(sql, params);

    const vv = users['vicevaert'];
    // A case with a lejemål (other suites may have added cases without one to the shared database).
    const [withTenancy] = await q(
      `SELECT s.id, s.lejemaal_id FROM sag s
        JOIN user_team ut ON ut.team_id = s.team_id JOIN app_user u ON u.id = ut.user_id AND u.username = 'vicevaert'
       WHERE s.lejemaal_id IS NOT NULL ORDER BY s.created_at LIMIT 1`,
    );
    const detail = (await vv.get(`/api/cases/${withTenancy.id}`)).body;
    ids['caseId'] = detail.id;
    ids['personId'] = detail.person.id;
    ids['tenancyId'] = withTenancy.lejemaal_id;
    const signals = items((await vv.get('/api/signals')).body);
    const [signal] = await q(
      `SELECT id, person_id FROM signal WHERE id = ANY($1::uuid[]) ORDER BY person_id NULLS LAST LIMIT 1`,
      [signals.map((x) => x['id'])],
    );
    ids['signalId'] = signal.id;
    if (signal.person_id) ids['signalPersonId'] = signal.person_id;
    ids['evictionId'] = items((await vv.get('/api/evictions')).body)[0]['id'];
    [{ id: ids['teamId'] }] = await q(`SELECT id FROM team WHERE name = 'Boligsocialt team Engparken og Skovhaven'`);
    [{ id: ids['userId'] }] = await q(`SELECT id FROM app_user WHERE username = 'vicevaert'`);
    [{ id: ids['partnerOrgId'] }] = await q(
      `SELECT partner_organisation_id AS id FROM app_user WHERE username = 'partner'`,
    );
    const consent = await vv.post('/api/consents', {
      personId: ids['personId'],
      caseId: ids['caseId'],
      recipientIds: [ids['partnerOrgId']],
      dataCategories: ['oekonomi', 'beskaeftigelse', 'bolig'],
      purposes: ['kontakt_myndighed', 'videregivelse'],
      direction: 'videregive',
      form: 'skriftlig',
      document: { filename: 'samtykke.pdf', contentType: 'application/pdf', base64: PDF },
    });
    if (consent.status !== 201) throw new Error(`consent: ${consent.status} ${JSON.stringify(consent.body)}`);
    ids['consentId'] = consent.body.id;
    // A referral to the demo partner's organisation, sent under that consent.
    const draft = await vv.post(`/api/cases/${ids['caseId']}/referrals`, {
      partnerId: ids['partnerOrgId'],
      method: 'formel_henvisning',
      reason: 'Henvises til jobsamtale',
      sharedFields: ['address'],
      notes: { beskaeftigelse: 'Ledig siden september.' },
    });
    const sent = await vv.post(`/api/referrals/${draft.body.id}/send`, { version: draft.body.version });
    if (sent.status !== 201) throw new Error(`referral: ${sent.status} ${JSON.stringify(sent.body)}`);
    ids['referralId'] = ids['partnerReferralId'] = sent.body.id;
    ids['referralCaseId'] = ids['caseId'];

    // A resident with a CPR number (the demo seed stores none), for the reveal.
    const withCpr = await users['oekonomi'].post('/api/persons', {
      name: 'Cpr Logsen',
      teamId: ids['teamId'],
      cpr: '140287-4413',
    });
    if (withCpr.status !== 201) throw new Error(`person: ${withCpr.status} ${JSON.stringify(withCpr.body)}`);
    ids['cprPersonId'] = withCpr.body.id;

    // A restance list with one good and one rejected row, read back by the adviser.
    // In a boligorganisation of its own: a list of Fjordly's would sit between another suite's months.
    const [{ id: boId }] = await q(
      `INSERT INTO boligorganisation (name) VALUES ('Boligforeningen Logtest') RETURNING id`,
    );
    const [{ id: afdelingId }] = await q(
      `INSERT INTO afdeling (boligorganisation_id, afdelingsnummer, name) VALUES ($1, '12', 'Logparken') RETURNING id`,
      [boId],
    );
    await q(
      `INSERT INTO team_afdeling (team_id, afdeling_id)
       SELECT ut.team_id, $1 FROM user_team ut JOIN app_user u ON u.id = ut.user_id WHERE u.username = 'oekonomi'`,
      [afdelingId],
    );
    ids['logAfdelingId'] = afdelingId;
    const header = 'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale';
    const base64 = Buffer.from(
      [header, '12;LOG-1;Lis Log;Logvej 1;2.000,00;1;;;', '12;LOG-2;B;Vej 2;x;1;;;'].join('\r\n'),
    ).toString('base64');
    const imp = await users['oekonomi'].post('/api/restance/imports', {
      boligorganisationId: boId,
      listDate: '2026-10-01',
      filename: 'log.csv',
      base64,
    });
    if (imp.status !== 201) throw new Error(`import: ${imp.status} ${JSON.stringify(imp.body)}`);
    await t.app.get(JobsService).drain();
    ids['afdelingId'] = afdelingId;
    ids['importId'] = imp.body.id;
    ids['rowId'] = items((await users['oekonomi'].get(`/api/restance/worklist?boligorganisationId=${boId}`)).body).find(
      (r) => r['lejemaalsnummer'] === 'LOG-1',
    )?.['id'] as string;
  });

  // The team's cover of the suite's own afdeling goes again: a later suite's worklist counts would see its rows.
  afterAll(async () => {
    if (ids['logAfdelingId'])
      await t.dataSource.query(`DELETE FROM team_afdeling WHERE afdeling_id = $1`, [ids['logAfdelingId']]);
    await t.close();
  });

  /** How each declared read is called: by whom, at which path (ids from the demo seed, read through the API). */
  const READS: Record<string, () => { user: string; path: string; subjectId?: string }> = {
    'GET /api/access-log': () => ({ user: 'dpo', path: '/api/access-log' }),
    'GET /api/audit/privileged-changes': () => ({ user: 'dpo', path: '/api/audit/privileged-changes' }),
    'GET /api/access-log/export': () => ({
      user: 'dpo',
      path: `/api/access-log/export?subjectType=person&subjectId=${ids['personId']}`,
      subjectId: ids['personId'],
    }),
    'GET /api/cases': () => ({ user: 'vicevaert', path: '/api/cases' }),
    'GET /api/cases/:caseId': () => ({ user: 'vicevaert', path: `/api/cases/${ids['caseId']}` }),
    'GET /api/cases/:caseId/agreements': () => ({ user: 'vicevaert', path: `/api/cases/${ids['caseId']}/agreements` }),
    'GET /api/cases/:caseId/applications': () => ({
      user: 'vicevaert',
      path: `/api/cases/${ids['caseId']}/applications`,
    }),
    'GET /api/cases/:caseId/handoffs': () => ({ user: 'vicevaert', path: `/api/cases/${ids['caseId']}/handoffs` }),
    'GET /api/cases/:caseId/referrals': () => ({
      user: 'vicevaert',
      path: `/api/cases/${ids['referralCaseId']}/referrals`,
    }),
    'GET /api/cases/:caseId/timeline': () => ({ user: 'vicevaert', path: `/api/cases/${ids['caseId']}/timeline` }),
    'GET /api/consents/:consentId/document': () => ({
      user: 'vicevaert',
      path: `/api/consents/${ids['consentId']}/document`,
      subjectId: ids['personId'],
    }),
    'GET /api/consents/coverage': () => ({
      user: 'vicevaert',
      path: `/api/consents/coverage?personId=${ids['personId']}&recipientId=${ids['partnerOrgId']}&purpose=videregivelse&categories=bolig`,
      subjectId: ids['personId'],
    }),
    'GET /api/evictions': () => ({ user: 'vicevaert', path: '/api/evictions' }),
    'GET /api/evictions/:evictionId': () => ({ user: 'vicevaert', path: `/api/evictions/${ids['evictionId']}` }),
    'GET /api/evictions/upcoming': () => ({ user: 'vicevaert', path: '/api/evictions/upcoming' }),
    'GET /api/partner/referrals': () => ({ user: 'partner', path: '/api/partner/referrals' }),
    'GET /api/partner/referrals/:referralId': () => ({
      user: 'partner',
      path: `/api/partner/referrals/${ids['partnerReferralId']}`,
    }),
    'GET /api/persons/:personId': () => ({ user: 'vicevaert', path: `/api/persons/${ids['personId']}` }),
    'GET /api/persons/:personId/consents': () => ({
      user: 'vicevaert',
      path: `/api/persons/${ids['personId']}/consents`,
    }),
    'GET /api/persons/:personId/cpr': () => ({ user: 'oekonomi', path: `/api/persons/${ids['cprPersonId']}/cpr` }),
    'GET /api/referrals/:referralId': () => ({ user: 'vicevaert', path: `/api/referrals/${ids['referralId']}` }),
    'GET /api/referrals/:referralId/summary': () => ({
      user: 'vicevaert',
      path: `/api/referrals/${ids['referralId']}/summary`,
    }),
    'GET /api/reports/drilldown': () => ({
      user: 'teamleder',
      path: `/api/reports/drilldown?from=2026-01-01&to=2026-12-31&scopeType=team&scopeId=${ids['teamId']}&indicator=involved`,
    }),
    'GET /api/restance/imports/:importId/rejected': () => ({
      user: 'oekonomi',
      path: `/api/restance/imports/${ids['importId']}/rejected`,
    }),
    'GET /api/restance/worklist': () => ({ user: 'oekonomi', path: '/api/restance/worklist' }),
    'GET /api/restance/worklist/:rowId': () => ({
      user: 'oekonomi',
      path: `/api/restance/worklist/${ids['rowId']}`,
      subjectId: ids['rowId'],
    }),
    'GET /api/restance/worklist/export': () => ({ user: 'oekonomi', path: '/api/restance/worklist/export' }),
    'GET /api/search': () => ({ user: 'vicevaert', path: '/api/search?q=Engparken' }),
    'GET /api/signals': () => ({ user: 'vicevaert', path: '/api/signals' }),
    'GET /api/signals/:signalId': () => ({
      user: 'vicevaert',
      path: `/api/signals/${ids['signalId']}`,
      subjectId: ids['signalPersonId'],
    }),
    'GET /api/tasks': () => ({ user: 'vicevaert', path: '/api/tasks' }),
    'GET /api/tenancies/:tenancyId': () => ({
      user: 'vicevaert',
      path: `/api/tenancies/${ids['tenancyId']}`,
      subjectId: ids['tenancyId'],
    }),
    'GET /api/users': () => ({ user: 'admin', path: '/api/users' }),
    'GET /api/users/:userId': () => ({ user: 'admin', path: `/api/users/${ids['userId']}` }),
    'GET /api/visits': () => ({ user: 'vicevaert', path: '/api/visits' }),
  };

  it('should know how to call every declared read', () => {
    expect(Object.keys(READS).sort()).toEqual(PERSONAL_DATA_ROUTES.filter((r) => r.startsWith('GET ')).sort());
  });

  it.each(PERSONAL_DATA_ROUTES.filter((r) => r.startsWith('GET ')))(
    '%s should add an access-log row with its purpose and subject',
    async (route) => {
      const declaration = declarations.get(route)!;
      const { user, path, subjectId: given } = READS[route]();
      const requestId = `al-${randomUUID()}`;
      const res = await users[user].agent.get(path).set('x-request-id', requestId);
      expect(res.status).toBe(200);
      const rows: {
        purpose: string;
        subject_type: string | null;
        subject_id: string | null;
        search_criterion: string | null;
      }[] = await t.dataSource.query(
        `SELECT purpose, subject_type, subject_id, search_criterion FROM access_log WHERE request_id = $1`,
        [requestId],
      );
      expect(rows.map((r) => r.purpose)).toContain(declaration.purpose);
      const row = rows.find((r) => r.purpose === declaration.purpose)!;
      if (row.subject_type !== null) expect(row.subject_type).toBe(declaration.subject);
      // The subject: the id in the route's parameter (or the one the query names), in the row's subject or criterion.
      const paramValue = declaration.param
        ? path.split('?')[0].split('/')[route.split(' ')[1].split('/').indexOf(`:${declaration.param}`)]
        : undefined;
      const expected = given ?? paramValue;
      if (expected) expect([row.subject_id, row.search_criterion].join(' ')).toContain(expected);
    },
  );

  it('should have needed the net for none of them: each service wrote its own entry with the read', () => {
    expect([...t.app.get(PersonalDataInterceptor).fallbackRoutes]).toEqual([]);
  });
});
