import { TestBed } from '@angular/core/testing';

import { provideReportsTesting } from '../../../testing/report-fixtures';
import { type FunnelStep, FunnelChart } from './funnel-chart';

const STEPS: FunnelStep[] = [
  { key: 'paakrav', label: 'Påkrav', value: 40 },
  { key: 'ophaevelse', label: 'Ophævelse', value: 20 },
  { key: 'fogedret', label: 'Fogedret', value: '<5' },
  { key: 'outcome', label: 'Udfald afgjort', value: 0 },
];

function setup(steps: FunnelStep[]) {
  TestBed.configureTestingModule({ imports: [FunnelChart], providers: provideReportsTesting() });
  const fixture = TestBed.createComponent(FunnelChart);
  fixture.componentRef.setInput('steps', steps);
  fixture.componentRef.setInput('caption', 'Forløb gennem trinene');
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe(FunnelChart.name, () => {
  it('should label the figure with every step and its count', () => {
    const el = setup(STEPS);
    const svg = el.querySelector('svg[data-testid="report-funnel"]');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Forløb gennem trinene: Påkrav 40, Ophævelse 20, Fogedret <5, Udfald afgjort 0',
    );
  });

  it('should draw one bar per step, proportional to the count, and none for a suppressed count', () => {
    const el = setup(STEPS);
    const widths = Array.from(el.querySelectorAll('[data-testid="funnel-bar"]')).map((b) =>
      Number(b.getAttribute('width')),
    );
    expect(widths).toHaveLength(4);
    expect(widths[0]).toBeCloseTo(widths[1] * 2);
    expect(widths[2]).toBe(0);
    expect(widths[3]).toBe(0);
    const texts = Array.from(el.querySelectorAll('svg text.value')).map((t) => t.textContent?.trim());
    expect(texts).toEqual(['40', '20', '<5', '0']);
  });

  it('should have a table of the numbers behind the chart', () => {
    const el = setup(STEPS);
    const rows = Array.from(el.querySelectorAll('table tbody tr')).map((r) =>
      Array.from(r.children).map((c) => c.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Påkrav', '40'],
      ['Ophævelse', '20'],
      ['Fogedret', '<5'],
      ['Udfald afgjort', '0'],
    ]);
  });
});
