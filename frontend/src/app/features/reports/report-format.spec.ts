import { cellNumber, formatCell, formatKroner, formatMonthKey, formatShare, presentOutcomes } from './report-format';

describe('report formatting', () => {
  it.each([
    [0, '0'],
    [41, '41'],
    [1234, '1.234'],
    ['<5', '<5'],
    [null, '–'],
  ] as const)('should show the count %p as %p', (cell, text) => {
    expect(formatCell(cell)).toBe(text);
  });

  it('should never turn "<5" into a number to draw', () => {
    expect(cellNumber('<5')).toBeNull();
    expect(cellNumber(3)).toBe(3);
  });

  it('should show kroner, shares and months in Danish, and "–" for what is missing', () => {
    expect(formatKroner(1_500_000)).toBe('1.500.000 kr.');
    expect(formatKroner(null)).toBe('–');
    expect(formatShare(0.732)).toBe('73\u00a0%');
    expect(formatShare(null)).toBe('–');
    expect(formatMonthKey('2026-03')).toBe('mar. 2026');
    expect(formatMonthKey('2026-03', 'en', 'long')).toBe('March 2026');
  });

  it('should give the outcomes that occur in the contract’s order', () => {
    expect(
      presentOutcomes([
        { stage: 'paakrav', involved: 1, avoided: 0, outcomes: { gennemfoert: 1 } },
        { stage: 'ophaevelse', involved: 2, avoided: 2, outcomes: { undgaaet_aftale: '<5' } },
      ]),
    ).toEqual(['undgaaet_aftale', 'gennemfoert']);
  });
});
