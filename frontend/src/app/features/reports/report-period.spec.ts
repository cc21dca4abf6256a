import { presetPeriod } from './report-period';

describe('presetPeriod', () => {
  it.each([
    ['thisMonth', '2026-05-15', '2026-05-01', '2026-05-15'],
    ['lastMonth', '2026-05-15', '2026-04-01', '2026-04-30'],
    ['lastMonth', '2026-01-10', '2025-12-01', '2025-12-31'],
    ['lastMonth', '2024-03-31', '2024-02-01', '2024-02-29'],
    ['thisQuarter', '2026-05-15', '2026-04-01', '2026-05-15'],
    ['lastQuarter', '2026-05-15', '2026-01-01', '2026-03-31'],
    ['lastQuarter', '2026-02-01', '2025-10-01', '2025-12-31'],
    ['thisYear', '2026-05-15', '2026-01-01', '2026-05-15'],
    ['lastYear', '2026-05-15', '2025-01-01', '2025-12-31'],
  ] as const)('should give %s on %s as %s to %s', (preset, today, from, to) => {
    expect(presetPeriod(preset, today)).toEqual({ from, to });
  });
});
