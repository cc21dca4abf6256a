import { DEFAULT_TRIAGE_WEIGHTS } from '@bofast/contracts';

import { triage } from './triage';

const base = {
  amount: 0,
  months: null,
  paakravDate: null,
  ophaevelseDate: null,
  hasChildren: false,
  contacted: true,
  repeatCount: 1,
  hasAgreement: false,
  change: 'ny',
};

describe(triage.name, () => {
  it('should explain every point it gives', () => {
    const result = triage(
      {
        ...base,
        amount: 8500,
        months: 3,
        paakravDate: '2026-11-05',
        hasChildren: true,
        contacted: false,
        repeatCount: 3,
        hasAgreement: true,
        change: 'steget',
      },
      DEFAULT_TRIAGE_WEIGHTS,
    );
    expect(result.reasons.map((r) => [r.rule, r.points])).toEqual([
      ['amount', 18],
      ['months', 15],
      ['paakrav', 20],
      ['children', 10],
      ['no_contact', 5],
      ['repeat', 10],
      ['broken_agreement', 15],
    ]);
    expect(result.priority).toBe(93);
    expect(result.reasons[0].detail).toBe('Restance 8.500,00 kr.');
    expect(result.reasons[2].detail).toBe('Påkrav sendt 05.11.2026');
  });

  it('should count ophævelse instead of påkrav when both are reached', () => {
    const r = triage(
      { ...base, amount: 1, paakravDate: '2026-09-01', ophaevelseDate: '2026-10-01' },
      DEFAULT_TRIAGE_WEIGHTS,
    );
    expect(r.reasons.map((x) => x.rule)).toEqual(['amount', 'ophaevelse']);
    expect(r.reasons[1].detail).toBe('Lejemålet er ophævet 01.10.2026');
  });

  it('should follow the team lead’s weights', () => {
    const r = triage(
      { ...base, amount: 1000, hasChildren: true },
      { ...DEFAULT_TRIAGE_WEIGHTS, children: 100, amount: 0 },
    );
    expect(r).toEqual({ priority: 100, reasons: [{ rule: 'children', points: 100, detail: 'Børn i husstanden' }] });
  });

  it('should give no priority to arrears that are gone', () => {
    expect(triage({ ...base, amount: 0, change: 'afviklet', contacted: false }, DEFAULT_TRIAGE_WEIGHTS).priority).toBe(
      0,
    );
  });
});
