import { TestBed } from '@angular/core/testing';

import type { ReportResult } from '@bofast/contracts';

import { provideReportsTesting, reportResult, suppressedResult } from '../../../testing/report-fixtures';
import { ReportHeadline } from './report-headline';

function setup(evictions: ReportResult['evictions'], drillable = false) {
  TestBed.configureTestingModule({ imports: [ReportHeadline], providers: provideReportsTesting() });
  const fixture = TestBed.createComponent(ReportHeadline);
  fixture.componentRef.setInput('evictions', evictions);
  fixture.componentRef.setInput('drillable', drillable);
  const drilled: string[] = [];
  fixture.componentInstance.drill.subscribe((indicator) => drilled.push(indicator));
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, el, text, drilled };
}

describe(ReportHeadline.name, () => {
  it('should show the avoided evictions with their denominator', () => {
    const { text } = setup(reportResult().evictions);
    expect(text('report-headline')).toBe('Involveret i 41 udsættelsessager · undgået 30');
    expect(text('report-involved')).toBe('41');
    expect(text('report-avoided')).toBe('30');
    expect(text('report-share')).toBe('73 %');
    expect(text('report-sustained')).toBe('9');
    expect(text('report-pending')).toBe('3');
  });

  it('should show suppressed counts as "<5", never as a number, and no share', () => {
    const { text, el } = setup(suppressedResult().evictions);
    expect(text('report-headline')).toBe('Involveret i 12 udsættelsessager · undgået <5');
    expect(text('report-avoided')).toBe('<5');
    expect(text('report-pending')).toBe('<5');
    const share = el.querySelector('[data-testid="report-share"] [data-testid="missing-value"]');
    expect(share?.textContent?.trim()).toBe('–');
    expect(el.querySelector('[data-testid="report-share"]')?.textContent).toContain('Andelen vises ikke');
  });

  it('should make the involved and avoided counts open the cases when drill-down is allowed', () => {
    const { el, drilled } = setup(reportResult().evictions, true);
    const involved = el.querySelector<HTMLButtonElement>('button[data-testid="report-involved"]');
    const avoided = el.querySelector<HTMLButtonElement>('button[data-testid="report-avoided"]');
    expect(involved?.getAttribute('aria-label')).toBe('Involveret i 41 udsættelsessager – vis sagerne');
    involved?.click();
    avoided?.click();
    expect(drilled).toEqual(['involved', 'avoided']);
    expect(el.textContent).toContain('Visningen logges i adgangsloggen');
  });

  it('should show plain numbers without drill-down', () => {
    const { el } = setup(reportResult().evictions, false);
    expect(el.querySelector('button')).toBeNull();
    expect(el.querySelector('span[data-testid="report-involved"]')?.textContent?.trim()).toBe('41');
  });
});
