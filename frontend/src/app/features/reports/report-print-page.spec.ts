import { DOCUMENT } from '@angular/common';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Role } from '@bofast/contracts';

import { definition, provideReportsTesting, report } from '../../../testing/report-fixtures';
import { createUser, signIn } from '../../../testing/testing-providers';
import { todayIso } from '../../core/format/dates';
import { formatDay } from '../evictions/eviction-view';
import { ReportPrintPage } from './report-print-page';

async function setup() {
  TestBed.configureTestingModule({ imports: [ReportPrintPage], providers: provideReportsTesting() });
  await signIn(createUser(Role.Teamleder));
  const fixture = TestBed.createComponent(ReportPrintPage);
  fixture.componentRef.setInput('id', 'r1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/reports/r1').flush(report());
  http.expectOne('/api/reports/definitions').flush([definition()]);
  for (let i = 0; i < 5 && !http.match('/api/case-types').map((r) => r.flush([])).length; i++) {
    fixture.detectChanges();
    await Promise.resolve();
  }
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, el: fixture.nativeElement as HTMLElement };
}

describe(ReportPrintPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should lay out the key numbers, both charts, the key tables, the estimate and the definition', async () => {
    const { el } = await setup();
    const page = el.querySelector('[data-testid="report-print-page"]');
    expect(page?.querySelector('h1')?.textContent?.trim()).toBe('Styregruppe 1. kvartal');
    expect(page?.textContent).toContain('1. jan. 2026 – 31. mar. 2026');
    expect(page?.querySelector('[data-testid="report-headline"]')?.textContent?.trim()).toBe(
      'Involveret i 41 udsættelsessager · undgået 30',
    );
    expect(page?.querySelector('[data-testid="report-funnel"]')).not.toBeNull();
    expect(page?.querySelector('[data-testid="report-trend"]')).not.toBeNull();
    expect(page?.querySelector('[data-testid="report-table-evictions"]')).not.toBeNull();
    expect(page?.querySelector('[data-testid="report-table-cases"]')).toBeNull();
    expect(page?.querySelector('[data-testid="report-estimate-caveat"]')).not.toBeNull();
    expect(page?.querySelector('[data-testid="report-definition"]')?.textContent).toContain('Definition, version 1');
    expect(page?.querySelector('[data-testid="report-printed-on"]')?.textContent?.trim()).toBe(
      `Udskrevet ${formatDay(todayIso(), 'da', 'long')}`,
    );
    // No drill-down on paper.
    expect(page?.querySelector('button[data-testid="report-avoided"]')).toBeNull();
  });

  it('should open the browser’s print dialog from the Udskriv button', async () => {
    const { el } = await setup();
    const print = jest.fn();
    const view = TestBed.inject(DOCUMENT).defaultView;
    if (!view) throw new Error('no window');
    view.print = print;
    el.querySelector<HTMLButtonElement>('[data-testid="report-print-button"]')?.click();
    expect(print).toHaveBeenCalled();
  });
});
