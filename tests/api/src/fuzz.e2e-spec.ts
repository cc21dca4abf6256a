import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { ALL_ROLES, CSRF_HEADER, hasPermission, Permission, Role } from '@bofast/contracts';
const { defaultMetadataStorage } =
  require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import fc from 'fast-check';
import { DataSource } from 'typeorm';

import { IS_PUBLIC, REQUIRED_PERMISSION } from '../../../backend/src/common/auth/decorators';
import { newCase, newPerson, newTenancy, teamIdOf } from './support/casework';
import { ApiClient, createTestApp, TestApp } from './support/test-app';

/**
 * Property-based fuzzing of every route that takes a body or a query (issue #14, part 2). Routes and
 * their DTOs come from the running Nest app (controllers' route metadata, `design:paramtypes` and
 * ROUTE_ARGS_METADATA); the fields and their rules from class-validator's metadata storage. For each
 * route fast-check builds valid-looking requests and breaks one or more fields (wrong types, null,
 * NUL, lone surrogates, huge numbers, bad dates, deep nesting, prototype-named keys, extra fields,
 * huge strings), sends them as a role the route allows, and fails on any 5xx, and on any 400
 * VALIDATION_FAILED that does not name its fields.
 *
 * Fixed seed, bounded runs: the whole file runs in well under 90 s. Override with FUZZ_SEED and
 * FUZZ_RUNS (runs per route) to explore; a failure prints the seed and the failing request.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261214);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 30);

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

type Ctor = new (...args: unknown[]) => unknown;

interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string; // /api/cases/:caseId
  permission: Permission | 'PUBLIC';
  body?: Ctor;
  query?: Ctor;
}

const METHODS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.DELETE]: 'delete',
};

function joinPath(...parts: string[]): string {
  return (
    '/' +
    parts
      .flatMap((p) => p.split('/'))
      .filter(Boolean)
      .join('/')
  );
}

/** Every controller route with its body/query DTO classes, read from Nest's own metadata. */
function discoverDtoRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const ctrl = wrapper.metatype as Ctor | null;
      if (!ctrl) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, ctrl) as string | undefined) ?? '';
      for (const name of Object.getOwnPropertyNames(ctrl.prototype)) {
        const handler = (ctrl.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const verb = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (verb === undefined || sub === undefined || !METHODS[verb]) continue;
        const params = (Reflect.getMetadata('design:paramtypes', ctrl.prototype, name) ?? []) as Ctor[];
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctrl, name) ?? {}) as Record<
          string,
          { index: number; data?: unknown }
        >;
        const route: Route = {
          method: METHODS[verb] as Route['method'],
          path: joinPath('api', base, sub),
          permission: Reflect.getMetadata(IS_PUBLIC, handler)
            ? 'PUBLIC'
            : ((Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
                Reflect.getMetadata(REQUIRED_PERMISSION, ctrl)) as Permission),
        };
        let named = false;
        for (const [key, arg] of Object.entries(args)) {
          const type = Number(key.split(':')[0]);
          const dto = params[arg.index];
          const isDto =
            typeof dto === 'function' &&
            getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
          if (type === RouteParamtypes.BODY && isDto && arg.data === undefined) route.body = dto;
          if (type === RouteParamtypes.QUERY && isDto && arg.data === undefined) route.query = dto;
          if (type === RouteParamtypes.QUERY && arg.data !== undefined) named = true;
        }
        if (route.body || route.query || named) routes.push(route);
      }
    }
  }
  return routes.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

// ---- generation from class-validator metadata -------------------------------------------------

interface Field {
  name: string;
  rules: ValidationMetadata[];
  nested?: Ctor;
}

function fieldsOf(dto: Ctor): Field[] {
  const byName = new Map<string, ValidationMetadata[]>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    byName.set(m.propertyName, [...(byName.get(m.propertyName) ?? []), m]);
  }
  return [...byName.entries()].map(([name, rules]) => {
    const typeMeta = defaultMetadataStorage.findTypeMetadata(dto, name);
    const nested = rules.some((r) => r.type === 'nestedValidation') ? (typeMeta?.typeFunction() as Ctor) : undefined;
    return { name, rules, nested };
  });
}

const ruleNames = (f: Field) => new Set(f.rules.map((r) => r.name ?? r.type));
const constraint = (f: Field, name: string) => f.rules.find((r) => r.name === name)?.constraints;

const RANDOM_UUID = fc.uuid({ version: 4 });

