import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { partnerReferral } from '../../../testing/referral-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { ReferralSummaryPage } from './referral-summary-page';

async function setup() {
  TestBed.configureTestingModule({ imports: [ReferralSummaryPage], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  const fixture = TestBed.createComponent(ReferralSummaryPage);
  fixture.componentRef.setInput('id', 'r1');
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const request = http.expectOne('/api/referrals/r1/summary');
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const el = fixture.nativeElement as HTMLElement;
  return { request, settle, el, q: (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
}

describe(ReferralSummaryPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show exactly what the partner sees and print it', async () => {
    const { request, settle, q } = await setup();
    request.flush(partnerReferral({ underretning: true, underretningReason: 'Serviceloven § 133' }));
    await settle();
    expect(q('partner-resident')?.textContent).toContain('Bo Beboer');
    expect(q('partner-resident-address')?.textContent).toContain('Engparken 7');
    expect(q('referral-view-legal-basis')?.textContent).toContain('Serviceloven § 133');
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    q('referral-summary-print')?.click();
    expect(print).toHaveBeenCalled();
  });

  it('should say why there is no summary once the consent no longer covers the referral', async () => {
    const { request, settle, q } = await setup();
    request.flush(
      {
        statusCode: 409,
        code: 'INVALID_STATE',
        message: 'Samtykket dækker ikke længere: der kan ikke udskrives et resumé.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(q('referral-summary-error')?.textContent).toContain('Samtykket dækker ikke længere');
    expect(q('referral-summary-print')).toBeNull();
  });
});
