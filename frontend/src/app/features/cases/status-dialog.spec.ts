import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';

import { CASE_TRANSITIONS, type CaseDetail } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { StatusDialog } from './status-dialog';

const CASE = { id: 'c1', caseNumber: 'S-1', status: 'aktiv', version: 4 } as CaseDetail;

async function setup() {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [StatusDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: CASE },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(StatusDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="status-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, loader, el, close, submit, http: TestBed.inject(HttpTestingController) };
}

describe(StatusDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should offer only the transitions allowed from the current status', async () => {
    const { loader } = await setup();
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }));
    await select.open();
    const options = await select.getOptions();
    const texts = await Promise.all(options.map((o) => o.getText()));
    expect(texts).toEqual(['Handleplan aktiv', 'I bero', 'Afbrudt af beboer', 'Afsluttet']);
    expect(options).toHaveLength(CASE_TRANSITIONS.aktiv.length);
  });

  it('should require a closure reason when closing and send it with the version', async () => {
    const { loader, el, submit, http, close } = await setup();
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }));
    await select.open();
    await select.clickOptions({ text: 'Afsluttet' });
    await submit();
    http.expectNone('/api/cases/c1/status');
    expect(el.querySelector('[data-testid="status-closure-required"]')?.textContent).toContain(
      'Vælg en afslutningsårsag',
    );

    const reason = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="status-closure-reason"]' }),
    );
    await reason.open();
    await reason.clickOptions({ text: 'Mål nået' });
    await submit();
    const request = http.expectOne('/api/cases/c1/status');
    expect(request.request.body).toEqual({ status: 'afsluttet', closureReason: 'maal_naaet', note: null, version: 4 });
    request.flush({ ...CASE, status: 'afsluttet' });
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'afsluttet' }));
  });

  it('should not ask for a closure reason for other states', async () => {
    const { loader, el, submit, http } = await setup();
    const select = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-select"]' }));
    await select.open();
    await select.clickOptions({ text: 'I bero' });
    expect(el.querySelector('[data-testid="status-closure-reason"]')).toBeNull();
    await submit();
    const request = http.expectOne('/api/cases/c1/status');
    expect(request.request.body).toMatchObject({ status: 'i_bero', closureReason: null });
    request.flush({ statusCode: 409, code: 'stale', message: 'Conflict' }, { status: 409, statusText: 'Conflict' });
  });
});