/** Real ids by body field name (teamId, personId …), so that valid-looking bodies get past the lookups. */
const fieldIds: Record<string, string> = {};

/** A value the field's rules would probably accept (so that breaking one field tests that field). */
function plausible(f: Field, depth: number, ids: string[]): fc.Arbitrary<unknown> {
  const rules = ruleNames(f);
  const isIn = constraint(f, 'isIn')?.[0] as unknown[] | undefined;
  if (isIn?.length) {
    const one = fc.constantFrom(...isIn);
    return f.rules.some((r) => r.name === 'isIn' && r.each) ? fc.array(one, { maxLength: 3 }) : one;
  }
  if (f.nested && depth < 2) {
    const obj = objectFor(f.nested, depth + 1, ids, false);
    return rules.has('isArray') ? fc.array(obj, { maxLength: 2 }) : obj;
  }
  if (rules.has('isUUID')) {
    const own = fieldIds[f.name] ?? fieldIds[f.name.replace(/s$/, '')];
    const id = own
      ? fc.oneof({ weight: 4, arbitrary: fc.constant(own) }, { weight: 1, arbitrary: RANDOM_UUID })
      : ids.length
        ? fc.oneof(RANDOM_UUID, fc.constantFrom(...ids))
        : RANDOM_UUID;
    return rules.has('isArray') ? fc.array(id, { maxLength: 2 }) : id;
  }
  if (rules.has('isCalendarDate')) return fc.constantFrom('2026-01-15', '1990-06-30', '2000-02-29');
  if (rules.has('isTimestamp'))
    return fc.constantFrom('2026-01-15T10:00:00Z', '2025-12-31', '2026-01-01T08:30:00+01:00');
  if (rules.has('isInt')) {
    const min = (constraint(f, 'min')?.[0] as number | undefined) ?? 0;
    const max = (constraint(f, 'max')?.[0] as number | undefined) ?? min + 100;
    return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, min + 1000)) });
  }
  if (rules.has('isNumber'))
    return fc.double({ min: 0.01, max: 5000, noNaN: true }).map((n) => Math.round(n * 100) / 100);
  if (rules.has('isBoolean')) return fc.boolean();
  if (rules.has('isEmail')) return fc.constant('fuzz@example.org');
  if (rules.has('isObject')) return fc.constant({});
  if (rules.has('isArray')) return fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 3 });
  if (rules.has('matches')) return fc.constantFrom('12345678', '+45 12345678', '010190-1234', '1234');
  const max = (constraint(f, 'maxLength')?.[0] as number | undefined) ?? 40;
  return fc.string({ minLength: 2, maxLength: Math.min(max, 30) });
}

const deep = (n: number): unknown => {
  let v: unknown = 'x';
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

/** Values that broke this API before (issue #14), or could: every field of every route meets each once. */
const KILLERS: unknown[] = [
  null,
  'ab\u0000cd',
  'a\ud800@example.org',
  2147483648,
  1e300,
  -2e-323,
  '2026-02-30',
  '9999-12-31',
  deep(40),
  JSON.parse('{"__proto__": {"isAdmin": true}}'),
  'x'.repeat(10_000),
];

/** The wider pool for the random runs. */
const MALFORMED: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      ...KILLERS,
      '0000-01-01',
      [],
      {},
      true,
      '\udc00x',
      -1e300,
      '2026-W01',
      deep(31),
      { toString: 'x' },
      ['a\u0000'],
      '',
      'x'.repeat(100_000),
      0,
      -1,
      1.5,
      -2147483649,
      Number.MAX_SAFE_INTEGER + 2,
      ' ',
      '\u0000',
      '1e300',
      '2147483648',
      '2026-01-01T25:00:00Z',
      'not-a-uuid',
      '00000000-0000-0000-0000-000000000000',
      '__proto__',
      [null],
      JSON.parse('{"constructor": {"prototype": {"x": 1}}}'),
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
  { weight: 1, arbitrary: fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }) },
);

/** The same in a query string, where only text arrives (raw escapes: %00, bad UTF-8). */
const QUERY_KILLERS = [
  'ab%00cd',
  '%ED%A0%80',
  '%FF',
  '1e300',
  '-1',
  '100001',
  '2026-02-30',
  '0000-01-01',
  'x'.repeat(5000),
  '%5B%5D',
];

/**
 * A body: every field valid-looking or left out, then either one field broken (so that the other
 * fields cannot hide it behind their own 400) or several; sometimes an extra or prototype-named key.
 */
