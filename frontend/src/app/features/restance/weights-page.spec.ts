import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { DEFAULT_TRIAGE_WEIGHTS, Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { WeightsPage } from './weights-page';

async function setup() {
  TestBed.configureTestingModule({ imports: [WeightsPage], providers: provideAppTesting() });
  await signIn(createUser(Role.Teamleder, { teams: [{ id: 't1', name: 'Team Nord' }] }));
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(WeightsPage);
  fixture.detectChanges();
  http
    .expectOne('/api/restance/triage-weights?teamId=t1')
    .flush({ teamId: 't1', weights: { ...DEFAULT_TRIAGE_WEIGHTS, paakrav: 25 }, version: 3 });
  fixture.detectChanges();
  return { fixture, component: fixture.componentInstance, http, element: fixture.nativeElement as HTMLElement };
}

describe(WeightsPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show one labelled field per rule with the stored values', async () => {
    const { element } = await setup();
    expect((element.querySelector('[data-testid="weights-paakrav"]') as HTMLInputElement).value).toBe('25');
    expect(element.textContent).toContain('Gentaget restance');
    expect(element.textContent).toContain('Point pr. påbegyndt 1.000 kr.');
    expect(element.querySelectorAll('input[type="number"]')).toHaveLength(8);
  });

  it('should send every rule and the version', async () => {
    const { component, http } = await setup();
    component.form.controls.amount.setValue(4);
    component.form.controls.children.setValue(0);
    component.submit();
    const request = http.expectOne('/api/restance/triage-weights');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      teamId: 't1',
      weights: { ...DEFAULT_TRIAGE_WEIGHTS, paakrav: 25, amount: 4, children: 0 },
      version: 3,
    });
    request.flush({ teamId: 't1', weights: request.request.body.weights, version: 4 });
  });

  it('should take the current weights after a conflict', async () => {
    const { component, http } = await setup();
    component.form.controls.amount.setValue(9);
    component.submit();
    http.expectOne('/api/restance/triage-weights').flush(
      {
        statusCode: 409,
        message: 'Conflict',
        current: { teamId: 't1', weights: DEFAULT_TRIAGE_WEIGHTS, version: 5 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(component.form.controls.amount.value).toBe(DEFAULT_TRIAGE_WEIGHTS.amount);
    component.submit();
    const retry = http.expectOne('/api/restance/triage-weights');
    expect(retry.request.body.version).toBe(5);
    retry.flush({ teamId: 't1', weights: DEFAULT_TRIAGE_WEIGHTS, version: 6 });
  });

  it('should refuse negative points without calling the API', async () => {
    const { component, http } = await setup();
    component.form.controls.months.setValue(-1);
    component.submit();
    http.expectNone('/api/restance/triage-weights');
  });
});
