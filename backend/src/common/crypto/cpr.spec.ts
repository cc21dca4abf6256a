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

  // The 7th digit and the two-digit year decide the century (CPR-kontoret's table), for every birth year 1858–2057.
  it.each([
    [0, '00', 1900],
    [3, '99', 1999],
    [4, '00', 2000],
    [4, '36', 2036],
    [4, '37', 1937],
    [9, '36', 2036],
    [9, '37', 1937],
    [5, '57', 2057],
    [5, '58', 1858],
    [8, '99', 1899],
    [6, '91', 1891],
  ])('should put 7th digit %d with year %s in %d', (seventh, yy, year) => {
    expect(birthDateOf(`0101${yy}${seventh}000`)?.getUTCFullYear()).toBe(year);
  });

  it('should accept 230491-6789, born 23 April 1891', () => {
    expect(normaliseCpr('230491-6789')).toBe('2304916789');
    expect(birthDateOf('2304916789')?.toISOString().slice(0, 10)).toBe('1891-04-23');
  });

  it('should check leap days in the 1800s (1896 was a leap year, 1858 not)', () => {
    expect(normaliseCpr('290296-5000')).toBe('2902965000');
    expect(normaliseCpr('290258-5000')).toBeNull();
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