function objectFor(
  dto: Ctor,
  depth: number,
  ids: string[],
  breakSome: boolean,
  omitSome = true,
): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldsOf(dto);
  const base = fc.tuple(
    ...fields.map((f) =>
      fc.oneof(
        { weight: 5, arbitrary: plausible(f, depth, ids) },
        { weight: omitSome ? 1 : 0, arbitrary: fc.constant(undefined) },
      ),
    ),
  );
  const broken = breakSome
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: fc
            .tuple(fc.nat({ max: Math.max(fields.length - 1, 0) }), MALFORMED)
            .map(([i, v]) => new Map([[i, v]])),
        },
        {
          weight: 2,
          arbitrary: fc
            .array(fc.tuple(fc.nat({ max: Math.max(fields.length - 1, 0) }), MALFORMED), { maxLength: 4 })
            .map((a) => new Map(a)),
        },
        { weight: 1, arbitrary: fc.constant(new Map<number, unknown>()) },
      )
    : fc.constant(new Map<number, unknown>());
  const extra = fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'prototype') },
  );
  return fc.tuple(base, broken, extra, MALFORMED).map(([values, breaks, extraKey, extraValue]) => {
    const out: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      const v = breaks.has(i) ? breaks.get(i) : values[i];
      if (v !== undefined) out[f.name] = v;
    });
    // defineProperty: an own `__proto__` key, as JSON.parse would make it.
    if (extraKey)
      Object.defineProperty(out, extraKey, { value: extraValue, enumerable: true, writable: true, configurable: true });
    return out;
  });
}

/** A query string: values as text, some broken in ways only a URL can be (raw %00, bad UTF-8, repeats). */
function queryFor(route: Route, ids: string[]): fc.Arbitrary<string> {
  const fields = route.query ? fieldsOf(route.query) : [{ name: 'boligorganisationId', rules: [] } as Field];
  const text = (v: unknown) =>
    encodeURIComponent(typeof v === 'string' ? v.replace(/[\ud800-\udfff]/g, '') : JSON.stringify(v));
  const rawBad = fc.constantFrom(
    'ab%00cd',
    '%ED%A0%80',
    '%FF',
    '1e300',
    '-1',
    '100001',
    '2026-02-30',
    '0000-01-01',
    'x'.repeat(5000),
    '%5B%5D',
  );
  const part = (f: Field) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: plausible(f, 1, ids).map((v) =>
          v === undefined ? '' : `${f.name}=${Array.isArray(v) ? v.map(String).join(',') : text(v)}`,
        ),
      },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 3, arbitrary: rawBad.map((v) => `${f.name}=${v}`) },
      { weight: 1, arbitrary: fc.constantFrom(`${f.name}=a&${f.name}=b`, `${f.name}[a]=1`, `${f.name}`) },
    );
  const extra = fc.constantFrom('', '', '', '__proto__=x', 'constructor[prototype]=1', 'unknown=1', 'page=1e300');
  return fc.tuple(fc.tuple(...fields.map(part)), extra).map(([parts, e]) => [...parts, e].filter(Boolean).join('&'));
}

/** Whether the DTO's own rules accept a body (as the global ValidationPipe would). */
function passesValidation(dto: Ctor, body: object): boolean {
  return (
    validateSync(plainToInstance(dto, body) as object, { whitelist: true, forbidNonWhitelisted: true }).length === 0
  );
}

/**
 * The body each field is broken on: the smallest one the DTO accepts (required fields only, if
 * that validates; else a full one that does), so that the broken field is what the server meets.
 */
function validBase(dto: Ctor, ids: string[], seed: number): Record<string, unknown> {
  const optional = new Set(
    fieldsOf(dto)
      .filter((f) => f.rules.some((r) => r.type === 'conditionalValidation'))
      .map((f) => f.name),
  );
  const samples = fc.sample(objectFor(dto, 0, ids, false, false), { seed, numRuns: 60 });
  const minimal = samples.map((b) => Object.fromEntries(Object.entries(b).filter(([k]) => !optional.has(k))));
  return minimal.find((b) => passesValidation(dto, b)) ?? samples.find((b) => passesValidation(dto, b)) ?? samples[0];
}

// ---- the test -----------------------------------------------------------------------------------

