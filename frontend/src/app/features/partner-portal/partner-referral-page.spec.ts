import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { of } from 'rxjs';

import { type PartnerReferral, type ReferralStatus, Role } from '@bofast/contracts';

import { partnerReferral } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { ReferralActionDialog } from '../referrals/referral-action-dialog';
import { PartnerReferralPage } from './partner-referral-page';

async function setup() {
  TestBed.configureTestingModule({ imports: [PartnerReferralPage], providers: provideAppTesting() });
  await signIn(createUser(Role.KommunalPartner, { partnerOrganisation: { id: 'po1', name: 'Jobcenter Fjordby' } }));
  const fixture = TestBed.createComponent(PartnerReferralPage);
  fixture.componentRef.setInput('id', 'r1');
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const load = async (r: PartnerReferral) => {
    http.expectOne('/api/partner/referrals/r1').flush(r);
    await settle();
  };
  const actions = () =>
    Array.from(el.querySelectorAll('[data-testid^="partner-action-"]')).map((b) =>
      b.getAttribute('data-testid')?.replace('partner-action-', ''),
    );
  return { fixture, http, el, q, settle, load, actions };
}

describe(PartnerReferralPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show the resident’s name and only the fields and notes that were shared', async () => {
    const { load, q, el } = await setup();
    await load(partnerReferral());
    const resident = q('partner-resident');
    expect(resident?.textContent).toContain('Bo Beboer');
    expect(q('partner-resident-address')?.textContent).toContain('Engparken 7, st. tv.');
    for (const key of ['phone', 'household', 'arrears', 'agreements']) {
      expect(el.querySelector(`[data-testid="partner-resident-label-${key}"]`)).toBeNull();
    }
    expect(resident?.textContent).not.toContain('Telefon');
    expect(q('partner-note-beskaeftigelse')?.textContent).toContain('Ledig siden september.');
    expect(el.querySelector('[data-testid="partner-note-oekonomi"]')).toBeNull();
    expect(q('referral-view-reason')?.textContent).toContain('Henvises til jobsamtale');
    expect(q('partner-history')?.textContent).toContain('Sendt');
  });

  it('should render every shared key the server sends, e.g. the household and the arrears', async () => {
    const { load, q } = await setup();
    await load(
      partnerReferral({
        resident: {
          name: 'Bo Beboer',
          household: [{ name: 'Sara Beboer', relation: 'barn' }],
          arrears: { listDate: '2026-11-01', amount: 2500 },
        },
      }),
    );
    expect(q('partner-resident-household')?.textContent).toContain('Sara Beboer (Barn)');
    expect(q('partner-resident-arrears')?.textContent).toContain('2.500,00 kr.');
    expect(q('partner-resident-address')).toBeNull();
  });

  it.each<[ReferralStatus, string[]]>([
    ['sendt', ['modtaget', 'accepteret', 'afvist', 'venteliste']],
    ['modtaget', ['accepteret', 'afvist', 'venteliste']],
    ['venteliste', ['accepteret', 'afvist']],
    ['accepteret', ['forloeb_i_gang', 'udeblevet']],
    ['forloeb_i_gang', ['afsluttet', 'udeblevet']],
    ['afsluttet', []],
    ['trukket_tilbage', []],
  ])('should offer only the partner’s steps when the referral is %s', async (status, expected) => {
    const { load, actions } = await setup();
    await load(partnerReferral({ status }));
    expect(actions()).toEqual(expected);
  });

  it('should open the step in a dialog and show the referral the server answers', async () => {
    const { load, q, settle } = await setup();
    await load(partnerReferral({ status: 'accepteret', version: 3 }));
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({
      afterClosed: () => of(partnerReferral({ status: 'forloeb_i_gang', version: 4 })),
    } as MatDialogRef<unknown>);
    q('partner-action-forloeb_i_gang')?.click();
    expect(open).toHaveBeenCalledWith(
      ReferralActionDialog,
      expect.objectContaining({
        data: { referralId: 'r1', status: 'forloeb_i_gang', version: 3, side: 'partner', name: 'Bo Beboer' },
      }),
    );
    await settle();
    expect(q('partner-action-afsluttet')).not.toBeNull();
  });

  it('should say the referral is gone and go back to the list when the consent was withdrawn (404)', async () => {
    const { http, settle } = await setup();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const snackBar = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http
      .expectOne('/api/partner/referrals/r1')
      .flush({ statusCode: 404, message: 'Henvisningen findes ikke.' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(snackBar).toHaveBeenCalledWith(
      'Henvisningen findes ikke længere, er trukket tilbage, eller samtykket er ophørt.',
      'Luk',
      expect.anything(),
    );
    expect(navigate).toHaveBeenCalledWith(['/partner']);
  });

  it('should show a completed referral read-only: the notice with the end date, no steps and no message box', async () => {
    const { load, q, actions } = await setup();
    await load(
      partnerReferral({
        status: 'afsluttet',
        access: 'read_only',
        accessEndsAt: '2027-01-07T10:00:00Z',
        outcome: 'Job',
      }),
    );
    expect(q('partner-read-only')?.textContent).toContain('Forløbet er afsluttet');
    expect(q('partner-read-only')?.textContent).toContain('2027');
    expect(actions()).toEqual([]);
    expect(q('referral-message-text')).toBeNull();
  });

  it('should keep the message box for an open referral', async () => {
    const { load, q } = await setup();
    await load(partnerReferral({ status: 'accepteret' }));
    expect(q('partner-read-only')).toBeNull();
    expect(q('referral-message-text')).not.toBeNull();
  });

  it('should go back to the list when a decline answers with the line only', async () => {
    const { load, q, settle } = await setup();
    await load(partnerReferral({ status: 'sendt' }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const snackBar = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({
      afterClosed: () =>
        of({
          id: 'r1',
          access: 'ended',
          status: 'afvist',
          reference: 'r1',
          sentAt: null,
          endedAt: '2026-12-08T10:00:00Z',
        }),
    } as MatDialogRef<unknown>);
    q('partner-action-afvist')?.click();
    await settle();
    expect(snackBar).toHaveBeenCalledWith(
      'Henvisningen er afvist og er ikke længere synlig for jer.',
      undefined,
      expect.anything(),
    );
    expect(navigate).toHaveBeenCalledWith(['/partner']);
  });
});
