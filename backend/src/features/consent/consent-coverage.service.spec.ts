import { consentStatus } from './consent-coverage.service';

describe(consentStatus.name, () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

  it.each([
    ['valid for months', { withdrawn_at: null, expires_at: days(200) }, 'gyldig'],
    ['expiring within 30 days', { withdrawn_at: null, expires_at: days(29) }, 'udloeber_snart'],
    ['expired yesterday', { withdrawn_at: null, expires_at: days(-1) }, 'udloebet'],
    ['withdrawn, even if not expired', { withdrawn_at: days(-2), expires_at: days(200) }, 'tilbagekaldt'],
    ['withdrawn and expired: withdrawal wins', { withdrawn_at: days(-40), expires_at: days(-1) }, 'tilbagekaldt'],
  ])('should call a consent %s "%s"', (_label, consent, expected) => {
    expect(consentStatus(consent, now)).toBe(expected);
  });
});