describe('Fuzzing every route with a body or a query', () => {
  let t: TestApp;
  const sessions = new Map<Role, ApiClient>();
  let anonymous: ApiClient;
  let routes: Route[] = [];
  const realIds: Record<string, string> = {};

  const runDatabase = process.env['TEST_DATABASE_URL'] as string;
  const fuzzDatabase = `${new URL(runDatabase).pathname.slice(1)}_fuzz`;

  /** Runs one statement on the run's database server (as the role the run uses, which may create databases). */
  async function onServer(sql: string): Promise<void> {
    const server = await new DataSource({ type: 'postgres', url: runDatabase }).initialize();
    try {
      await server.query(sql);
    } finally {
      await server.destroy();
    }
  }

  beforeAll(async () => {
    // A database of its own: valid-looking fuzzed writes succeed now and then (a report definition
    // version, a team, a display name), and the other files expect the demo world as seeded.
    await onServer(`DROP DATABASE IF EXISTS "${fuzzDatabase}" WITH (FORCE)`);
    await onServer(`CREATE DATABASE "${fuzzDatabase}"`);
    const url = new URL(runDatabase);
    url.pathname = `/${fuzzDatabase}`;
    process.env['TEST_DATABASE_URL'] = url.toString();
    try {
      t = await createTestApp();
    } finally {
      process.env['TEST_DATABASE_URL'] = runDatabase;
    }
    for (const role of ALL_ROLES) sessions.set(role, await t.loginAs(USERNAME[role]));
    anonymous = t.client();
    await anonymous.prime();
    routes = discoverDtoRoutes(t);
    // Real ids for the records a worker works on, created here. Other path ids (users, teams,
    // organisations) stay random, so the demo users and teams this file logs in with stay usable.
    const worker = sessions.get('beboerraadgiver') as ApiClient;
    const person = await newPerson(t, worker);
    const kase = await newCase(t, worker);
    const tenancy = await newTenancy(t, worker);
    const signal = await worker.post('/api/signals', {
      source: 'nabo',
      teamId: await teamIdOf(t),
      description: 'Fuzz',
    });
    Object.assign(realIds, { personId: person.id, caseId: kase.id, tenancyId: tenancy.id, signalId: signal.body.id });
    const one = async (sql: string) => ((await t.dataSource.query(sql)) as Array<{ id: string }>)[0]?.id;
    Object.assign(fieldIds, realIds, {
      teamId: await teamIdOf(t),
      afdelingId: await one(`SELECT id FROM afdeling ORDER BY afdelingsnummer LIMIT 1`),
      boligorganisationId: await one(`SELECT id FROM boligorganisation ORDER BY name LIMIT 1`),
      partnerOrganisationId: await one(`SELECT id FROM partner_organisation ORDER BY name LIMIT 1`),
      partnerId: await one(`SELECT id FROM partner_organisation ORDER BY name LIMIT 1`),
      assigneeId: await one(`SELECT id FROM app_user WHERE username = 'beboerraadgiver'`),
      responsibleId: await one(`SELECT id FROM app_user WHERE username = 'beboerraadgiver'`),
      userId: await one(`SELECT id FROM app_user WHERE username = 'beboerraadgiver'`),
    });
  });

  afterAll(async () => {
    await t?.close();
    await onServer(`DROP DATABASE IF EXISTS "${fuzzDatabase}" WITH (FORCE)`);
  });

  it('should find the routes to fuzz (every body and query DTO of the API)', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => r.body).length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.method === 'get' && r.query).length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/search',
        'PATCH /api/persons/:personId',
        'POST /api/reports/definitions',
      ]),
    );
  });

  function sessionFor(route: Route): ApiClient {
    if (route.permission === 'PUBLIC') return anonymous;
    const role = ALL_ROLES.find((r) => hasPermission(r, route.permission as Permission));
    if (!role) throw new Error(`no role may call ${route.path}`);
    return sessions.get(role) as ApiClient;
  }

  const statuses = new Map<number, number>();
  const seen = new Map<string, number>();

  /** Sends one request; the problem with its answer, or null. */
  async function probe(route: Route, url: string, payload: unknown): Promise<string | null> {
    const client = sessionFor(route);
    let req = client.agent[route.method](url).set(CSRF_HEADER, client.csrf ?? '');
    if (payload !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(payload));
    const res = await req;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (process.env['FUZZ_DEBUG'] && res.status === 400) {
      const fields = Object.entries(res.body.fields ?? {}).map(([f, m]) => `${f}:${(m as string[])[0]}`);
      const key = `${route.method.toUpperCase()} ${route.path} ${res.body.code} ${fields.join('|')}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    if (res.status >= 500) return `${res.status} ${JSON.stringify(res.body)}`;
    if (res.status === 400 && res.body.code === 'VALIDATION_FAILED') {
      const fields = res.body.fields as Record<string, string[]> | undefined;
      const named = fields && Object.keys(fields).length > 0 && Object.values(fields).every((m) => m.length > 0);
      if (!named) return `400 VALIDATION_FAILED without fields: ${JSON.stringify(res.body)}`;
    }
    return null;
  }

  const short = (v: unknown) =>
    JSON.stringify(v, (_, x) =>
      typeof x === 'string' && x.length > 100 ? `${x.slice(0, 100)}…(${x.length})` : x,
    )?.slice(0, 600);

  function fillPath(route: Route, pick: (param: string) => string): string {
    return route.path.replace(/:([A-Za-z]+)/g, (_, p: string) => pick(p));
  }

  it('should answer every field of every route, set to each known killer value, without 5xx and with named fields', async () => {
    const ids = Object.values(realIds);
    const failures: string[] = [];
    let sent = 0;
    const timing: Array<[string, number]> = [];
    for (const [i, route] of routes.entries()) {
      const started = Date.now();
      const url = fillPath(route, (p) => realIds[p] ?? '00000000-0000-4000-8000-000000000000');
      if (route.body) {
        const fields = fieldsOf(route.body);
        const base = validBase(route.body, ids, SEED + i);
        for (const f of fields) {
          for (const value of KILLERS) {
            const payload = { ...base };
            Object.defineProperty(payload, f.name, { value, enumerable: true, writable: true, configurable: true });
            sent++;
            const problem = await probe(route, url, payload);
            if (problem)
              failures.push(
                `${route.method.toUpperCase()} ${url} ${f.name}=${short(value)}: ${problem}\n    body: ${short(payload)}`,
              );
          }
        }
      }
      const queryFields = route.query
        ? fieldsOf(route.query).map((f) => f.name)
        : route.method === 'get'
          ? ['boligorganisationId']
          : [];
      for (const name of queryFields) {
        for (const value of QUERY_KILLERS) {
          sent++;
          const problem = await probe(route, `${url}?${name}=${value}`, route.method === 'get' ? undefined : {});
          if (problem) failures.push(`${route.method.toUpperCase()} ${url}?${name}=${value.slice(0, 40)}: ${problem}`);
        }
      }
      timing.push([`${route.method} ${route.path}`, Date.now() - started]);
    }
    if (process.env['FUZZ_DEBUG']) console.log(timing.sort((a, b) => b[1] - a[1]).slice(0, 15));
    expect(sent).toBeGreaterThan(1000);
    if (process.env['FUZZ_DEBUG']) console.log('sent', sent);
    if (failures.length)
      throw new Error(`${failures.length} request(s) failed:\n  ${failures.slice(0, 40).join('\n  ')}`);
  }, 180_000);

  it('should never answer 5xx, and every 400 VALIDATION_FAILED names its fields, for random malformed input', async () => {
    const ids = Object.values(realIds);
    const failures: string[] = [];
    for (const [i, route] of routes.entries()) {
      const path = fc.tuple(
        ...(route.path.match(/:[A-Za-z]+/g) ?? []).map((p) =>
          realIds[p.slice(1)] ? fc.oneof(RANDOM_UUID, fc.constant(realIds[p.slice(1)])) : RANDOM_UUID,
        ),
      );
      const body = route.body ? objectFor(route.body, 0, ids, true) : fc.constant(undefined);
      const query = route.query || route.method === 'get' ? queryFor(route, ids) : fc.constant('');
      const result = await fc.check(
        fc.asyncProperty(path, body, query, async (pathIds, payload, qs) => {
          let k = 0;
          const url = route.path.replace(/:[A-Za-z]+/g, () => pathIds[k++] as string) + (qs ? `?${qs}` : '');
          const problem = await probe(route, url, payload);
          if (problem) throw new Error(problem);
        }),
        { seed: SEED + i, numRuns: RUNS, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${route.method.toUpperCase()} ${route.path} (seed ${SEED + i}): ${String((result.errorInstance as Error)?.message).slice(0, 400)}\n    request [pathIds, body, query]: ${short(result.counterexample)}`,
        );
      }
    }
    if (process.env['FUZZ_DEBUG'])
      console.log(
        routes.length,
        'routes',
        [...statuses.entries()].sort(),
        [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60),
      );
    if (failures.length)
      throw new Error(`${failures.length} route(s) failed under fuzzing:\n  ${failures.join('\n  ')}`);
  }, 180_000);
});
