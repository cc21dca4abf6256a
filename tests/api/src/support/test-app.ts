import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { AUTH_COOKIE, CSRF_COOKIE, CSRF_HEADER } from '@bofast/contracts';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';

import { AppModule } from '../../../../backend/src/app/app.module';
import { configureApp } from '../../../../backend/src/app/configure-app';
import { loadConfig } from '../../../../backend/src/config/config';
import { runMigrations } from '../../../../backend/src/database/data-source';
import { DEMO_PASSWORD, seedDemoData } from '../../../../backend/src/database/seed/demo-seed';
import { responseValidator } from './openapi-validator';

export { DEMO_PASSWORD };

export interface TestApp {
  app: INestApplication;
  /** The OpenAPI document this app builds (docs/openapi.json must equal it). */
  document: OpenAPIObject;
  dataSource: DataSource;
  client(): ApiClient;
  loginAs(username: string, password?: string): Promise<ApiClient>;
  /**
   * POST /api/users as `admin`, then sets the new user's password through the one-time activation link
   * the answer carries (as the user would). A `password` in `body` is the one set (default
   * ACTIVATED_PASSWORD); it is not sent to /api/users. Answers the POST's response.
   */
  createUser(admin: ApiClient, body: Record<string, unknown>): Promise<request.Response>;
  /** Sets a password through an activation link (its URL or token): the response of POST /api/auth/activation. */
  activate(linkOrToken: string, password: string): Promise<request.Response>;
  close(): Promise<void>;
}

/** The password `createUser` activates new users with, unless the body names another. */
export const ACTIVATED_PASSWORD = 'Velkommen-til-Bofast-1';

/** The token at the end of an activation URL (`…/aktiver/<token>`). */
export function activationToken(linkOrToken: string): string {
  return decodeURIComponent(linkOrToken.split('/aktiver/').pop() ?? linkOrToken);
}

/** The real AppModule on the run's fresh database (migrated and seeded with the demo world). */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run through tests/api/jest.config.cjs');
  await runMigrations(url);
  await seedDemoData(url);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FRONTEND_DIST: '/nonexistent',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    // No retention timer under test: the retention test runs the purge itself, on a date it chooses.
    RESTANCE_RETENTION_MONTHS: '0',
    CPR_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    CPR_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, url)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  const { document } = await configureApp(app, config);
  await app.init();
  const dataSource = app.get(DataSource);
  const client = () => new ApiClient(app);
  const activate = async (linkOrToken: string, password: string) => {
    const c = client();
    await c.prime();
    return c.post('/api/auth/activation', { token: activationToken(linkOrToken), password });
  };
  return {
    app,
    document,
    dataSource,
    client,
    loginAs: async (username, password = DEMO_PASSWORD) => {
      const c = client();
      const res = await c.login(username, password);
      if (res.status !== 200) throw new Error(`login as ${username} gave ${res.status}: ${JSON.stringify(res.body)}`);
      return c;
    },
    activate,
    createUser: async (admin, body) => {
      const { password = ACTIVATED_PASSWORD, ...rest } = body;
      const res = await admin.post('/api/users', rest);
      if (res.status === 201) {
        // Every suite calls from loopback: another suite's guessed tokens (the access matrix calls the
        // activation route with random ones) must not lock this setup step out.
        await dataSource.query(`DELETE FROM login_attempt WHERE username_key LIKE 'activation@%'`);
        const done = await activate(res.body.activation.activationUrl, String(password));
        if (done.status !== 204) throw new Error(`activation gave ${done.status}: ${JSON.stringify(done.body)}`);
      }
      return res;
    },
    close: () => app.close(),
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * Every request through the agent, including those tests build on `client.agent` themselves, has its answer checked
 * against docs/openapi.json (support/openapi-validator.ts): a mismatch fails the awaiting test.
 */
function validatingAgent(agent: TestAgent): TestAgent {
  for (const method of METHODS) {
    const send = agent[method].bind(agent);
    agent[method] = ((url: string, ...rest: unknown[]) =>
      (send as (u: string, ...r: unknown[]) => request.Test)(url, ...rest).expect((res) =>
        responseValidator().check(method, url, res),
      )) as (typeof agent)[typeof method];
  }
  return agent;
}

/** A browser-like client: keeps cookies and echoes the CSRF cookie in the header on changes. */
export class ApiClient {
  readonly agent: TestAgent;
  csrf: string | undefined;
  sid: string | undefined;

  constructor(app: INestApplication) {
    this.agent = validatingAgent(request.agent(app.getHttpServer()));
  }

  private remember(res: request.Response): request.Response {
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    for (const c of cookies) {
      const m = new RegExp(`^${CSRF_COOKIE}=([^;]*)`).exec(c);
      if (m) this.csrf = m[1] || undefined;
      const sid = new RegExp(`^${AUTH_COOKIE}=([^;]*)`).exec(c);
      if (sid) this.sid = sid[1] || undefined;
    }
    return res;
  }

  async prime(): Promise<void> {
    this.remember(await this.agent.get('/api/auth/csrf'));
  }

  async login(username: string, password: string): Promise<request.Response> {
    if (!this.csrf) await this.prime();
    return this.remember(
      await this.agent
        .post('/api/auth/login')
        .set(CSRF_HEADER, this.csrf ?? '')
        .send({ username, password }),
    );
  }

  async get(path: string): Promise<request.Response> {
    return this.remember(await this.agent.get(path));
  }

  async send(method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object): Promise<request.Response> {
    const req = this.agent[method](path).set(CSRF_HEADER, this.csrf ?? '');
    return this.remember(await (body === undefined ? req : req.send(body)));
  }

  post(path: string, body: object = {}) {
    return this.send('post', path, body);
  }

  patch(path: string, body: object = {}) {
    return this.send('patch', path, body);
  }

  delete(path: string) {
    return this.send('delete', path);
  }
}
