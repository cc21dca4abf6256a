import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { OPENAPI_FILE, OpenApiResponseValidator } from './support/openapi-validator';
import { createTestApp, TestApp } from './support/test-app';

type Schema = { $ref?: string; type?: string; properties?: object; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[] };
type Operation = {
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

const root = join(__dirname, '../../..');

/** Why a schema says nothing: missing, an unresolved $ref, or an object with no properties. */
function emptiness(doc: Document, schema: Schema | undefined): string | null {
  if (!schema) return 'no schema';
  if (schema.$ref) {
    const target = doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')];
    return target ? emptiness(doc, target) : `unresolved ${schema.$ref}`;
  }
  if (schema.anyOf || schema.oneOf) return null;
  if (schema.type === 'array') return emptiness(doc, schema.items);
  if (schema.type === 'object' || (!schema.type && !('additionalProperties' in schema))) {
    return schema.properties && Object.keys(schema.properties).length ? null : 'an object with no properties';
  }
  return null;
}

/** Every way an operation falls short of the contract: tag, summary, parameters, body, success answer, errors. */
export function contractGaps(doc: Document): string[] {
  const gaps: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const name = `${method.toUpperCase()} ${path}`;
      if (!op.tags?.length) gaps.push(`${name}: no tag`);
      if (!op.summary?.trim()) gaps.push(`${name}: no summary`);
      for (const p of path.match(/\{[^}]+\}/g) ?? []) {
        if (!op.parameters?.some((x) => x.in === 'path' && `{${x.name}}` === p)) gaps.push(`${name}: ${p} undescribed`);
      }
      for (const p of op.parameters ?? [])
        if (!p.schema?.type && !p.schema?.$ref) gaps.push(`${name}: ${p.name} untyped`);
      if (op.requestBody) {
        const why = emptiness(doc, op.requestBody.content?.['application/json']?.schema);
        if (why) gaps.push(`${name}: request body has ${why}`);
      }
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      if (!success.length) gaps.push(`${name}: no success answer`);
      for (const status of success) {
        if (status === '204') continue;
        const content = op.responses[status].content ?? {};
        if (!Object.keys(content).length) gaps.push(`${name}: ${status} has no content`);
        if (content['application/json']) {
          const why = emptiness(doc, content['application/json'].schema);
          if (why) gaps.push(`${name}: ${status} has ${why}`);
        }
      }
      for (const status of ['400', '401', '403', '404', '409', '503']) {
        const schema = op.responses[status]?.content?.['application/json']?.schema;
        if (schema?.$ref !== '#/components/schemas/ApiError') gaps.push(`${name}: ${status} without the ApiError body`);
      }
    }
  }
  return gaps;
}

describe('The OpenAPI contract (docs/openapi.json)', () => {
  let t: TestApp;
  let committed: Document;

  beforeAll(async () => {
    t = await createTestApp();
    const built = JSON.parse(JSON.stringify(t.document));
    // UPDATE_OPENAPI=1 writes the document from the test app, as the backend build would (docs/testing.md).
    if (process.env['UPDATE_OPENAPI']) writeFileSync(OPENAPI_FILE, JSON.stringify(built, null, 2) + '\n');
    committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
  });

  afterAll(() => t.close());

  it('should be the document the app builds (regenerate with the backend build when it is stale)', () => {
    expect(JSON.parse(JSON.stringify(t.document))).toEqual(committed);
  });

  it('should be generated from the current DTOs and controllers (node tools/openapi.mjs --check)', () => {
    expect(() =>
      execFileSync(process.execPath, ['tools/openapi.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  }, 120_000);

  it('should describe every operation: tag, summary, parameters, request body, success answer and errors', () => {
    expect(Object.keys(committed.paths).length).toBeGreaterThan(90);
    expect(contractGaps(committed)).toEqual([]);
  });

  it('should find an operation with an empty schema or no summary', () => {
    const broken: Document = JSON.parse(JSON.stringify(committed));
    const op = broken.paths['/api/cases/{caseId}'].get;
    op.responses['200'].content = { 'application/json': { schema: { type: 'object', properties: {} } } };
    delete op.summary;
    expect(contractGaps(broken)).toEqual([
      'GET /api/cases/{caseId}: no summary',
      'GET /api/cases/{caseId}: 200 has an object with no properties',
    ]);
  });

  describe('response validation', () => {
    const validator = () => new OpenApiResponseValidator(committed as never);
    const json = { 'content-type': 'application/json; charset=utf-8' };

    it('should accept an answer that matches its schema', () => {
      const error = { statusCode: 404, code: 'NOT_FOUND', message: 'Findes ikke' };
      expect(() =>
        validator().check('get', '/api/cases/0d4c1e2a-0000-4000-8000-000000000000', {
          status: 404,
          headers: json,
          body: error,
        }),
      ).not.toThrow();
    });

    it('should fail a body that does not match, naming the operation and the field', () => {
      const check = () =>
        validator().check('get', '/api/cases?page=1', {
          status: 200,
          headers: json,
          body: { items: [{ id: 1 }], total: 1 },
        });
      expect(check).toThrow(/OpenAPI: GET \/api\/cases answered 200: body does not match the schema/);
      expect(check).toThrow(/\/items\/0/);
    });

    it('should fail a status the operation does not document', () => {
      expect(() => validator().check('get', '/api/health', { status: 418, headers: json, body: {} })).toThrow(
        /GET \/api\/health answered 418: status not documented/,
      );
    });

    it('should prefer a literal path segment to a parameter', () => {
      const body = [{ id: 'x' }];
      expect(() =>
        validator().check('get', '/api/cases/assignable-users', { status: 200, headers: json, body }),
      ).toThrow(/GET \/api\/cases\/assignable-users answered 200/);
    });

    it("should check the suite's own answers: a wrong contract would fail the calling test", async () => {
      const admin = await t.loginAs('admin');
      const res = await admin.get('/api/auth/me');
      expect(res.status).toBe(200);
      expect(() => validator().check('get', '/api/auth/me', { ...res, body: { ...res.body, role: 7 } })).toThrow(
        /\/role/,
      );
    });
  });
});
