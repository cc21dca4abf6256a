import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';

import { type CreateUserRequest, Role, type UpdateUserRequest, type UserSummary } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { UserDialog, type UserDialogData } from './user-dialog';
import { UsersStore } from './users-store';

const BOLIGORGANISATIONER = [
  { id: 'b1', name: 'Boligselskabet Nord', cvr: null, afdelinger: [] },
  { id: 'b2', name: 'Boligforeningen Syd', cvr: null, afdelinger: [] },
];

const EXISTING: UserSummary = {
  id: 'u1',
  username: 'bolig',
  displayName: 'Bo Ligorg',
  email: null,
  role: Role.Boligorganisation,
  isActive: true,
  teams: [],
  partnerOrganisation: null,
  boligorganisation: { id: 'b2', name: 'Boligforeningen Syd' },
  lastLoginAt: null,
  version: 5,
};

async function setup(data: UserDialogData) {
  const close = jest.fn();
  TestBed.configureTestingModule({
    imports: [UserDialog],
    providers: [
      ...provideAppTesting(),
      // The real store lists users on creation, which would keep the fixture from settling.
      {
        provide: UsersStore,
        useFactory: () => {
          const http = inject(HttpClient);
          return {
            create: (request: CreateUserRequest) => http.post<UserSummary>('/api/users', request),
            update: (id: string, request: UpdateUserRequest) => http.patch<UserSummary>(`/api/users/${id}`, request),
          };
        },
      },
      { provide: MAT_DIALOG_DATA, useValue: data },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(UserDialog);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http.expectOne('/api/teams').flush([]);
  http.expectOne('/api/organisations/partners').flush([]);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="user-dialog-submit"]')?.click();
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const select = (id: string) => loader.getHarness(MatSelectHarness.with({ selector: `[data-testid="${id}"]` }));
  const input = (id: string) => loader.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
  return { fixture, http, loader, el, close, submit, select, input };
}

describe(UserDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should require a boligorganisation for that role and send boligorganisationId', async () => {
    const { http, el, fixture, submit, select, input, close } = await setup({});
    expect(el.querySelector('[data-testid="user-boligorganisation"]')).toBeNull();
    await (await input('user-username')).setValue('nord');
    await (await input('user-display-name')).setValue('Nina Nord');
    const role = await select('user-role');
    await role.open();
    // Choosing the role starts the boligorganisationer request, so click without waiting for stability.
    document.querySelector<HTMLElement>('[data-testid="user-role-option-boligorganisation"]')?.click();
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne('/api/organisations/boligorganisationer').flush(BOLIGORGANISATIONER);
    fixture.detectChanges();
    await fixture.whenStable();

    await submit();
    http.expectNone('/api/users');
    expect(el.querySelector('[data-testid="user-boligorganisation-required"]')?.textContent).toContain('Skal udfyldes');

    const bolig = await select('user-boligorganisation');
    await bolig.open();
    expect(await Promise.all((await bolig.getOptions()).map((o) => o.getText()))).toEqual([
      'Boligselskabet Nord',
      'Boligforeningen Syd',
    ]);
    await bolig.clickOptions({ text: 'Boligselskabet Nord' });
    await submit();
    const request = http.expectOne('/api/users');
    expect(request.request.body).toMatchObject({
      username: 'nord',
      role: Role.Boligorganisation,
      boligorganisationId: 'b1',
      partnerOrganisationId: null,
    });
    expect(request.request.body).not.toHaveProperty('password');
    request.flush({
      ...EXISTING,
      id: 'u2',
      displayName: 'Nina Nord',
      activation: { activationUrl: 'http://bofast.test/aktiver/abc123', expiresAt: '2026-12-11T10:00:00.000Z' },
    });
    fixture.detectChanges();
    await fixture.whenStable();
    // The link is shown once, in the dialog, which stays open until the admin closes it.
    expect(close).not.toHaveBeenCalled();
    expect(el.querySelector<HTMLInputElement>('[data-testid="activation-link"]')?.value).toBe(
      'http://bofast.test/aktiver/abc123',
    );
    expect(el.querySelector('[data-testid="activation-link-panel"]')?.textContent).toContain('Nina Nord');
    el.querySelector<HTMLButtonElement>('[data-testid="activation-link-done"]')?.click();
    expect(close).toHaveBeenCalledWith(true);
  });

  it('should keep the boligorganisation when editing and show server errors under the field', async () => {
    const { http, el, fixture, submit } = await setup({ user: EXISTING });
    TestBed.tick();
    http.expectOne('/api/organisations/boligorganisationer').flush(BOLIGORGANISATIONER);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="user-boligorganisation"]')?.textContent).toContain('Boligforeningen Syd');

    await submit();
    const request = http.expectOne('/api/users/u1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toMatchObject({ boligorganisationId: 'b2', version: 5 });
    request.flush(
      {
        statusCode: 400,
        code: 'validation',
        message: 'Ugyldig',
        fields: { boligorganisationId: ['Boligorganisationen findes ikke'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('Boligorganisationen findes ikke');
    expect(el.querySelector('[data-testid="user-dialog-error"]')).toBeNull();
  });

  it('should not send a boligorganisation for other roles', async () => {
    const { http, submit, select, input } = await setup({});
    await (await input('user-username')).setValue('raad');
    await (await input('user-display-name')).setValue('Rita Rådgiver');
    const role = await select('user-role');
    await role.open();
    await role.clickOptions({ text: 'Beboerrådgiver' });
    await submit();
    const request = http.expectOne('/api/users');
    expect(request.request.body).toMatchObject({ role: Role.Beboerraadgiver, boligorganisationId: null });
    request.flush({
      ...EXISTING,
      role: Role.Beboerraadgiver,
      activation: { activationUrl: 'http://bofast.test/aktiver/x', expiresAt: '2026-12-11T10:00:00.000Z' },
    });
  });
});
