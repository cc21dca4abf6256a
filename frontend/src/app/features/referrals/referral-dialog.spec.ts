import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { partnerEntry, referral } from '../../../testing/referral-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { ReferralDialog, type ReferralDialogData } from './referral-dialog';

async function setup(data: ReferralDialogData = { caseId: 'c1' }) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [ReferralDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(ReferralDialog);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/partners').flush([partnerEntry(), partnerEntry({ id: 'po2', name: 'Socialcenter Fjordby' })]);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  await settle();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => q(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const check = async (id: string) => {
    q(id)?.querySelector('input')?.click();
    await settle();
  };
  const type = async (id: string, value: string) => {
    const input = q(id) as HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await settle();
  };
  const submit = async () => {
    q('referral-dialog')?.dispatchEvent(new Event('submit'));
    await settle();
  };
  return { fixture, http, close, q, text, check, type, submit, settle };
}

describe(ReferralDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should group the shareable fields by data category and offer a note for each main category', async () => {
    const { q, settle } = await setup();
    const bolig = q('referral-category-bolig');
    expect(bolig?.querySelector('legend')?.textContent).toContain('Bolig');
    for (const f of ['address', 'phone', 'household'])
      expect(bolig?.querySelector(`[data-testid="referral-field-${f}"]`)).not.toBeNull();
    const oekonomi = q('referral-category-oekonomi');
    for (const f of ['arrears', 'agreements'])
      expect(oekonomi?.querySelector(`[data-testid="referral-field-${f}"]`)).not.toBeNull();
    for (const c of ['beskaeftigelse', 'oekonomi', 'bolig', 'helbred']) expect(q(`referral-note-${c}`)).not.toBeNull();
    // The sensitive categories wait behind a button.
    expect(q('referral-note-boern')).toBeNull();
    q('referral-more-categories')?.click();
    await settle();
    for (const c of ['misbrug', 'vold', 'boern', 'straf']) expect(q(`referral-note-${c}`)).not.toBeNull();
  });

  it('should say live which categories are shared, computed from the fields and the notes', async () => {
    const { text, check, type } = await setup();
    expect(text('referral-shared-summary')).toBe('Deles: kun navn og årsag – det kræver ikke samtykke.');
    await check('referral-field-arrears');
    expect(text('referral-shared-summary')).toBe('Deles: Økonomi');
    await type('referral-note-beskaeftigelse', 'Mistede sit job i september.');
    expect(text('referral-shared-summary')).toBe('Deles: Beskæftigelse, Økonomi');
    await type('referral-note-beskaeftigelse', '   ');
    expect(text('referral-shared-summary')).toBe('Deles: Økonomi');
  });

  it('should create a draft with exactly the checked fields and the written notes', async () => {
    const { fixture, http, close, check, type, submit, q, settle } = await setup();
    fixture.componentInstance.form.controls.partnerId.setValue('po1');
    fixture.componentInstance.form.controls.method.setValue('formidlet_kontakt');
    await settle();
    expect(q('referral-partner-info')?.textContent).toContain('Virksomhedspraktik');
    expect(q('referral-partner-info')?.textContent).toContain('Partnerportal');
    await type('referral-reason', ' Ønsker hjælp til at komme i job ');
    await check('referral-field-arrears');
    await type('referral-note-beskaeftigelse', ' Ledig siden september. ');
    await type('referral-note-helbred', '');
    await submit();
    const request = http.expectOne('/api/cases/c1/referrals');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      partnerId: 'po1',
      method: 'formidlet_kontakt',
      reason: 'Ønsker hjælp til at komme i job',
      sharedFields: ['arrears'],
      notes: { beskaeftigelse: 'Ledig siden september.' },
    });
    request.flush(referral());
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', status: 'udkast' }));
  });

  it('should not send without partner, form and reason', async () => {
    const { submit, q } = await setup();
    await submit();
    expect(q('referral-dialog')?.querySelectorAll('mat-error')).toHaveLength(3);
  });

  it('should correct a draft with its version, sharing fewer fields', async () => {
    const draft = referral({
      sharedFields: ['arrears', 'address'],
      sharedCategories: ['bolig', 'oekonomi'],
      version: 4,
    });
    const { http, check, submit, text, close } = await setup({ caseId: 'c1', referral: draft });
    expect(text('referral-shared-summary')).toBe('Deles: Beskæftigelse, Bolig, Økonomi');
    await check('referral-field-address');
    await submit();
    const request = http.expectOne('/api/referrals/r1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({
      method: 'formidlet_kontakt',
      reason: 'Ønsker hjælp til at komme i job',
      sharedFields: ['arrears'],
      notes: { beskaeftigelse: 'Ledig siden september.' },
      version: 4,
    });
    request.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Posten er ændret af en anden.' },
      { status: 409, statusText: 'Conflict' },
    );
    expect(close).toHaveBeenCalledWith('conflict');
  });
});
