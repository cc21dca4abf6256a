import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type PartnerReferralListItem, Role } from '@bofast/contracts';

import { partnerReferral } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { PartnerReferralsPage } from './partner-referrals-page';

async function setup(items: PartnerReferralListItem[]) {
  TestBed.configureTestingModule({ imports: [PartnerReferralsPage], providers: provideAppTesting() });
  await signIn(createUser(Role.KommunalPartner, { partnerOrganisation: { id: 'po1', name: 'Jobcenter Fjordby' } }));
  const fixture = TestBed.createComponent(PartnerReferralsPage);
  fixture.detectChanges();
  TestBed.tick();
  TestBed.inject(HttpTestingController).expectOne('/api/partner/referrals').flush(items);
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe(PartnerReferralsPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show a withdrawn referral as a line with a reference and dates only, without a link', async () => {
    const el = await setup([
      partnerReferral({ id: 'open-1' }),
      {
        id: 'abcdef12-0000-4000-8000-000000000000',
        access: 'ended',
        status: 'trukket_tilbage',
        reference: 'abcdef12',
        sentAt: '2026-12-01T10:00:00Z',
        endedAt: '2026-12-05T10:00:00Z',
      },
    ]);
    const ended = el.querySelector<HTMLElement>('[data-testid="partner-referral-ended"]');
    expect(ended?.textContent).toContain('Henvisningen er trukket tilbage');
    expect(ended?.textContent).toContain('abcdef12');
    expect(ended?.querySelector('a')).toBeNull();
    expect(el.querySelectorAll('[data-testid="partner-referral-row"]')).toHaveLength(1);
  });

  it('should mark a completed referral as read only', async () => {
    const el = await setup([
      partnerReferral({ status: 'afsluttet', access: 'read_only', accessEndsAt: '2027-01-07T10:00:00Z' }),
    ]);
    expect(el.querySelector('[data-testid="partner-referral-read-only"]')?.textContent).toContain('Kun læsning');
  });
});
