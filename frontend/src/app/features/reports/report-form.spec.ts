import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router } from '@angular/router';

import { type BoligorganisationSummary, Role, type TeamSummary } from '@bofast/contracts';

import { provideReportsTesting, report } from '../../../testing/report-fixtures';
import { createUser, signIn } from '../../../testing/testing-providers';
import { type ReportFormValue, ReportForm, buildReportRequest } from './report-form';

const TEAMS: TeamSummary[] = [
  {
    id: 'team1',
    name: 'Engparken og Skovhaven',
    description: null,
    isActive: true,
    afdelinger: [
      { id: 'afd2', afdelingsnummer: '12', name: 'Skovhaven' },
      { id: 'afd1', afdelingsnummer: '3', name: 'Engparken' },
    ],
    memberCount: 4,
    version: 1,
  },
  {
    id: 'team2',
    name: 'Et andet team',
    description: null,
    isActive: true,
    afdelinger: [{ id: 'afd9', afdelingsnummer: '9', name: 'Andetsteds' }],
    memberCount: 2,
    version: 1,
  },
];

const BOLIGORGANISATIONER: BoligorganisationSummary[] = [
  { id: 'bo1', name: 'Fjordbo', cvr: null, afdelinger: [{ id: 'afd1', afdelingsnummer: '3', name: 'Engparken' }] },
  {
    id: 'bo9',
    name: 'Fremmed Bolig',
    cvr: null,
    afdelinger: [{ id: 'afd9', afdelingsnummer: '9', name: 'Andetsteds' }],
  },
];

async function setup(role: Role = Role.Teamleder) {
  TestBed.configureTestingModule({ imports: [ReportForm], providers: provideReportsTesting() });
  await signIn(createUser(role, { teams: role === Role.Admin ? [] : [{ id: 'team1', name: TEAMS[0].name }] }));
  const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(ReportForm);
  fixture.componentRef.setInput('today', '2026-05-15');
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  http.expectOne('/api/teams').flush(TEAMS);
  http.expectOne('/api/organisations/boligorganisationer').flush(BOLIGORGANISATIONER);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const select = (id: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
  const choose = async (id: string, text: string | RegExp) => {
    const harness = await select(id);
    await harness.open();
    await harness.clickOptions({ text });
  };
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="report-create"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, el, loader, select, choose, submit, navigate };
}

