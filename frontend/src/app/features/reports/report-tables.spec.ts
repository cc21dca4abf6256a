import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { ReportResult } from '@bofast/contracts';

import { provideReportsTesting, reportResult, suppressedResult } from '../../../testing/report-fixtures';
import { type ReportTableSection, ReportTables } from './report-tables';

async function setup(result: ReportResult, sections?: ReportTableSection[]) {
  TestBed.configureTestingModule({ imports: [ReportTables], providers: provideReportsTesting() });
  const fixture = TestBed.createComponent(ReportTables);
  fixture.componentRef.setInput('result', result);
  if (sections) fixture.componentRef.setInput('sections', sections);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/case-types').flush([
    {
      code: 'oekonomi_restance',
      labelDa: 'Økonomi og restance',
      labelEn: 'Economy',
      isBuiltin: true,
      isActive: true,
    },
  ]);
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const cells = (testId: string) =>
    Array.from(el.querySelectorAll(`[data-testid="${testId}"] tbody tr`)).map((r) =>
      Array.from(r.children).map((c) => c.textContent?.trim()),
    );
  return { el, cells, http };
}

describe(ReportTables.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show each stage with involved, avoided and the outcomes that occur', async () => {
    const { cells, el } = await setup(reportResult());
    const header = Array.from(el.querySelectorAll('[data-testid="report-table-evictions"] thead th')).map((h) =>
      h.textContent?.trim(),
    );
    expect(header).toEqual([
      'Højeste trin',
      'Involveret',
      'Undgået',
      'Undgået – betalt før ophævelse',
      'Undgået – aftale/fortsættelse efter ophævelse',
      'Undgået – begæring tilbagekaldt',
      'Fraflyttet frivilligt',
      'Udsættelse gennemført',
    ]);
    expect(cells('report-table-evictions')).toEqual([
      ['Påkrav', '20', '18', '18', '0', '0', '0', '0'],
      ['Ophævelse', '15', '10', '0', '10', '0', '2', '0'],
      ['Fogedret', '6', '2', '0', '0', '2', '0', '1'],
    ]);
  });

  it('should render suppressed cells as "<5" and a suppressed amount as "–" with the reason', async () => {
    const { cells, el } = await setup(suppressedResult(), ['restance']);
    expect(cells('report-table-restance')[0]).toEqual([
      'januar 2026',
      'Fjordbo',
      '<5',
      expect.stringContaining('–'),
      '<5',
      '6',
      '5',
      '21',
      '0',
    ]);
    const missing = el.querySelector('[data-testid="report-restance-row"] [data-testid="missing-value"]');
    expect(missing?.textContent?.trim()).toBe('–');
    expect(el.querySelector('[data-testid="report-restance-row"]')?.textContent).toContain('under 5 rækker');
    expect(el.querySelector('[data-testid="report-table-evictions"]')).toBeNull();
  });

  it('should count unique persons and households apart from contacts and episodes', async () => {
    const { el } = await setup(reportResult(), ['people']);
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(text('report-unique-persons')).toBe('70');
    expect(text('report-unique-households')).toBe('52');
    expect(text('report-contacts')).toBe('135');
    expect(text('report-episodes')).toBe('64');
  });

  it('should show amounts in kroner, referrals per partner, visits by status and cases by type', async () => {
    const { cells, el } = await setup(reportResult());
    expect(cells('report-table-restance')[0][3]).toBe('312.501 kr.');
    expect(cells('report-table-referrals')).toEqual([['Jobcenter Fjordby', '12', '9', '1', '4', '1', '0', '6', '3']]);
    const contacts = el.querySelector('[data-testid="report-table-contacts"]')?.textContent ?? '';
    expect(contacts).toContain('Gennemført');
    expect(contacts).toContain('Kontakt etableret');
    const cases = el.querySelector('[data-testid="report-table-cases"]')?.textContent ?? '';
    expect(cases).toContain('Økonomi og restance');
    expect(cases).toContain('Mål nået');
  });
});
