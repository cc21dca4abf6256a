import { DomainError } from '../../common/errors/domain-error';
import { commonPasswords, isCommonPassword } from './common-passwords';
import { PasswordService } from './password.service';

describe(PasswordService.name, () => {
  const sut = new PasswordService();

  const messageFor = (password: string, field?: string): string | undefined => {
    try {
      sut.assertAcceptable(password, 'mette-larsen', field);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      return (e as DomainError).details.fields?.[field ?? 'newPassword']?.[0];
    }
    return undefined;
  };

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
    ['kort', 'Mindst 12 tegn'],
    ['elleve-tegn', 'Mindst 12 tegn'],
    ['x'.repeat(200) + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(2), 'Højst 256 tegn'],
    ['qwerty123456', 'Adgangskoden er for almindelig – vælg en anden'],
    ['1Q2W3E4R5T6Y', 'Adgangskoden er for almindelig – vælg en anden'],
    ['password12345!', 'Adgangskoden er for almindelig – vælg en anden'],
    ['mette-larsen-2026', 'Adgangskoden må ikke indeholde brugernavnet'],
    ['aaaaaaaaaaaaaaab', 'Adgangskoden er for ensformig'],
  ])('should reject %s with "%s"', (password, message) => {
    expect(messageFor(password)).toBe(message);
  });

  it('should put the message on the field it is given', () => {
    expect(messageFor('kort', 'password')).toBe('Mindst 12 tegn');
  });

  it('should accept a long, varied password, exactly 12 and exactly 256 characters', () => {
    expect(messageFor('Sommer-i-Engparken-2026')).toBeUndefined();
    expect(messageFor('Kaj-hund-7$x')).toBeUndefined();
    expect(messageFor('Kaj-hund-7$x'.repeat(21) + 'abcd')).toBeUndefined();
  });

  it('should ship at least the 10,000 most common passwords, in lower case', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    for (const p of ['123456', 'password', 'qwerty', 'iloveyou', '1qaz2wsx3edc']) expect(list.has(p)).toBe(true);
    expect([...list].every((p) => p === p.toLowerCase())).toBe(true);
    expect(isCommonPassword('Sommer-i-Engparken-2026')).toBe(false);
  });
});
