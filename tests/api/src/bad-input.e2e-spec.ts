import { Logger } from '@nestjs/common';
import { CSRF_HEADER } from '@bofast/contracts';

import { afdelingId, newPerson, teamIdOf } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * The findings of issue #14 ("68 of 71 write endpoints can be made to answer 500"), each replayed
 * exactly: every one must now answer 4xx naming the field, and nothing may log a stack trace.
 */
describe('Bad input never answers 5xx (issue #14 findings)', () => {
  let t: TestApp;
  let admin: ApiClient;
  let worker: ApiClient;
  let errorLog: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.loginAs('admin');
    worker = await t.loginAs('beboerraadgiver');
  });

  beforeEach(() => {
    errorLog = jest.spyOn(Logger.prototype, 'error');
  });

  afterEach(() => {
    // No finding may reach the "Unhandled error" log line (a stack trace per request before).
    expect(errorLog).not.toHaveBeenCalled();
    errorLog.mockRestore();
  });

  afterAll(() => t.close());

  /** Sends raw JSON text (object literals cannot carry an own `__proto__` key). */
  async function raw(c: ApiClient, method: 'post' | 'patch' | 'put', path: string, text: string) {
    return c.agent[method](path)
      .set(CSRF_HEADER, c.csrf ?? '')
      .set('Content-Type', 'application/json')
      .send(text);
  }

  function expectField(
    res: { status: number; body: { code?: string; fields?: Record<string, string[]> } },
    field: string,
  ) {
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.fields?.[field]?.length).toBeGreaterThan(0);
  }

  describe('JSON nested deep', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

    it('should refuse 1,500 levels on the anonymous login before parsing', async () => {
      const c = t.client();
      await c.prime();
      const res = await raw(c, 'post', '/api/auth/login', `{"username":${deep(1500)},"password":"x"}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('JSON_TOO_DEEP');
    });

    it('should refuse it on a write too, and not count brackets inside strings', async () => {
      const res = await raw(worker, 'post', '/api/persons', `{"name":${deep(40)}}`);
      expect(res.body.code).toBe('JSON_TOO_DEEP');
      // Brackets inside strings are text, not nesting: this login gets as far as checking the password.
      const c = t.client();
      await c.prime();
      expect((await c.login('[[{{'.repeat(20), 'x')).status).toBe(401);
    });
  });

  it('should refuse a body over 8 MB while reading it', async () => {
    const res = await raw(worker, 'post', '/api/persons', JSON.stringify({ name: 'x'.repeat(9 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('should answer malformed JSON with BAD_JSON', async () => {
    const res = await raw(worker, 'post', '/api/persons', '{"name": "a",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_JSON');
  });

  describe('NUL and lone surrogates', () => {
    it('should refuse a NUL in a text field with a field message', async () => {
      expectField(await worker.patch('/api/auth/me', { displayName: 'a\u0000b' }), 'displayName');
      const team = await teamIdOf(t);
      expectField(await worker.post('/api/persons', { name: 'Ny\u0000Beboer', teamId: team }), 'name');
    });

    it('should refuse a NUL in the query: GET /api/search?q=ab%00cd', async () => {
      expectField(await worker.get('/api/search?q=ab%00cd'), 'q');
    });

    it('should refuse a NUL in the login username before the login reads it', async () => {
      const c = t.client();
      await c.prime();
      expectField(await c.login('admin\u0000', 'x'), 'username');
    });

    it('should refuse a lone surrogate in an e-mail (threw inside the validator)', async () => {
      const person = await newPerson(t, worker);
      expectField(
        await worker.patch(`/api/persons/${person.id}`, { email: 'a\ud800@example.org', version: person.version }),
        'email',
      );
      expectField(await worker.patch('/api/auth/me', { email: 'a\udc00@example.org' }), 'email');
    });

    it('should refuse them in nested fields, naming the path', async () => {
      const res = await worker.get('/api/cases?status=a%00');
      expectField(res, 'status');
    });
  });

  describe('null for a field whose column is NOT NULL', () => {
    it('PATCH /api/auth/me {"displayName": null}', async () => {
      const res = await worker.patch('/api/auth/me', { displayName: null });
      expectField(res, 'displayName');
      expect(res.body.fields.displayName).toEqual(['Skal udfyldes']);
    });

    it('PATCH /api/persons/:id {"name": null}', async () => {
      const person = await newPerson(t, worker);
      expectField(await worker.patch(`/api/persons/${person.id}`, { name: null, version: person.version }), 'name');
      expectField(
        await worker.patch(`/api/persons/${person.id}`, { smsPreferred: null, version: person.version }),
        'smsPreferred',
      );
    });

    it('PATCH /api/teams/:id {"isActive": null}', async () => {
      const team = (await admin.get(`/api/teams/${await teamIdOf(t)}`)).body;
      expectField(await admin.patch(`/api/teams/${team.id}`, { isActive: null, version: team.version }), 'isActive');
      expectField(await admin.patch(`/api/teams/${team.id}`, { name: null, version: team.version }), 'name');
    });

    it('PATCH /api/users/:id with null role, displayName and isActive', async () => {
      const users = (await admin.get('/api/users?search=vicevaert')).body;
      const user = users.items[0];
      for (const field of ['displayName', 'role', 'isActive', 'teamIds']) {
        expectField(await admin.patch(`/api/users/${user.id}`, { [field]: null, version: user.version }), field);
      }
    });

    it('should still let a nullable field be cleared with null', async () => {
      const person = await newPerson(t, worker, { phone: '12345678' });
      const res = await worker.patch(`/api/persons/${person.id}`, { phone: null, version: person.version });
      expect(res.status).toBe(200);
      expect(res.body.phone).toBeNull();
    });
  });

  describe('integers out of range', () => {
    it('version 2147483648', async () => {
      const person = await newPerson(t, worker);
      expectField(await worker.patch(`/api/persons/${person.id}`, { name: 'X', version: 2147483648 }), 'version');
    });

    it.each(['/api/cases', '/api/signals', '/api/users', '/api/restance/worklist', '/api/access-log'])(
      '?page=1e300 on %s',
      async (path) => {
        const c = path.startsWith('/api/users') || path.startsWith('/api/access-log') ? admin : worker;
        const who = path === '/api/access-log' ? await t.loginAs('dpo') : c;
        expectField(await who.get(`${path}?page=1e300`), 'page');
        expectField(await who.get(`${path}?page=100001`), 'page');
      },
    );
  });

  it('POST /api/reports/definitions without rule', async () => {
    expectField(
      await admin.post('/api/reports/definitions', { key: 'undgaaet_udsaettelse', description: 'Uden regel' }),
      'rule',
    );
  });

  describe('CPR of someone born 1858–1899', () => {
    it('should register 230491-6789 (born 1891) with birth year 1891', async () => {
      const res = await worker.post('/api/persons', {
        name: 'Meget Gammel Beboer',
        teamId: await teamIdOf(t),
        cpr: '230491-6789',
      });
      expect(res.status).toBe(201);
      expect(res.body.birthYear).toBe(1891);
    });

    it('should take birth year 1858 and refuse 1857', async () => {
      const team = await teamIdOf(t);
      expect((await worker.post('/api/persons', { name: 'Født 1858', teamId: team, birthYear: 1858 })).status).toBe(
        201,
      );
      expectField(await worker.post('/api/persons', { name: 'Født 1857', teamId: team, birthYear: 1857 }), 'birthYear');
    });
  });

  describe('dates PostgreSQL refuses, and dates out of range', () => {
    it.each(['2026-02-30', '0000-01-01', '2026-W01', '2026-13-01', '1899-12-31', '2101-01-01'])(
      'tenancy moveInDate %s',
      async (date) => {
        const res = await worker.post('/api/tenancies', {
          afdelingId: await afdelingId(t),
          address: 'Engparken 99',
          lejemaalsnummer: 'L-date',
          moveInDate: date,
        });
        expectField(res, 'moveInDate');
      },
    );

    it('should refuse a signal received 9999-12-31 (it topped every list) or tomorrow-plus-one', async () => {
      const body = { source: 'nabo', teamId: await teamIdOf(t), description: 'Larm' };
      expectField(await worker.post('/api/signals', { ...body, receivedAt: '9999-12-31' }), 'receivedAt');
      const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
      expectField(await worker.post('/api/signals', { ...body, receivedAt: later }), 'receivedAt');
      expect((await worker.post('/api/signals', { ...body, receivedAt: new Date().toISOString() })).status).toBe(201);
    });

    it('should refuse 2026-02-30 as an access-log filter', async () => {
      const dpo = await t.loginAs('dpo');
      expectField(await dpo.get('/api/access-log?from=2026-02-30'), 'from');
    });
  });

  describe('prototype-named keys', () => {
    it.each(['__proto__', 'constructor', 'toString', 'prototype'])(
      'should refuse %s in an import profile alias map (free-form object)',
      async (key) => {
        const boligorg = (await admin.get('/api/organisations/boligorganisationer')).body[0];
        const res = await raw(
          admin,
          'put',
          `/api/restance/profiles/${boligorg.id}`,
          `{"aliases":{"${key}":["x"]},"version":0}`,
        );
        expectField(res, `aliases.${key}`);
      },
    );

    it('should refuse __proto__ at the top of a body and in a report rule', async () => {
      expectField(await raw(worker, 'patch', '/api/auth/me', '{"__proto__":{"displayName":"x"}}'), '__proto__');
      const res = await raw(
        admin,
        'post',
        '/api/reports/definitions',
        '{"key":"undgaaet_udsaettelse","description":"x","rule":{"constructor":{"prototype":{}}}}',
      );
      expectField(res, 'rule.constructor');
    });

    it('should refuse them in the query string', async () => {
      expectField(await worker.get('/api/cases?__proto__=x'), '__proto__');
    });
  });
});
