import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The OpenAPI document the build writes and the repository holds: every API answer in the suite is checked against it. */
export const OPENAPI_FILE = join(__dirname, '../../../../docs/openapi.json');

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

export interface CheckedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  text?: string;
}

/**
 * Matches a request (method + path) to its operation in the document and checks the answer: its status must be
 * documented for the operation, and a JSON body must validate against that status's schema. Validators are compiled
 * once per operation and status. Requests to paths the API does not have may answer only an ApiError.
 */
export class OpenApiResponseValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(readonly document: { paths: Record<string, Record<string, Operation>>; components: object }) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: 'openapi', components: document.components });
    for (const [template, item] of Object.entries(document.paths)) {
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
      for (const [method, operation] of Object.entries(item)) {
        const params = (template.match(/\{/g) ?? []).length;
        this.routes.push({ method, template, pattern: new RegExp(`^${source}/?$`), params, operation });
      }
    }
    // A literal segment wins over a parameter (/api/cases/assignable-users before /api/cases/{caseId}).
    this.routes.sort((a, b) => a.params - b.params);
  }

  static fromFile(file = OPENAPI_FILE): OpenApiResponseValidator {
    return new OpenApiResponseValidator(JSON.parse(readFileSync(file, 'utf8')));
  }

  /** Throws a readable error when `res` does not match the document. */
  check(method: string, url: string, res: CheckedResponse): void {
    const path = decodeURI(url.split('?')[0].split('#')[0]).replace(/^https?:\/\/[^/]+/, '');
    const route = this.routes.find((r) => r.method === method.toLowerCase() && r.pattern.test(path));
    const name = route ? `${method.toUpperCase()} ${route.template}` : `${method.toUpperCase()} ${path} (no operation)`;
    const fail = (why: string) => {
      throw new Error(`OpenAPI: ${name} answered ${res.status}: ${why}`);
    };
    let schema: object | undefined;
    const mediaType = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (!route) {
      // Unknown paths and methods: Nest's 404 (or the guards' 401/403 before it) in the shared error body.
      if (res.status < 400) fail('a path or method the document does not have');
      schema = { $ref: '#/components/schemas/ApiError' };
    } else {
      const documented = route.operation.responses[String(res.status)];
      if (!documented) fail(`status not documented (documented: ${Object.keys(route.operation.responses).join(', ')})`);
      const content = documented?.content;
      if (!content) {
        if (res.text) fail('a body where the document says none');
        return;
      }
      if (!content[mediaType]) fail(`media type "${mediaType}" not documented (${Object.keys(content).join(', ')})`);
      schema = content[mediaType]?.schema;
    }
    if (mediaType !== 'application/json' || !schema) return;
    const key = route ? `${route.method} ${route.template} ${res.status}` : 'error';
    let validate = this.validators.get(key);
    if (!validate) {
      const rooted = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"openapi#/components/'));
      validate = this.ajv.compile(rooted);
      this.validators.set(key, validate);
    }
    if (!validate(res.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 8)
        .map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`);
      fail(`body does not match the schema:\n    ${errors.join('\n    ')}`);
    }
  }
}

let shared: OpenApiResponseValidator | null = null;

/** The validator over docs/openapi.json, read and compiled once per test file. */
export function responseValidator(): OpenApiResponseValidator {
  shared ??= OpenApiResponseValidator.fromFile();
  return shared;
}
