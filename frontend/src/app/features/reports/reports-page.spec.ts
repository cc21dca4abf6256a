import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { Role } from '@bofast/contracts';

import { definition, provideReportsTesting, reportSummary } from '../../../testing/report-fixtures';
import { createUser, signIn } from '../../../testing/testing-providers';
import { ReportsPage } from './reports-page';

async function setup(role: Role) {
  TestBed.configureTestingModule({
    imports: [ReportsPage],
    providers: [...provideReportsTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
  });
  await signIn(createUser(role, { teams: [{ id: 'team1', name: 'Team Fjordparken' }] }));
  const fixture = TestBed.createComponent(ReportsPage);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/teams').flush([]);
  http.expectOne('/api/organisations/boligorganisationer').flush([]);
  http
    .expectOne('/api/reports')
    .flush([
      reportSummary(),
      reportSummary({ id: 'r2', title: null, audience: 'ekstern', scopeType: 'alle', scopeName: 'Alle' }),
    ]);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, el, settle };
}

describe(ReportsPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should list the stored reports with period, scope, audience, definition version and who made them', async () => {
    const { el, settle } = await setup(Role.Teamleder);
    await settle();
    const rows = Array.from(el.querySelectorAll('[data-testid="report-list-row"]')).map((r) =>
      Array.from(r.querySelectorAll('td')).map((c) => c.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      'Styregruppe 1. kvartal',
      '1. jan. 2026 – 31. mar. 2026',
      'Team: Team Fjordparken',
      'Intern',
      'v1',
      expect.stringContaining('Tina Teamleder'),
    ]);
    expect(rows[1][0]).toBe('Rapport for Alle');
    expect(rows[1][2]).toBe('Alle: Alle');
    expect(rows[1][3]).toBe('Ekstern');
    expect(el.querySelector('[data-testid="report-list-open"]')?.getAttribute('href')).toBe('/rapporter/r1');
    expect(el.querySelector('[data-testid="report-definitions"]')).toBeNull();
  });

  it('should show the administrator the definition versions and make a new one', async () => {
    const { el, settle, http } = await setup(Role.Admin);
    http.expectOne('/api/reports/definitions').flush([definition()]);
    await settle();
    const section = el.querySelector('[data-testid="report-definitions"]');
    expect(section?.textContent).toContain('gamle rapporter beholder den version, de blev lavet med');
    expect(section?.querySelectorAll('[data-testid="report-definition-row"]')).toHaveLength(1);
    expect(section?.textContent).toContain('«Påkrav» eller et senere trin');
    el.querySelector<HTMLButtonElement>('[data-testid="report-definition-create"]')?.click();
    await settle();
    const dialog = document.querySelector('[data-testid="definition-dialog"]');
    expect(dialog?.textContent).toContain('Gamle rapporter beholder deres version og deres tal.');
    const description = dialog?.querySelector<HTMLTextAreaElement>('[data-testid="definition-description"]');
    if (!description) throw new Error('no description');
    description.value = 'Også begæringer afvist i fogedretten uden godkendelse';
    description.dispatchEvent(new Event('input'));
    dialog?.querySelector<HTMLButtonElement>('[data-testid="definition-approval"] input')?.click();
    await settle();
    dialog?.querySelector<HTMLButtonElement>('[data-testid="definition-submit"]')?.click();
    await settle();
    const request = http.expectOne('/api/reports/definitions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      key: 'undgaaet_udsaettelse',
      description: 'Også begæringer afvist i fogedretten uden godkendelse',
      rule: {
        involvedMinStage: 'paakrav',
        avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'],
        requireApproval: false,
        sustainedMonths: 6,
      },
    });
    request.flush(definition({ version: 2 }));
    await settle();
    // Even without animations, afterClosed() emits on a timer once the dialog has gone.
    await new Promise((resolve) => setTimeout(resolve, 50));
    TestBed.tick();
    http.expectOne('/api/reports/definitions').flush([definition(), definition({ version: 2 })]);
    await settle();
    expect(el.querySelectorAll('[data-testid="report-definition-row"]')).toHaveLength(2);
  });
});
