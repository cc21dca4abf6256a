import { Role } from '@bofast/contracts';
import type { DataSource } from 'typeorm';

import type { AppConfig } from '../../config/config';
import { SessionCache } from './session-cache';
import type { ActiveSession } from './active-session';

const config = { SESSION_CACHE_SECONDS: 30, SESSION_IDLE_MINUTES: 30 } as AppConfig;

function session(overrides: Partial<ActiveSession> = {}): ActiveSession {
  return {
    sessionId: 's1',
    csrfToken: 'c',
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
    userId: 'u1',
    username: 'oekonomi',
    role: Role.OekonomiskRaadgiver,
    partnerOrganisationId: null,
    teamIds: ['t1'],
    mustChangePassword: false,
    ...overrides,
  };
}

/** A cache as it is while its process listens (the listening connection itself is tested in the API suite). */
function listeningCache(cfg: AppConfig = config): SessionCache {
  const cache = new SessionCache({} as DataSource, cfg);
  (cache as unknown as { listening: boolean }).listening = true;
  return cache;
}

describe(SessionCache.name, () => {
  it('should ask the database once, then answer from the cache', async () => {
    const cache = listeningCache();
    const load = jest.fn().mockResolvedValue(session());
    await cache.lookup('h1', load);
    await cache.lookup('h1', load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should cache nothing while it is not listening', async () => {
    const cache = new SessionCache({} as DataSource, config);
    const load = jest.fn().mockResolvedValue(session());
    await cache.lookup('h1', load);
    await cache.lookup('h1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should cache nothing when SESSION_CACHE_SECONDS is 0', async () => {
    const cache = listeningCache({ ...config, SESSION_CACHE_SECONDS: 0 });
    const load = jest.fn().mockResolvedValue(session());
    await cache.lookup('h1', load);
    await cache.lookup('h1', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('should not cache a lookup that an invalidation overtook (it may have read the old state)', async () => {
    const cache = listeningCache();
    let release: (s: ActiveSession) => void = () => undefined;
    const slow = cache.lookup('h1', () => new Promise<ActiveSession>((r) => (release = r)));
    cache.forgetUser('u1'); // the revocation commits while the lookup is under way
    release(session());
    await slow;
    const load = jest.fn().mockResolvedValue(null);
    expect(await cache.lookup('h1', load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('should forget only the named user, or everyone for *', async () => {
    const cache = listeningCache();
    await cache.lookup('h1', async () => session({ userId: 'u1' }));
    await cache.lookup('h2', async () => session({ userId: 'u2', sessionId: 's2' }));
    cache.forgetUser('u1');
    expect(cache.get('h1')).toBeNull();
    expect(cache.get('h2')?.userId).toBe('u2');
    cache.forgetUser('*');
    expect(cache.get('h2')).toBeNull();
  });

  it('should never serve a session past its cache time, idle lifetime or absolute lifetime', async () => {
    const cache = listeningCache();
    const now = Date.now();
    await cache.lookup('fresh', async () => session());
    expect(cache.get('fresh', now + 29_000)).not.toBeNull();
    expect(cache.get('fresh', now + 31_000)).toBeNull();

    await cache.lookup('idle', async () => session({ lastSeenAt: new Date(now - 30 * 60_000 + 1_000) }));
    expect(cache.get('idle', now)).not.toBeNull();
    expect(cache.get('idle', now + 2_000)).toBeNull();

    await cache.lookup('expiring', async () => session({ expiresAt: new Date(now + 1_000) }));
    expect(cache.get('expiring', now)).not.toBeNull();
    expect(cache.get('expiring', now + 1_000)).toBeNull();
  });

  it('should run the idle lifetime from a touch', async () => {
    const cache = listeningCache();
    const now = Date.now();
    const almostIdle = () => session({ lastSeenAt: new Date(now - 30 * 60_000 + 10_000) });
    await cache.lookup('untouched', async () => almostIdle());
    await cache.lookup('touched', async () => almostIdle());
    cache.touched('touched', new Date(now));
    expect(cache.get('untouched', now + 20_000)).toBeNull();
    expect(cache.get('touched', now + 20_000)?.lastSeenAt.getTime()).toBe(now);
  });
});
