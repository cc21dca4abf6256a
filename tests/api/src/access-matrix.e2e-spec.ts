import { ALL_ROLES, hasPermission, Permission, Role } from '@bofast/contracts';

import { undeclaredRoutes } from './support/route-declarations';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * Every route of the API, with the permission it must demand (or PUBLIC). The first test fails when a
 * route is added without an entry here; the others prove that each role gets exactly what the
 * role → permission map in @bofast/contracts grants, and that anonymous callers get 401.
 */
const PUBLIC = 'PUBLIC' as const;
const ROUTES: Record<string, Permission | typeof PUBLIC> = {
  'GET /api/health': PUBLIC,
  'GET /api/auth/csrf': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/activation/:token': PUBLIC,
  'POST /api/auth/activation': PUBLIC,
  'POST /api/auth/logout': Permission.SelfUpdate,
  'GET /api/auth/me': Permission.SelfRead,
  'PATCH /api/auth/me': Permission.SelfUpdate,
  'POST /api/auth/me/password': Permission.SelfUpdate,
  'GET /api/auth/sessions': Permission.SelfRead,
  'DELETE /api/auth/sessions/:sessionId': Permission.SelfUpdate,
  'GET /api/users': Permission.UserRead,
  'GET /api/users/:userId': Permission.UserRead,
  'POST /api/users': Permission.UserManage,
  'PATCH /api/users/:userId': Permission.UserManage,
  'POST /api/users/:userId/reset-password': Permission.UserManage,
  'GET /api/teams': Permission.TeamRead,
  'GET /api/teams/:teamId': Permission.TeamRead,
  'POST /api/teams': Permission.TeamManage,
  'PATCH /api/teams/:teamId': Permission.TeamManage,
  'GET /api/organisations/boligorganisationer': Permission.OrganisationRead,
  'GET /api/organisations/partners': Permission.OrganisationRead,
  'POST /api/organisations/boligorganisationer': Permission.OrganisationManage,
  'POST /api/organisations/boligorganisationer/:boligorganisationId/afdelinger': Permission.OrganisationManage,
  'POST /api/organisations/partners': Permission.OrganisationManage,
  'GET /api/access-log': Permission.AccessLogRead,
  'GET /api/access-log/export': Permission.AccessLogExport,
  'GET /api/audit/privileged-changes': Permission.AccessLogRead,
  'GET /api/search': Permission.PersonRead,
  'POST /api/tenancies': Permission.TenancyWrite,
  'GET /api/tenancies/:tenancyId': Permission.TenancyRead,
  'POST /api/tenancies/:tenancyId/household/members': Permission.PersonWrite,
  'POST /api/persons': Permission.PersonWrite,
  'GET /api/persons/:personId': Permission.PersonRead,
  'PATCH /api/persons/:personId': Permission.PersonWrite,
  'GET /api/persons/:personId/cpr': Permission.PersonCprReveal,
  'GET /api/persons/:personId/consents': Permission.ConsentRead,
  'POST /api/consents': Permission.ConsentWrite,
  'GET /api/consents/coverage': Permission.ConsentRead,
  'POST /api/consents/:consentId/withdraw': Permission.ConsentWrite,
  'GET /api/consents/:consentId/document': Permission.ConsentRead,
  'GET /api/signals': Permission.SignalRead,
  'POST /api/signals': Permission.SignalWrite,
  'GET /api/signals/:signalId': Permission.SignalRead,
  'PATCH /api/signals/:signalId': Permission.SignalWrite,
  'POST /api/signals/:signalId/contact-attempts': Permission.SignalWrite,
  'POST /api/signals/:signalId/convert': Permission.CaseWrite,
  'GET /api/case-types': Permission.OrganisationRead,
  'POST /api/case-types': Permission.CaseTypeManage,
  'GET /api/cases/assignable-users': Permission.CaseRead,
  'GET /api/cases': Permission.CaseRead,
  'POST /api/cases': Permission.CaseWrite,
  'GET /api/cases/:caseId': Permission.CaseRead,
  'PATCH /api/cases/:caseId': Permission.CaseWrite,
  'POST /api/cases/:caseId/status': Permission.CaseWrite,
  'POST /api/cases/:caseId/reopen': Permission.CaseWrite,
  'GET /api/cases/:caseId/timeline': Permission.CaseRead,
  'POST /api/cases/:caseId/notes': Permission.CaseWrite,
  'POST /api/cases/:caseId/contact-attempts': Permission.CaseWrite,
  'POST /api/cases/:caseId/goals': Permission.CaseWrite,
  'POST /api/cases/:caseId/actions': Permission.CaseWrite,
  'PATCH /api/cases/:caseId/actions/:actionId': Permission.CaseWrite,
  'GET /api/cases/:caseId/agreements': Permission.CaseRead,
  'POST /api/cases/:caseId/agreements': Permission.CaseWrite,
  'POST /api/cases/:caseId/agreements/:agreementId/status': Permission.CaseWrite,
  'GET /api/cases/:caseId/applications': Permission.CaseRead,
  'POST /api/cases/:caseId/applications': Permission.CaseWrite,
  'POST /api/cases/:caseId/applications/:applicationId/status': Permission.CaseWrite,
  'POST /api/restance/imports/preview': Permission.RestanceImport,
  'POST /api/restance/imports': Permission.RestanceImport,
  'GET /api/restance/imports': Permission.RestanceImport,
  'GET /api/jobs/failed': Permission.JobRead,
  'GET /api/restance/imports/:importId': Permission.RestanceImport,
  'GET /api/restance/imports/:importId/rejected': Permission.RestanceImport,
  'PUT /api/restance/rejected-rows/:rowId': Permission.RestanceImport,
  'GET /api/restance/profiles/:boligorganisationId': Permission.RestanceConfigure,
  'PUT /api/restance/profiles/:boligorganisationId': Permission.RestanceConfigure,
  'GET /api/restance/worklist': Permission.RestanceRead,
  'GET /api/restance/worklist/export': Permission.RestanceRead,
  'POST /api/restance/worklist/assign': Permission.RestanceAssign,
  'GET /api/restance/worklist/:rowId': Permission.RestanceRead,
  'PATCH /api/restance/worklist/:rowId': Permission.RestanceWork,
  'POST /api/restance/worklist/:rowId/contact-attempts': Permission.RestanceWork,
  'POST /api/restance/worklist/:rowId/convert': Permission.RestanceWork,
  'GET /api/restance/triage-weights': Permission.RestanceRead,
  'PUT /api/restance/triage-weights': Permission.TriageConfigure,
  'GET /api/evictions': Permission.EvictionRead,
  'GET /api/evictions/upcoming': Permission.EvictionRead,
  'POST /api/evictions': Permission.EvictionWrite,
  'GET /api/evictions/:evictionId': Permission.EvictionRead,
  'PATCH /api/evictions/:evictionId': Permission.EvictionWrite,
  'POST /api/evictions/:evictionId/cases': Permission.EvictionWrite,
  'POST /api/evictions/:evictionId/stages': Permission.EvictionWrite,
  'POST /api/evictions/:evictionId/outcome': Permission.EvictionWrite,
  'POST /api/evictions/:evictionId/outcome/approve': Permission.EvictionApprove,
  'POST /api/evictions/:evictionId/outcome/return': Permission.EvictionApprove,
  'POST /api/evictions/:evictionId/reopen': Permission.EvictionApprove,
  'POST /api/evictions/:evictionId/sustained-check': Permission.EvictionWrite,
  'GET /api/visits': Permission.CaseRead,
  'POST /api/cases/:caseId/visits': Permission.CaseWrite,
  'POST /api/visits/:visitId/complete': Permission.CaseWrite,
  'GET /api/tasks': Permission.CaseRead,
  'PATCH /api/tasks/:taskId': Permission.CaseWrite,
  'GET /api/cases/:caseId/referrals': Permission.CaseRead,
  'POST /api/cases/:caseId/referrals': Permission.CaseWrite,
  'POST /api/cases/:caseId/underretninger': Permission.ReferralUnderretning,
  'GET /api/referrals/:referralId': Permission.CaseRead,
  'PATCH /api/referrals/:referralId': Permission.CaseWrite,
  'POST /api/referrals/:referralId/send': Permission.CaseWrite,
  'POST /api/referrals/:referralId/status': Permission.CaseWrite,
  'POST /api/referrals/:referralId/messages': Permission.CaseWrite,
  'GET /api/referrals/:referralId/summary': Permission.CaseRead,
  'GET /api/partner/referrals': Permission.PartnerPortal,
  'GET /api/partner/referrals/:referralId': Permission.PartnerPortal,
  'POST /api/partner/referrals/:referralId/status': Permission.PartnerPortal,
  'POST /api/partner/referrals/:referralId/messages': Permission.PartnerPortal,
  'GET /api/partners': Permission.OrganisationRead,
  'PATCH /api/partners/:partnerId': Permission.OrganisationManage,
  'GET /api/cases/:caseId/handoffs': Permission.CaseRead,
  'POST /api/cases/:caseId/handoffs': Permission.CaseWrite,
  'GET /api/reports/definitions': Permission.ReportRead,
  'POST /api/reports/definitions': Permission.ReportDefine,
  'GET /api/reports/mine': Permission.ReportOwn,
  'GET /api/reports/drilldown': Permission.ReportRead,
  'GET /api/reports': Permission.ReportRead,
  'POST /api/reports': Permission.ReportRead,
  'GET /api/reports/:reportId': Permission.ReportRead,
  'POST /api/reports/:reportId/reproduce': Permission.ReportRead,
  'GET /api/reports/:reportId/export': Permission.ReportRead,
};

