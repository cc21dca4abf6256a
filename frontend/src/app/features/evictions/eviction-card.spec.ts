import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { of } from 'rxjs';

import { type EvictionCase, Role } from '@bofast/contracts';

import { evictionCase } from '../../../testing/eviction-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { EvictionCard } from './eviction-card';
import { StageDialog } from './stage-dialog';

const PENDING: EvictionCase = evictionCase({
  status: 'afventer_godkendelse',
  outcome: 'undgaaet_betalt',
  flags: { noKommuneNotification: true, noRecentContact: true, lastContactAt: null },
  latestArrears: { listDate: '2026-03-01', amount: 3100, change: 'steget' },
  nextDeadline: { kind: 'paakrav_frist', date: '2026-03-30', time: null, daysLeft: 5, workingDaysLeft: 3 },
  outcomeState: {
    outcome: 'undgaaet_betalt',
    note: 'Betalt i fuldt omfang',
    rehousingNote: null,
    proposedBy: { id: 'worker', displayName: 'Rita Rådgiver' },
    proposedAt: '2026-03-20T10:00:00Z',
    approvedBy: null,
    decidedAt: null,
    returnedReason: null,
  },
});

async function setup(role: Role, eviction: EvictionCase, userId?: string) {
  TestBed.configureTestingModule({ imports: [EvictionCard], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(role, userId ? { id: userId } : {}));
  const fixture = TestBed.createComponent(EvictionCard);
  fixture.componentRef.setInput('evictionId', 'e1');
  fixture.componentRef.setInput('currentCaseId', 'c1');
  const changed = jest.fn();
  fixture.componentInstance.changed.subscribe(changed);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/evictions/e1').flush(eviction);
  fixture.detectChanges();
  await fixture.whenStable();
  const el = fixture.nativeElement as HTMLElement;
  const byId = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (id: string) => byId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const buttons = () => Array.from(el.querySelectorAll('.actions button')).map((b) => b.textContent?.trim());
  return { fixture, http, el, byId, text, buttons, changed };
}

describe(EvictionCard.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should show a proposal awaiting approval with Godkend and Send tilbage for another team lead', async () => {
    const { text, byId, buttons } = await setup(Role.Teamleder, PENDING, 'lead');
    expect(text('eviction-title')).toBe('Udsættelsessag – Fjordvej 3, 1. tv.');
    expect(byId('eviction-title')?.getAttribute('role')).toBe('heading');
    expect(byId('eviction-title')?.getAttribute('aria-level')).toBe('3');
    expect(text('eviction-status')).toBe('Afventer godkendelse');
    expect(text('eviction-flag-kommune')).toBe('Ingen registreret underretning af kommunen');
    expect(text('eviction-flag-contact')).toBe('Ingen kontakt i 14 dage');
    expect(text('eviction-latest-arrears')).toBe('3.100,00 kr. · liste 1. mar. 2026 · Steget');
    expect(text('eviction-next-deadline')).toBe(
      'Påkravets betalingsfrist: man. 30. mar. 2026 · om 5 dage (3 hverdage)',
    );
    expect(text('eviction-outcome-text')).toBe('Undgået – betalt før ophævelse');
    expect(text('eviction-outcome-state')).toMatch(
      /^Foreslået af Rita Rådgiver .+ Afventer godkendelse af en teamleder$/,
    );
    expect(buttons()).toEqual(['Registrér trin', 'Redigér', 'Godkend', 'Send tilbage']);
    expect(byId('eviction-case-link')?.getAttribute('aria-current')).toBe('page');
  });

  it('should not offer Godkend on the team lead’s own proposal', async () => {
    const { byId, buttons } = await setup(Role.Teamleder, PENDING, 'worker');
    expect(buttons()).toEqual(['Registrér trin', 'Redigér', 'Send tilbage']);
    expect(byId('eviction-own-proposal')?.textContent).toContain('En anden teamleder skal godkende det');
  });

  it('should let a caseworker record steps and propose an outcome, but not approve', async () => {
    const { buttons, text } = await setup(Role.SocialVicevaert, evictionCase());
    expect(buttons()).toEqual(['Registrér trin', 'Redigér', 'Foreslå udfald']);
    expect(text('eviction-current-stage')).toBe('Rykker');
  });

  it('should show the returned reason on an open case', async () => {
    const eviction = evictionCase();
    eviction.outcomeState.returnedReason = 'Betalingen er ikke registreret';
    const { text } = await setup(Role.SocialVicevaert, eviction);
    expect(text('eviction-returned')).toBe('Teamlederens begrundelse: Betalingen er ikke registreret');
  });

  it('should offer Genåbn on a closed case and Registrér opfølgning when the check is due', async () => {
    const closed = evictionCase({
      status: 'afsluttet',
      outcome: 'undgaaet_aftale',
      outcomeState: {
        ...PENDING.outcomeState,
        outcome: 'undgaaet_aftale',
        approvedBy: { id: 'lead', displayName: 'Tina Teamleder' },
        decidedAt: '2026-01-05T10:00:00Z',
      },
      sustained: { dueDate: '2026-01-01', checkedAt: null, stillResident: null, source: null, note: null },
    });
    const { buttons, text } = await setup(Role.Teamleder, closed, 'lead');
    expect(buttons()).toEqual(['Genåbn', 'Registrér opfølgning']);
    expect(text('eviction-outcome-state')).toMatch(/^Godkendt af Tina Teamleder .+ foreslået af Rita Rådgiver$/);
  });

  it('should show the warnings of a recorded stage until closed and tell the case page', async () => {
    const { fixture, byId, el, changed } = await setup(Role.SocialVicevaert, evictionCase());
    const open = jest.spyOn(TestBed.inject(MatDialog), 'open').mockReturnValue({
      afterClosed: () =>
        of({
          eviction: evictionCase({ version: 4, currentStage: 'ophaevelse' }),
          warnings: [
            { code: 'before_earliest_ophaevelse', message: 'Ophævelsen er dateret før påkravets frist udløb.' },
          ],
        }),
    } as MatDialogRef<unknown>);
    byId('eviction-record-stage')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(open).toHaveBeenCalledWith(
      StageDialog,
      expect.objectContaining({ data: expect.objectContaining({ version: 3 }) }),
    );
    expect(byId('eviction-warnings')?.getAttribute('role')).toBe('alert');
    expect(byId('eviction-warnings')?.textContent).toContain('Ophævelsen er dateret før påkravets frist udløb.');
    expect(byId('eviction-current-stage')?.textContent?.trim()).toBe('Ophævelse');
    expect(changed).toHaveBeenCalledTimes(1);

    byId('eviction-warnings-close')?.click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="eviction-warnings"]')).toBeNull();
  });

  it('should reload and say so after a version conflict', async () => {
    const { fixture, byId, http, changed } = await setup(Role.SocialVicevaert, evictionCase());
    jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of('conflict') } as MatDialogRef<unknown>);
    const snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    byId('eviction-propose-outcome')?.click();
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/evictions/e1').flush(evictionCase({ version: 4 }));
    expect(snack).toHaveBeenCalledWith(
      'Udsættelsessagen er ændret af en anden. Vi har hentet den nyeste udgave – prøv igen.',
      undefined,
      expect.anything(),
    );
    expect(changed).not.toHaveBeenCalled();
  });
});
