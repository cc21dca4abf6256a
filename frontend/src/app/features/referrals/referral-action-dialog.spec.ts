import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import type { ReferralStatus } from '@bofast/contracts';

import { partnerReferral, referral } from '../../../testing/referral-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { ReferralActionDialog, type ReferralActionDialogData } from './referral-action-dialog';

async function setup(status: ReferralStatus, side: 'team' | 'partner' = 'partner') {
  const close = jest.fn();
  const data: ReferralActionDialogData = { referralId: 'r1', status, version: 3, side, name: 'Bo Beboer' };
  TestBed.configureTestingModule({
    imports: [ReferralActionDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(ReferralActionDialog);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  const type = async (id: string, value: string) => {
    const input = q(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const submit = async () => {
    q('referral-action-dialog')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, el, q, type, submit, close, http: TestBed.inject(HttpTestingController) };
}

describe(ReferralActionDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should send the first meeting of a course as a timestamp', async () => {
    const { type, submit, http, close, q } = await setup('forloeb_i_gang');
    await type('partner-first-meeting', '2026-12-03T09:00');
    expect(q('partner-action-submit')?.textContent).toContain('Forløb i gang');
    await submit();
    const request = http.expectOne('/api/partner/referrals/r1/status');
    expect(request.request.body).toEqual({
      status: 'forloeb_i_gang',
      reason: null,
      outcome: null,
      firstMeetingAt: new Date('2026-12-03T09:00').toISOString(),
      version: 3,
    });
    request.flush(partnerReferral({ status: 'forloeb_i_gang' }));
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ status: 'forloeb_i_gang' }));
  });

  it.each<ReferralStatus>(['afvist', 'trukket_tilbage'])('should require a reason to go to %s', async (status) => {
    const { submit, type, http, el } = await setup(status, status === 'afvist' ? 'partner' : 'team');
    await submit();
    expect(el.querySelector('mat-error')?.textContent).toContain('Skal udfyldes');
    await type('referral-action-reason', 'Ikke i målgruppen');
    await submit();
    const url = status === 'afvist' ? '/api/partner/referrals/r1/status' : '/api/referrals/r1/status';
    const request = http.expectOne(url);
    expect(request.request.body).toMatchObject({ status, reason: 'Ikke i målgruppen', version: 3 });
    request.flush(status === 'afvist' ? partnerReferral({ status }) : referral({ status }));
  });

  it('should require the outcome to end a course', async () => {
    const { submit, type, http } = await setup('afsluttet');
    await submit();
    http.expectNone('/api/partner/referrals/r1/status');
    await type('referral-action-outcome', 'I praktik hos Netto');
    await submit();
    const request = http.expectOne('/api/partner/referrals/r1/status');
    expect(request.request.body).toMatchObject({ status: 'afsluttet', outcome: 'I praktik hos Netto', reason: null });
    request.flush(partnerReferral({ status: 'afsluttet' }));
  });

  it('should close with gone when the referral is no longer the partner’s to see', async () => {
    const { submit, http, close } = await setup('accepteret');
    await submit();
    http
      .expectOne('/api/partner/referrals/r1/status')
      .flush({ statusCode: 404, message: 'Henvisningen findes ikke.' }, { status: 404, statusText: 'Not Found' });
    expect(close).toHaveBeenCalledWith('gone');
  });
});
