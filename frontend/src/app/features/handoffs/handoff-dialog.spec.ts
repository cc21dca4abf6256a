import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { type AssignableUser, Role } from '@bofast/contracts';

import { caseDetail, handoff } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { HandoffDialog } from './handoff-dialog';

const USERS: AssignableUser[] = [
  { id: 'u1', displayName: 'Vibeke Vicevært', role: 'social_vicevaert' },
  { id: 'u2', displayName: 'Louise Nielsen', role: 'oekonomisk_raadgiver' },
];

async function setup(teams: { id: string; name: string }[] = []) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [HandoffDialog],
    providers: [
      ...provideAppTesting(),
      { provide: MAT_DIALOG_DATA, useValue: caseDetail() },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  await signIn(createUser(Role.SocialVicevaert, { teams }));
  const fixture = TestBed.createComponent(HandoffDialog);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/cases/assignable-users?teamId=team1').flush(USERS);
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  await settle();
  const el = fixture.nativeElement as HTMLElement;
  const q = (id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const submit = async () => {
    q('handoff-dialog')?.dispatchEvent(new Event('submit'));
    await settle();
  };
  return { fixture, http, el, q, settle, submit, close };
}

describe(HandoffDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should not hand the case over without a handover note', async () => {
    const { fixture, q, submit, http, close } = await setup();
    fixture.componentInstance.form.controls.toUserId.setValue('u2');
    fixture.componentInstance.form.controls.note.setValue('   ');
    await submit();
    expect(q('handoff-note-required')?.textContent).toContain('Skriv en overdragelsesnote');
    http.expectNone('/api/cases/c1/handoffs');
    expect(close).not.toHaveBeenCalled();
  });

  it('should hand the case to a colleague with the note and the case’s version', async () => {
    const { fixture, submit, http, close } = await setup();
    fixture.componentInstance.form.controls.toUserId.setValue('u2');
    fixture.componentInstance.form.controls.note.setValue(' Restancen fylder mest nu. ');
    await submit();
    const request = http.expectOne('/api/cases/c1/handoffs');
    expect(request.request.body).toEqual({
      toUserId: 'u2',
      toTeamId: null,
      note: 'Restancen fylder mest nu.',
      version: 5,
    });
    request.flush(handoff());
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ id: 'hd1' }));
  });

  it('should leave the current worker out and let the user pick another of their teams', async () => {
    const { fixture, http, settle, submit } = await setup([
      { id: 'team1', name: 'Team Engparken' },
      { id: 'team2', name: 'Team Nordbyen' },
    ]);
    const component = fixture.componentInstance as unknown as { users: () => AssignableUser[] };
    expect(component.users().map((u) => u.id)).toEqual(['u2']);
    fixture.componentInstance.form.controls.teamId.setValue('team2');
    fixture.detectChanges();
    TestBed.tick();
    http
      .expectOne('/api/cases/assignable-users?teamId=team2')
      .flush([{ id: 'u1', displayName: 'Vibeke Vicevært', role: 'social_vicevaert' }]);
    await settle();
    expect(component.users().map((u) => u.id)).toEqual(['u1']);
    fixture.componentInstance.form.controls.toUserId.setValue('u1');
    fixture.componentInstance.form.controls.note.setValue('Flytter til Nordbyen');
    await submit();
    const request = http.expectOne('/api/cases/c1/handoffs');
    expect(request.request.body).toMatchObject({ toUserId: 'u1', toTeamId: 'team2' });
    request.flush(handoff({ kind: 'team' }));
  });

  it('should report a stale case version as a conflict', async () => {
    const { fixture, submit, http, close } = await setup();
    fixture.componentInstance.form.controls.toUserId.setValue('u2');
    fixture.componentInstance.form.controls.note.setValue('Note');
    await submit();
    http
      .expectOne('/api/cases/c1/handoffs')
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Posten er ændret af en anden.' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(close).toHaveBeenCalledWith('conflict');
  });
});
