import { DomainError } from '../../common/errors/domain-error';
import { PasswordService } from './password.service';

describe(PasswordService.name, () => {
  const sut = new PasswordService();

  it('should hash with argon2id and verify only the right password', async () => {
    const hash = await sut.hash('Korrekt-Hest-Batteri-9');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    await expect(sut.verify(hash, 'Korrekt-Hest-Batteri-9')).resolves.toBe(true);
    await expect(sut.verify(hash, 'forkert')).resolves.toBe(false);
  });

  it('should answer false, not throw, for an unknown user (no hash)', async () => {
    await expect(sut.verify(null, 'whatever')).resolves.toBe(false);
  });

  it.each([
    ['kort', 'mindst 12 tegn'],
    ['mette-larsen-2026', 'brugernavnet'],
    ['aaaaaaaaaaaaaaab', 'ensformig'],
  ])('should reject %s (%s)', (password, reason) => {
    expect(() => sut.assertAcceptable(password, 'mette-larsen')).toThrow(DomainError);
    try {
      sut.assertAcceptable(password, 'mette-larsen');
    } catch (e) {
      expect((e as DomainError).details.fields?.['newPassword']?.[0]).toContain(reason);
    }
  });

  it('should accept a long, varied password', () => {
    expect(() => sut.assertAcceptable('Sommer-i-Engparken-2026', 'mette')).not.toThrow();
  });
});
