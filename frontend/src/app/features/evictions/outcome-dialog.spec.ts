import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { OutcomeDialog } from './outcome-dialog';

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [OutcomeDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: evictionCase() },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(OutcomeDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const choose = async (text: string) => {
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="outcome-select"]' }));
    await select.open();
    await select.clickOptions({ text });
  };
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="outcome-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, close, choose, input, submit, http: TestBed.inject(HttpTestingController) };
}

describe(OutcomeDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should require a rehousing note for Fraflyttet frivilligt and send it', async () => {
    const { el, choose, input, submit, http, close } = await setup();
    expect(el.querySelector('[data-testid="outcome-rehousing"]')).toBeNull();
    await choose('Fraflyttet frivilligt');
    expect(el.querySelector('[data-testid="outcome-rehousing"]')).not.toBeNull();
    await (await input('outcome-rehousing')).setValue('   ');
    await submit();
    http.expectNone('/api/evictions/e1/outcome');
    expect(el.querySelector('[data-testid="outcome-rehousing-required"]')?.textContent).toContain(
      'Skriv hvor husstanden er flyttet hen',
    );

    await (await input('outcome-rehousing')).setValue('Flyttet til sin søster i Vejle');
    await submit();
    const request = http.expectOne('/api/evictions/e1/outcome');
    expect(request.request.body).toEqual({
      outcome: 'fraflyttet_frivilligt',
      note: null,
      rehousingNote: 'Flyttet til sin søster i Vejle',
      version: 3,
    });
    request.flush(evictionCase({ status: 'afsluttet', version: 4 }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'afsluttet' }));
  });

  it('should say that an avoided outcome needs approval and send no rehousing note', async () => {
    const { el, choose, input, submit, http } = await setup();
    await choose('Undgået – betalt før ophævelse');
    expect(el.querySelector('[data-testid="outcome-approval-hint"]')?.textContent).toContain(
      'skal godkendes af en teamleder',
    );
    expect(el.querySelector('[data-testid="outcome-rehousing"]')).toBeNull();
    expect(el.querySelector('[data-testid="outcome-submit"]')?.textContent).toContain('Send til godkendelse');
    await (await input('outcome-note')).setValue('Betalt 2.500 kr. den 12.3.');
    await submit();
    const request = http.expectOne('/api/evictions/e1/outcome');
    expect(request.request.body).toEqual({
      outcome: 'undgaaet_betalt',
      note: 'Betalt 2.500 kr. den 12.3.',
      rehousingNote: null,
      version: 3,
    });
    request.flush(evictionCase({ status: 'afventer_godkendelse', version: 4 }));
  });

  it('should require an outcome and show the server error when it does not fit the stages', async () => {
    const { el, fixture, choose, submit, http } = await setup();
    await submit();
    http.expectNone('/api/evictions/e1/outcome');
    expect(el.querySelector('mat-error')?.textContent).toContain('Skal udfyldes');

    await choose('Undgået – afvist i fogedretten');
    await submit();
    http.expectOne('/api/evictions/e1/outcome').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Der er fejl i de indtastede oplysninger.',
        fields: { outcome: ['Afvist i fogedretten kræver et retsmøde'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="outcome-server-error"]')?.textContent).toContain(
      'Afvist i fogedretten kræver et retsmøde',
    );
  });
});
