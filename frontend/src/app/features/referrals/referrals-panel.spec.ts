import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { of } from 'rxjs';

import { type Referral, Role } from '@bofast/contracts';

import { caseDetail, referral } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { ConsentDialog } from '../consents/consent-dialog';
import { ReferralsPanel } from './referrals-panel';
import { UnderretningDialog } from './underretning-dialog';

const REFUSAL = {
  statusCode: 409,
  code: 'CONSENT_REQUIRED',
  message:
    'Henvisningen kan ikke sendes: intet gyldigt samtykke dækker Jobcenter Fjordby, formålet og kategorierne beskaeftigelse, oekonomi.',
  fields: { sharedFields: ['Registrér samtykke, eller del færre oplysninger'] },
};

async function setup(list: Referral[], role: Role = Role.SocialVicevaert) {
  TestBed.configureTestingModule({ imports: [ReferralsPanel], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(ReferralsPanel);
  fixture.componentRef.setInput('detail', caseDetail());
  fixture.componentRef.setInput('canEdit', true);
  const changed = jest.fn();
  const consentChanged = jest.fn();
  fixture.componentInstance.changed.subscribe(changed);
  fixture.componentInstance.consentChanged.subscribe(consentChanged);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/cases/c1/referrals').flush(list);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  await settle();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return { fixture, http, el, q, settle, changed, consentChanged };
}

describe(ReferralsPanel.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show why a draft was not sent and offer to register the consent it lacks', async () => {
    const { http, q, settle, consentChanged, changed } = await setup([referral()]);
    q('referral-send')?.click();
    const send = http.expectOne('/api/referrals/r1/send');
    expect(send.request.body).toEqual({ version: 1 });
    send.flush(REFUSAL, { status: 409, statusText: 'Conflict' });
    await settle();
    const error = q('referral-send-error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('intet gyldigt samtykke dækker Jobcenter Fjordby');
    expect(error?.textContent).toContain('Registrér samtykke, eller del færre oplysninger');
    expect(changed).not.toHaveBeenCalled();

    const consent = { id: 'k1' };
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(consent) } as MatDialogRef<unknown>);
    q('referral-register-consent')?.click();
    expect(open).toHaveBeenCalledWith(
      ConsentDialog,
      expect.objectContaining({ data: { personId: 'p1', caseId: 'c1' } }),
    );
    await settle();
    expect(consentChanged).toHaveBeenCalledWith(consent);
    expect(q('referral-send-error')).toBeNull();

    // With the consent in place the draft goes out.
    q('referral-send')?.click();
    http.expectOne('/api/referrals/r1/send').flush(referral({ status: 'sendt', version: 2, consentActive: true }));
    TestBed.tick();
    http.expectOne('/api/cases/c1/referrals').flush([referral({ status: 'sendt', version: 2, consentActive: true })]);
    await settle();
    expect(q('referral-status')?.textContent).toContain('Sendt');
    expect(q('referral-send')).toBeNull();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('should reload on a version conflict instead of showing a refusal', async () => {
    const { http, q, settle } = await setup([referral()]);
    q('referral-send')?.click();
    http
      .expectOne('/api/referrals/r1/send')
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Posten er ændret af en anden.' },
        { status: 409, statusText: 'Conflict' },
      );
    TestBed.tick();
    http.expectOne('/api/cases/c1/referrals').flush([referral({ version: 2 })]);
    await settle();
    expect(q('referral-send-error')).toBeNull();
  });

  it('should mark an underretning with its legal basis, and warn when the consent no longer covers a referral', async () => {
    const { el } = await setup([
      referral({
        id: 'r2',
        status: 'sendt',
        underretning: true,
        underretningReason: 'Serviceloven § 133',
        consentActive: true,
      }),
      referral({ id: 'r3', status: 'accepteret', consentActive: false }),
    ]);
    const [underretning, withdrawn] = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="referral-row"]'));
    expect(underretning.querySelector('[data-testid="referral-underretning"]')?.textContent).toContain('Underretning');
    expect(underretning.querySelector('[data-testid="referral-legal-basis"]')?.textContent).toContain(
      'Serviceloven § 133',
    );
    expect(underretning.querySelector('[data-testid="referral-print"]')?.getAttribute('href')).toBe(
      '/henvisninger/r2/resume',
    );
    expect(underretning.querySelector('[data-testid="referral-withdraw"]')).not.toBeNull();
    expect(withdrawn.querySelector('[data-testid="referral-consent-inactive"]')?.textContent).toContain(
      'Samtykket dækker ikke længere – partneren har ikke adgang',
    );
    expect(withdrawn.querySelector('[data-testid="referral-print"]')).toBeNull();
    expect(withdrawn.querySelector('[data-testid="referral-send"]')).toBeNull();
  });

  it('should give the underretning path to team leads only', async () => {
    const worker = await setup([]);
    expect(worker.q('underretning-open')).toBeNull();
    TestBed.resetTestingModule();
    const lead = await setup([], Role.Teamleder);
    const open = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(undefined) } as MatDialogRef<unknown>);
    lead.q('underretning-open')?.click();
    expect(open).toHaveBeenCalledWith(UnderretningDialog, expect.objectContaining({ data: 'c1' }));
  });
});
