import { birthDateOf, maskCpr, normaliseCpr } from './cpr';
import { CprVault } from './cpr-vault';

describe('CPR numbers', () => {
  it.each([
    ['010190-1234', '0101901234'],
    ['0101901234', '0101901234'],
    ['290200 4321', '2902004321'], // 2000 was a leap year; 7th digit 4 and yy ≤ 36 → 2000
    ['311299-9999', '3112999999'],
  ])('should accept %s', (input, digits) => {
    expect(normaliseCpr(input)).toBe(digits);
  });

  it.each(['', '0101901', '320190-1234', '310490-1234', '290201-4321', 'abcdefghij', '010190-12345'])(
    'should reject %s',
    (input) => {
      expect(normaliseCpr(input)).toBeNull();
    },
  );

  it('should not check modulus 11', () => {
    // 010190-1235 fails modulus 11 but is a valid format and date.
    expect(normaliseCpr('010190-1235')).toBe('0101901235');
  });

  it.each([
    ['0101901234', 1990],
    ['0101104234', 2010],
    ['0101504234', 1950],
    ['0101105234', 2010],
    ['0101605234', 1860],
  ])('should find the century of %s', (digits, year) => {
    expect(birthDateOf(digits)?.getUTCFullYear()).toBe(year);
  });

  it('should mask the last four digits', () => {
    expect(maskCpr('0101901234')).toBe('010190-xxxx');
  });
});

describe(CprVault.name, () => {
  const config = {
    CPR_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    CPR_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  } as never;
  const vault = new CprVault(config);

  it('should round-trip and never store the number in clear', () => {
    const blob = vault.encrypt('0101901234');
    expect(blob.toString('latin1')).not.toContain('0101901234');
    expect(vault.decrypt(blob)).toBe('0101901234');
  });

  it('should use a fresh IV each time', () => {
    expect(vault.encrypt('0101901234').equals(vault.encrypt('0101901234'))).toBe(false);
  });

  it('should detect tampering', () => {
    const blob = vault.encrypt('0101901234');
    blob[blob.length - 1] ^= 1;
    expect(() => vault.decrypt(blob)).toThrow();
  });

  it('should give a stable keyed blind index that differs from a plain hash', () => {
    expect(vault.blindIndex('0101901234')).toBe(vault.blindIndex('0101901234'));
    const other = new CprVault({
      ...(config as object),
      CPR_INDEX_KEY: Buffer.alloc(32, 3).toString('base64'),
    } as never);
    expect(other.blindIndex('0101901234')).not.toBe(vault.blindIndex('0101901234'));
  });
});
