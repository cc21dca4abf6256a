import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { type DecisionAction, DecisionDialog } from './decision-dialog';

const PENDING = evictionCase({
  status: 'afventer_godkendelse',
  outcome: 'undgaaet_betalt',
  version: 5,
  outcomeState: {
    outcome: 'undgaaet_betalt',
    note: null,
    rehousingNote: null,
    proposedBy: { id: 'u1', displayName: 'Rita Rådgiver' },
    proposedAt: '2026-03-20T10:00:00Z',
    approvedBy: null,
    decidedAt: null,
    returnedReason: null,
  },
});

async function setup(action: DecisionAction) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [DecisionDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { eviction: PENDING, action } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(DecisionDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const reason = () =>
    TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatInputHarness.with({ selector: '[data-testid="decision-reason"]' }),
    );
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="decision-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, reason, submit, http: TestBed.inject(HttpTestingController) };
}

describe(DecisionDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should approve without a reason and send the version', async () => {
    const { el, submit, http, close } = await setup('approve');
    expect(el.textContent).toContain('Undgået – betalt før ophævelse');
    expect(el.textContent).toContain('foreslået af Rita Rådgiver');
    await submit();
    const request = http.expectOne('/api/evictions/e1/outcome/approve');
    expect(request.request.body).toEqual({ version: 5, reason: null });
    request.flush(evictionCase({ status: 'afsluttet', version: 6 }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ version: 6 }));
  });

  it('should require a reason to send a proposal back', async () => {
    const { el, reason, submit, http } = await setup('return');
    await submit();
    http.expectNone('/api/evictions/e1/outcome/return');
    expect(el.querySelector('[data-testid="decision-reason-required"]')?.textContent).toContain('Skriv en begrundelse');
    await (await reason()).setValue('Betalingen er ikke registreret endnu');
    await submit();
    const request = http.expectOne('/api/evictions/e1/outcome/return');
    expect(request.request.body).toEqual({ version: 5, reason: 'Betalingen er ikke registreret endnu' });
    request.flush(evictionCase());
  });

  it('should show why the server refuses an approval by the proposer', async () => {
    const { el, fixture, submit, http, close } = await setup('approve');
    await submit();
    http.expectOne('/api/evictions/e1/outcome/approve').flush(
      {
        statusCode: 422,
        code: 'INVALID_STATE',
        message: 'Et forslag skal godkendes af en anden end den, der foreslog det.',
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="decision-error"]')?.textContent).toContain(
      'skal godkendes af en anden end den, der foreslog det',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
