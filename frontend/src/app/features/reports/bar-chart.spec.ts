import { TestBed } from '@angular/core/testing';

import { provideReportsTesting } from '../../../testing/report-fixtures';
import { type BarGroup, BarChart } from './bar-chart';

const SERIES = ['Sendt', 'Accepteret', 'Afvist'];
const GROUPS: BarGroup[] = [
  { label: 'Jobcenter', values: [10, 6, '<5'] },
  { label: 'Gældsrådgivning', values: [5, 5, 0] },
];

function setup(groups = GROUPS) {
  TestBed.configureTestingModule({ imports: [BarChart], providers: provideReportsTesting() });
  const fixture = TestBed.createComponent(BarChart);
  fixture.componentRef.setInput('series', SERIES);
  fixture.componentRef.setInput('groups', groups);
  fixture.componentRef.setInput('caption', 'Henvisninger pr. partner');
  fixture.componentRef.setInput('groupHeader', 'Partner');
  fixture.componentRef.setInput('testId', 'report-partners');
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe(BarChart.name, () => {
  it('should summarise every group and series in the aria-label', () => {
    const svg = setup().querySelector('svg[data-testid="report-partners"]');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-label')).toBe(
      'Henvisninger pr. partner. Jobcenter: Sendt 10, Accepteret 6, Afvist <5; Gældsrådgivning: Sendt 5, Accepteret 5, Afvist 0.',
    );
  });

  it('should draw one bar per group and series, side by side and to scale', () => {
    const bars = Array.from(setup().querySelectorAll('[data-testid="bar"]'));
    expect(bars).toHaveLength(6);
    const widths = bars.map((b) => Number(b.getAttribute('width')));
    expect(widths[0]).toBeCloseTo(widths[3] * 2);
    expect(widths[2]).toBe(0);
    expect(bars.map((b) => b.querySelector('title')?.textContent)[2]).toBe('Jobcenter, Afvist: <5');
    // Grouped, not stacked: every bar starts at the axis.
    expect(new Set(bars.map((b) => b.getAttribute('x')))).toEqual(new Set(['0']));
  });

  it('should say so when there is nothing to draw', () => {
    const el = setup([]);
    expect(el.querySelector('svg')).toBeNull();
    expect(el.textContent).toContain('Ingen tal i perioden');
  });
});
