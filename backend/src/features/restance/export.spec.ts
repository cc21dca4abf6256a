import { WorklistRow } from '@bofast/contracts';

import { neutralise, toCsv } from './export';

describe('worklist export', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+45 1234', `'+45 1234`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['Fatima Ali', 'Fatima Ali'],
  ])('should neutralise %p', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it('should keep numbers as numbers and write Danish decimals in CSV', () => {
    expect(neutralise(-1200)).toBe(-1200);
    const row = {
      priority: 10,
      reasons: [],
      change: 'ny',
      afdelingsnummer: '12',
      lejemaalsnummer: '=1+1',
      address: null,
      tenantNames: 'A; "B"',
      amount: 1234.5,
      previousAmount: null,
      months: 2,
      paakravDate: null,
      ophaevelseDate: null,
      outreachStatus: 'ikke_kontaktet',
      assignee: null,
      listDate: '2026-11-01',
    } as unknown as WorklistRow;
    const csv = toCsv([row]);
    expect(csv.startsWith('\uFEFFPrioritet;')).toBe(true);
    expect(csv).toContain(`;'=1+1;`);
    expect(csv).toContain(';"A; ""B""";');
    expect(csv).toContain(';1234,5;');
  });
});
