import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { provideAppTesting } from '../../../testing/testing-providers';
import { ConsentDialog, documentProblem } from './consent-dialog';

async function setup() {
  TestBed.configureTestingModule({
    imports: [ConsentDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: { personId: 'p1', caseId: 'c1' } },
      { provide: MatDialogRef, useValue: { close: jest.fn() } },
    ],
  });
  const fixture = TestBed.createComponent(ConsentDialog);
  fixture.detectChanges();
  TestBed.tick();
  const http = TestBed.inject(HttpTestingController);
  http
    .expectOne('/api/organisations/partners')
    .flush([{ id: 'o1', name: 'Jobcenter', type: 'jobcenter', kommune: 'Odense' }]);
  await fixture.whenStable();
  return { fixture, http, component: fixture.componentInstance, el: fixture.nativeElement as HTMLElement };
}

describe(ConsentDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should require a witness when the consent is oral', async () => {
    const { fixture, component, el, http } = await setup();
    const form = component.form;
    form.patchValue({ recipientIds: ['o1'], direction: 'begge', form: 'mundtlig' });
    form.controls.dataCategories.patchValue({ oekonomi: true });
    form.controls.purposes.patchValue({ raadgivning: true });
    component.save();
    fixture.detectChanges();
    http.expectNone('/api/consents');
    expect(form.controls.witnessName.hasError('required')).toBe(true);
    expect(el.querySelector('[data-testid="consent-witness-required"]')?.textContent).toContain('vidnets navn');

    form.patchValue({ witnessName: 'Karin Vidne' });
    component.save();
    const request = http.expectOne('/api/consents');
    expect(request.request.body).toMatchObject({
      personId: 'p1',
      caseId: 'c1',
      recipientIds: ['o1'],
      dataCategories: ['oekonomi'],
      purposes: ['raadgivning'],
      form: 'mundtlig',
      witnessName: 'Karin Vidne',
    });
    request.flush({});
  });

  it('should not require a witness for written consent', async () => {
    const { component } = await setup();
    component.form.patchValue({ form: 'skriftlig' });
    expect(component.form.controls.witnessName.valid).toBe(true);
  });

  it('should reject a 6 MB file with a Danish message', async () => {
    const { fixture, component, el } = await setup();
    const file = new File([new Uint8Array(6 * 1024 * 1024)], 'erklaering.pdf', { type: 'application/pdf' });
    const input = el.querySelector<HTMLInputElement>('[data-testid="consent-document"]');
    Object.defineProperty(input, 'files', { value: [file] });
    await component.chooseFile({ target: input } as unknown as Event);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="consent-document-error"]')?.textContent).toContain('højst være 5 MB');
  });
});

describe(documentProblem.name, () => {
  it('should accept PDF, PNG and JPEG up to 5 MB only', () => {
    expect(documentProblem({ size: 1000, type: 'application/pdf' })).toBeNull();
    expect(documentProblem({ size: 5 * 1024 * 1024, type: 'image/png' })).toBeNull();
    expect(documentProblem({ size: 6 * 1024 * 1024, type: 'image/jpeg' })).toBe('consent.documentTooLarge');
    expect(documentProblem({ size: 1000, type: 'text/plain' })).toBe('consent.documentType');
  });
});
