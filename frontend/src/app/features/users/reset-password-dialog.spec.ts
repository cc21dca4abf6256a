import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';

import { type ActivationLink, Role, type UserSummary } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UsersStore } from './users-store';

const USER: UserSummary = {
  id: 'u1',
  username: 'sara',
  displayName: 'Sara Jensen',
  email: null,
  role: Role.SocialVicevaert,
  isActive: true,
  teams: [],
  partnerOrganisation: null,
  boligorganisation: null,
  lastLoginAt: null,
  version: 3,
};

describe(ResetPasswordDialog.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should ask for no password, and show the new activation link once', async () => {
    const close = jest.fn();
    const dialogRef = { close, disableClose: false };
    TestBed.configureTestingModule({
      imports: [ResetPasswordDialog],
      providers: [
        ...provideAppTesting(),
        {
          provide: UsersStore,
          useFactory: () => {
            const http = inject(HttpClient);
            return { resetPassword: (id: string) => http.post<ActivationLink>(`/api/users/${id}/reset-password`, {}) };
          },
        },
        { provide: MAT_DIALOG_DATA, useValue: USER },
        { provide: MatDialogRef, useValue: dialogRef },
      ],
    });
    const fixture = TestBed.createComponent(ResetPasswordDialog);
    const el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    expect(el.querySelector('input[type="password"]')).toBeNull();
    expect(el.textContent).toContain('Du ser aldrig adgangskoden');

    el.querySelector<HTMLButtonElement>('[data-testid="reset-password-submit"]')?.click();
    const request = TestBed.inject(HttpTestingController).expectOne('/api/users/u1/reset-password');
    expect(request.request.body).toEqual({});
    request.flush({ activationUrl: 'http://bofast.test/aktiver/nyt', expiresAt: '2026-12-11T10:00:00.000Z' });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector<HTMLInputElement>('[data-testid="activation-link"]')?.value).toBe(
      'http://bofast.test/aktiver/nyt',
    );
    expect(dialogRef.disableClose).toBe(true);
    expect(close).not.toHaveBeenCalled();
  });
});
