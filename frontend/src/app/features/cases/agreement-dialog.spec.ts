import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { provideAppTesting } from '../../../testing/testing-providers';
import { AgreementDialog } from './agreement-dialog';
import { parseDanishAmount } from './economy-api';

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [AgreementDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: 'c1' },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(AgreementDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="agreement-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, loader, el, close, input, submit, http: TestBed.inject(HttpTestingController) };
}

describe('parseDanishAmount', () => {
  it('should read Danish amounts', () => {
    expect(parseDanishAmount('2.500,00')).toBe(2500);
    expect(parseDanishAmount('2500')).toBe(2500);
    expect(parseDanishAmount('1.234.567,5')).toBe(1234567.5);
    expect(parseDanishAmount(' 750,25 kr.')).toBe(750.25);
    expect(parseDanishAmount('2,500.00')).toBeNull();
    expect(parseDanishAmount('25.00')).toBeNull();
    expect(parseDanishAmount('abc')).toBeNull();
    expect(parseDanishAmount('')).toBeNull();
  });
});

describe(AgreementDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should send "2.500,00" as 2500 with the start date and status', async () => {
    const { input, submit, http, close } = await setup();
    await (await input('agreement-principal')).setValue('2.500,00');
    await (await input('agreement-installment')).setValue('500,50');
    await (await input('agreement-start')).setValue('2026-02-01');
    await submit();

    const request = http.expectOne('/api/cases/c1/agreements');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      creditor: 'boligorganisation',
      creditorName: null,
      principal: 2500,
      installment: 500.5,
      startDate: '2026-02-01',
      status: 'forhandles',
    });
    request.flush({ id: 'a1' });
    expect(close).toHaveBeenCalledWith({ id: 'a1' });
  });

  it('should reject an afdrag larger than the beløb in Danish and send nothing', async () => {
    const { input, submit, http, el, fixture } = await setup();
    await (await input('agreement-principal')).setValue('1.000,00');
    await (await input('agreement-installment')).setValue('1.500,00');
    await (await input('agreement-start')).setValue('2026-02-01');
    await submit();
    http.expectNone('/api/cases/c1/agreements');
    expect(el.querySelector('[data-testid="agreement-installment-exceeds"]')?.textContent).toContain(
      'Afdraget må ikke være større end beløbet',
    );

    // Raising the beløb clears the error.
    await (await input('agreement-principal')).setValue('2.000');
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="agreement-installment-exceeds"]')).toBeNull();
    await submit();
    const request = http.expectOne('/api/cases/c1/agreements');
    expect(request.request.body).toMatchObject({ principal: 2000, installment: 1500 });
    request.flush({ id: 'a1' });
  });

  it('should require the fields, a valid amount and a name for another creditor', async () => {
    const { loader, input, submit, http, el } = await setup();
    const creditor = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="agreement-creditor"]' }));
    await creditor.open();
    await creditor.clickOptions({ text: 'Anden kreditor' });
    await (await input('agreement-principal')).setValue('2,500.00');
    await submit();
    http.expectNone('/api/cases/c1/agreements');
    const errors = Array.from(el.querySelectorAll('mat-error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Skal udfyldes', 'Skriv beløbet som fx 2.500,00', 'Skal udfyldes', 'Skal udfyldes']);
  });

  it('should show server field errors under the field', async () => {
    const { input, submit, http, el, fixture } = await setup();
    await (await input('agreement-principal')).setValue('2.500,00');
    await (await input('agreement-installment')).setValue('500');
    await (await input('agreement-start')).setValue('2026-02-01');
    await submit();
    http
      .expectOne('/api/cases/c1/agreements')
      .flush(
        { statusCode: 400, code: 'validation', message: 'Ugyldig', fields: { startDate: ['Startdatoen er ugyldig'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('Startdatoen er ugyldig');
    expect(el.querySelector('[data-testid="agreement-error"]')).toBeNull();
  });
});
