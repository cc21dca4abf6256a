import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Role } from '@bofast/contracts';

import { definition, provideReportsTesting, report } from '../../../testing/report-fixtures';
import { createUser, signIn } from '../../../testing/testing-providers';
import { ReportPage } from './report-page';

async function setup(role: Role = Role.Teamleder) {
  TestBed.configureTestingModule({ imports: [ReportPage], providers: provideReportsTesting() });
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(ReportPage);
  fixture.componentRef.setInput('id', 'r1');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const load = async () => {
    http.expectOne('/api/reports/r1').flush(report());
    http.expectOne('/api/reports/definitions').flush([definition(), definition({ version: 2, description: 'Ny' })]);
    // The tables ask for the case types once they render; the page is not stable before that answer.
    for (let i = 0; i < 5 && !http.match('/api/case-types').map((r) => r.flush([])).length; i++) {
      fixture.detectChanges();
      await Promise.resolve();
    }
    await settle();
  };
  const byTestId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  return { fixture, http, el, settle, load, byTestId, text };
}

describe(ReportPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show a progress bar until the report is there, then the headline, charts and definition', async () => {
    const { byTestId, load, text, el } = await setup();
    expect(byTestId('report-loading')?.querySelector('mat-progress-bar')).not.toBeNull();
    await load();
    expect(byTestId('report-loading')).toBeNull();
    expect(text('report-title')).toBe('Styregruppe 1. kvartal');
    expect(text('report-period')).toBe('1. jan. 2026 – 31. mar. 2026');
    expect(text('report-scope')).toBe('Team: Team Fjordparken');
    expect(text('report-headline')).toBe('Involveret i 41 udsættelsessager · undgået 30');
    expect(byTestId('report-funnel')?.getAttribute('aria-label')).toContain('Påkrav 41');
    expect(byTestId('report-trend')).not.toBeNull();
    expect(byTestId('report-estimate-caveat')?.textContent).toContain('Skønnet er ikke en effektmåling.');
    // Only the version the report was made with.
    const versions = Array.from(el.querySelectorAll('[data-testid="report-definition-version"] h3')).map((h) =>
      h.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(versions).toHaveLength(1);
    expect(versions[0]).toContain('Definition, version 1');
  });

  it('should link the exports to the API and the print button to the print view', async () => {
    const { byTestId, load } = await setup();
    await load();
    expect(byTestId('report-export-xlsx')?.getAttribute('href')).toBe('/api/reports/r1/export?format=xlsx');
    expect(byTestId('report-export-csv')?.getAttribute('href')).toBe('/api/reports/r1/export?format=csv');
    expect(byTestId('report-export-xlsx')?.hasAttribute('download')).toBe(true);
    expect(byTestId('report-print')?.getAttribute('href')).toBe('/rapporter/r1/print');
  });

  it('should say the numbers can be reproduced exactly when nothing changed', async () => {
    const { byTestId, load, http, settle, text } = await setup();
    await load();
    byTestId('report-reproduce')?.click();
    await settle();
    const request = http.expectOne('/api/reports/r1/reproduce');
    expect(request.request.method).toBe('POST');
    request.flush({ identical: true, changed: [], result: report().result });
    await settle();
    expect(text('report-reproduce-result')).toBe('Tallene kan genskabes præcist.');
  });

  it('should list the changed numbers and say the stored numbers stand when data were corrected', async () => {
    const { byTestId, load, http, settle, text, el } = await setup();
    await load();
    byTestId('report-reproduce')?.click();
    await settle();
    http
      .expectOne('/api/reports/r1/reproduce')
      .flush({ identical: false, changed: ['evictions.avoided', 'trend.2.avoided'], result: report().result });
    await settle();
    expect(text('report-reproduce-result')).toContain('2 tal er anderledes, når de regnes igen.');
    expect(text('report-reproduce-result')).toContain('Data er blevet rettet, efter rapporten blev lavet');
    expect(text('report-reproduce-result')).toContain('Rapportens gemte tal står ved magt');
    const changed = Array.from(el.querySelectorAll('[data-testid="report-reproduce-changed"] li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(changed).toEqual(['Udsættelsessager: evictions.avoided', 'Udvikling pr. måned: trend.2.avoided']);
    // The headline still shows the stored numbers.
    expect(text('report-headline')).toBe('Involveret i 41 udsættelsessager · undgået 30');
  });

  it('should open the cases behind "undgået" for a team lead, with the report’s period and scope', async () => {
    const { byTestId, load, http, settle, fixture } = await setup(Role.Teamleder);
    await load();
    byTestId('report-avoided')?.click();
    // Not settled first: the open drill-down request keeps the page unstable until answered.
    fixture.detectChanges();
    TestBed.tick();
    const request = http.expectOne((r) => r.url === '/api/reports/drilldown');
    expect(request.request.params.keys().sort()).toEqual(['from', 'indicator', 'scopeId', 'scopeType', 'to']);
    expect(request.request.params.get('indicator')).toBe('avoided');
    expect(request.request.params.get('from')).toBe('2026-01-01');
    expect(request.request.params.get('to')).toBe('2026-03-31');
    expect(request.request.params.get('scopeType')).toBe('team');
    expect(request.request.params.get('scopeId')).toBe('team1');
    request.flush([
      {
        evictionId: 'e1',
        address: 'Fjordvej 3, 1. tv.',
        afdeling: 'Fjordparken',
        currentStage: 'ophaevelse',
        status: 'afsluttet',
        outcome: 'undgaaet_aftale',
        decidedAt: '2026-02-10T10:00:00Z',
        caseIds: ['c1'],
      },
    ]);
    await settle();
    const dialog = document.querySelector('[data-testid="report-drilldown"]');
    expect(dialog?.textContent).toContain('Visningen logges i adgangsloggen.');
    const link = dialog?.querySelector('[data-testid="report-drilldown-open"]');
    expect(link?.getAttribute('href')).toBe('/udsaettelser/e1');
    expect(link?.textContent?.trim()).toBe('Fjordvej 3, 1. tv.');
    expect(document.querySelector('.mat-mdc-dialog-title')?.textContent?.trim()).toBe('Undgået 30');
  });

  it('should not offer the drill-down to the administrator, who may not read cases', async () => {
    const { el, load } = await setup(Role.Admin);
    await load();
    expect(el.querySelector('button[data-testid="report-avoided"]')).toBeNull();
    expect(el.querySelector('button[data-testid="report-involved"]')).toBeNull();
    expect(el.querySelector('[data-testid="report-avoided"]')?.textContent?.trim()).toBe('30');
    expect(el.textContent).not.toContain('Visningen logges');
  });
});
