import { createTestApp, DEMO_PASSWORD, TestApp } from './support/test-app';

// In its own file: passport keeps strategies in a process-wide registry, so one app per test module.
describe('Login throttling per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '8' });
    await t.dataSource.query(`DELETE FROM login_attempt`);
  });

  afterAll(() => t.close());

  it('should throttle one client address that sprays many usernames', async () => {
    for (let i = 0; i < 8; i++) expect((await t.client().login(`spray-${i}`, 'wrong-password')).status).toBe(401);
    const res = await t.client().login('vicevaert', DEMO_PASSWORD);
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('LOGIN_THROTTLED');
  });
});
