import { ConfigError, loadConfig } from './config';

describe(loadConfig.name, () => {
  it('should give the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      LOGIN_MAX_FAILURES: 5,
      EMBEDDED_PG_PORT: 54329,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('should convert numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', SEED_DEMO_DATA: 'true' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO_DATA).toBe(true);
  });

  it('should fail fast listing every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/DATABASE_URL must start with postgres/);
      expect((e as Error).message).toMatch(/COOKIE_SECURE/);
    }
  });
});
