import { TestBed } from '@angular/core/testing';

import { provideReportsTesting } from '../../../testing/report-fixtures';
import { type TrendSeries, TrendChart, niceMax } from './trend-chart';

const MONTHS = ['2026-01', '2026-02', '2026-03'];
const SERIES: TrendSeries[] = [
  { key: 'casesOpened', label: 'Sager oprettet', values: [9, 8, 10] },
  { key: 'avoided', label: 'Undgået', values: [6, '<5', 7] },
];

function setup(months = MONTHS, series = SERIES) {
  TestBed.configureTestingModule({ imports: [TrendChart], providers: provideReportsTesting() });
  const fixture = TestBed.createComponent(TrendChart);
  fixture.componentRef.setInput('months', months);
  fixture.componentRef.setInput('series', series);
  fixture.componentRef.setInput('caption', 'Udvikling pr. måned');
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe(TrendChart.name, () => {
  it('should summarise every series per month in the aria-label', () => {
    const svg = setup().querySelector('svg[data-testid="report-trend"]');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Udvikling pr. måned, januar 2026 – marts 2026. Sager oprettet: 9, 8, 10. Undgået: 6, <5, 7.',
    );
  });

  it('should draw a point for each counted month and break the line at a suppressed one', () => {
    const el = setup();
    const points = Array.from(el.querySelectorAll('[data-testid="trend-point"]'));
    expect(points).toHaveLength(5);
    expect(points.map((p) => p.querySelector('title')?.textContent)).toEqual([
      'Sager oprettet, jan. 2026: 9',
      'Sager oprettet, feb. 2026: 8',
      'Sager oprettet, mar. 2026: 10',
      'Undgået, jan. 2026: 6',
      'Undgået, mar. 2026: 7',
    ]);
    const lines = Array.from(el.querySelectorAll('svg[data-testid="report-trend"] path[fill="none"]')).map(
      (p) => p.getAttribute('d') ?? '',
    );
    expect(lines[0].match(/M/g)).toHaveLength(1);
    expect(lines[1].match(/M/g)).toHaveLength(2);
  });

  it('should put higher counts higher up', () => {
    const el = setup(MONTHS, [{ key: 'x', label: 'X', values: [2, 10, 5] }]);
    const ys = Array.from(el.querySelectorAll('[data-testid="trend-point"]')).map((p) =>
      Number(/^M[\d.]+ ([\d.]+)/.exec(p.getAttribute('d') ?? '')?.[1]),
    );
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(ys[2]).toBeLessThan(ys[0]);
  });

  it('should list the numbers in a table, "<5" included', () => {
    const rows = Array.from(setup().querySelectorAll('table tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['jan. 2026', '9', '6'],
      ['feb. 2026', '8', '<5'],
      ['mar. 2026', '10', '7'],
    ]);
  });

  it('should name the months on the axis and give the year where it starts', () => {
    const el = setup(['2025-11', '2025-12', '2026-01', '2026-02'], [{ key: 'x', label: 'X', values: [1, 2, 3, 4] }]);
    const labels = Array.from(el.querySelectorAll('svg text[text-anchor="middle"]')).map((t) =>
      t.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual(['nov. 2025', 'dec.', 'jan. 2026', 'feb.']);
  });

  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [23, 25],
    [41, 50],
    [140, 200],
  ])('should round %d up to %d on the axis', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });
});
