import { WorklistRow } from '@bofast/contracts';

import { toCsv } from './export';

describe('worklist export', () => {
  it('should neutralise formulas, quote every field and write Danish decimals in CSV', () => {
    const row = {
      priority: 10,
      reasons: [],
      change: 'ny',
      afdelingsnummer: '12',
      lejemaalsnummer: '=1+1',
      address: ' @SUM(A1)',
      tenantNames: 'A; "B", =C',
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
    expect(csv.startsWith('\uFEFF"Prioritet";')).toBe(true);
    expect(csv).toContain(`;"'=1+1";`);
    expect(csv).toContain(`;"' @SUM(A1)";`);
    expect(csv).toContain(`;"A; ""B"",' =C";`);
    expect(csv).toContain(';"1234,5";');
  });
});