describe(ReportForm.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should send this quarter until today for the team lead’s own team, and open the stored report', async () => {
    const { choose, submit, http, navigate, el, select } = await setup();
    await choose('report-period-preset', 'Dette kvartal');
    expect(el.querySelector('[data-testid="report-period-text"]')?.textContent?.trim()).toBe(
      '1. apr. 2026 – 15. maj 2026',
    );
    // The team lead's only team is chosen already.
    expect(await (await select('report-scope-id')).getValueText()).toBe('Engparken og Skovhaven');
    await submit();
    const request = http.expectOne('/api/reports');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      from: '2026-04-01',
      to: '2026-05-15',
      scopeType: 'team',
      scopeId: 'team1',
      audience: 'intern',
      costBoligorganisation: 50000,
      costKommune: 200000,
      title: null,
    });
    request.flush(report({ id: 'r7' }));
    expect(navigate).toHaveBeenCalledWith(['/rapporter', 'r7']);
  });

  it('should offer only the team lead’s own teams, their afdelinger and the boligorganisationer they cover', async () => {
    const { choose, select } = await setup();
    const scopeId = await select('report-scope-id');
    await scopeId.open();
    expect(await Promise.all((await scopeId.getOptions()).map((o) => o.getText()))).toEqual(['Engparken og Skovhaven']);
    await scopeId.close();
    await choose('report-scope-type', 'Afdeling');
    await (await select('report-scope-id')).open();
    const afdelinger = await (await select('report-scope-id')).getOptions();
    expect(await Promise.all(afdelinger.map((o) => o.getText()))).toEqual(['3 Engparken', '12 Skovhaven']);
    await (await select('report-scope-id')).close();
    await choose('report-scope-type', 'Boligorganisation');
    await (await select('report-scope-id')).open();
    const bos = await (await select('report-scope-id')).getOptions();
    expect(await Promise.all(bos.map((o) => o.getText()))).toEqual(['Fjordbo']);
  });

  it.each([
    ['Team', 'Engparken og Skovhaven', { scopeType: 'team', scopeId: 'team1' }],
    ['Helhedsplan', 'Engparken og Skovhaven', { scopeType: 'helhedsplan', scopeId: 'team1' }],
    ['Afdeling', '12 Skovhaven', { scopeType: 'afdeling', scopeId: 'afd2' }],
    ['Boligorganisation', 'Fjordbo', { scopeType: 'boligorganisation', scopeId: 'bo1' }],
    ['Alle', null, { scopeType: 'alle' }],
  ] as const)('should send the scope %s with what it covers', async (type, option, expected) => {
    const { choose, submit, http, el } = await setup();
    await choose('report-period-preset', 'Sidste kvartal');
    await choose('report-scope-type', type);
    if (option) await choose('report-scope-id', option);
    else expect(el.querySelector('[data-testid="report-scope-id"]')).toBeNull();
    await submit();
    const request = http.expectOne('/api/reports');
    expect(request.request.body).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      ...expected,
      audience: 'intern',
      costBoligorganisation: 50000,
      costKommune: 200000,
      title: null,
    });
    expect('scopeId' in request.request.body).toBe(type !== 'Alle');
    request.flush(report());
  });

  it('should let the administrator choose any team and send an external report with its costs and title', async () => {
    const { choose, submit, http, loader, el, fixture } = await setup(Role.Admin);
    await choose('report-scope-id', 'Et andet team');
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: 'Ekstern' });
    expect(el.querySelector('[data-testid="report-audience-hint"]')?.textContent).toContain('"<5"');
    const input = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
    for (const [id, value] of [
      ['report-cost-bo', '60000'],
      ['report-cost-kommune', '150000'],
      ['report-title', '  Styregruppe maj  '],
    ]) {
      const field = input(id);
      if (!field) throw new Error(id);
      field.value = value;
      field.dispatchEvent(new Event('input'));
    }
    fixture.detectChanges();
    await submit();
    const request = http.expectOne('/api/reports');
    expect(request.request.body).toEqual(
      expect.objectContaining({
        scopeType: 'team',
        scopeId: 'team2',
        audience: 'ekstern',
        costBoligorganisation: 60000,
        costKommune: 150000,
        title: 'Styregruppe maj',
      }),
    );
    request.flush(report());
  });

  it('should ask for the scope and for the dates of a custom period before sending', async () => {
    const { choose, submit, http, el } = await setup(Role.Admin);
    await choose('report-period-preset', 'Brugerdefineret');
    await submit();
    http.expectNone('/api/reports');
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Skal udfyldes', 'Skal udfyldes', 'Skal udfyldes']);
  });

  it('should put the API’s field messages on the fields', async () => {
    const { submit, http, el, fixture } = await setup();
    await submit();
    http
      .expectOne('/api/reports')
      .flush(
        { statusCode: 400, code: 'VALIDATION', message: 'Ugyldig', fields: { scopeId: ['Teamet findes ikke'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent?.trim()).toBe('Teamet findes ikke');
  });
});

describe('buildReportRequest', () => {
  const value: ReportFormValue = {
    preset: 'custom',
    from: '2025-06-01',
    to: '2025-11-30',
    scopeType: 'alle',
    scopeId: 'ignored',
    audience: 'ekstern',
    costBoligorganisation: 50000.4,
    costKommune: 200000,
    title: ' ',
  };

  it('should send a custom period as typed, no scopeId for "alle" and no blank title', () => {
    expect(buildReportRequest(value, '2026-05-15')).toEqual({
      from: '2025-06-01',
      to: '2025-11-30',
      scopeType: 'alle',
      audience: 'ekstern',
      costBoligorganisation: 50000,
      costKommune: 200000,
      title: null,
    });
  });
});