const USERNAME: Record<Role, string> = {
  social_vicevaert: 'vicevaert',
  beboerraadgiver: 'beboerraadgiver',
  oekonomisk_raadgiver: 'oekonomi',
  teamleder: 'teamleder',
  kommunal_partner: 'partner',
  boligorganisation: 'boligorg',
  admin: 'admin',
  dpo: 'dpo',
};

const RANDOM_ID = '00000000-0000-4000-8000-000000000000';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function discoverRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((l) => l.route)
    .flatMap((l) =>
      Object.keys(l.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${l.route!.path}`),
    )
    .filter((r) => r.includes(' /api/') && !r.includes('/api/docs') && !r.includes('{*')); // {*path}: middleware, not routes
}

function call(client: ApiClient, route: string) {
  const [method, template] = route.split(' ');
  const path = template.replace(/:[A-Za-z]+/g, RANDOM_ID);
  return method === 'GET'
    ? client.get(path)
    : client.send(method.toLowerCase() as 'post' | 'patch' | 'delete', path, {});
}

describe('Role × route access matrix', () => {
  let t: TestApp;
  const sessions = new Map<Role, ApiClient>();

  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ALL_ROLES) sessions.set(role, await t.loginAs(USERNAME[role]));
  });

  afterAll(() => t.close());

  it('should have an entry for every route the API serves, and no stale entries', () => {
    expect(discoverRoutes(t).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.entries(ROUTES).filter(([, p]) => p !== PUBLIC))(
    'should answer 401 to an anonymous %s',
    async (route) => {
      const c = t.client();
      await c.prime();
      expect((await call(c, route)).status).toBe(401);
    },
  );

  const cases = ALL_ROLES.flatMap((role) =>
    Object.entries(ROUTES)
      .filter(([route]) => route !== 'POST /api/auth/logout')
      .map(([route, permission]) => [role, route, permission] as const),
  );

  it.each(cases)('%s → %s', async (role, route, permission) => {
    const res = await call(sessions.get(role)!, route);
    const allowed = permission === PUBLIC || hasPermission(role, permission);
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
    }
  });

  it.each(ALL_ROLES)('%s may log out', async (role) => {
    const c = sessions.get(role)!;
    expect((await call(c, 'POST /api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('Route declarations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(() => t.close());

  // Access logging by construction: a route without @PersonalData or @NoPersonalData fails here too
  // (tests/api/src/access-log-declarations.e2e-spec.ts proves the rest).
  it('should find a personal-data declaration on every route the API serves', () => {
    expect(undeclaredRoutes(t)).toEqual([]);
  });
});
