import { HttpClient } from '@angular/common/http';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';

import { Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { AuthStore } from '../auth/auth-store';
import { pageLoadContext } from './http-context';

describe('errorInterceptor', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: provideAppTesting() });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    await signIn(createUser(Role.Admin));
  });

  afterEach(() => http.verify());

  it('should sign the user out and go to /login when the API answers 401', () => {
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    TestBed.inject(HttpClient)
      .get('/api/users')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(TestBed.inject(AuthStore).user()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: {} });
  });

  it('should go to /me, not the not-found page, when the server requires a password change first', () => {
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const notFound = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    TestBed.inject(HttpClient)
      .get('/api/cases', { context: pageLoadContext() })
      .subscribe({ error: () => undefined });
    http
      .expectOne('/api/cases')
      .flush({ code: 'PASSWORD_CHANGE_REQUIRED', message: 'Skift' }, { status: 403, statusText: 'Forbidden' });
    expect(navigate).toHaveBeenCalledWith(['/me']);
    expect(notFound).not.toHaveBeenCalled();
    expect(TestBed.inject(AuthStore).user()?.mustChangePassword).toBe(true);
  });

  it('should show the not-found page when a page load answers 404', () => {
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    TestBed.inject(HttpClient)
      .get('/api/teams', { context: pageLoadContext() })
      .subscribe({ error: () => undefined });
    http.expectOne('/api/teams').flush(null, { status: 404, statusText: 'Not Found' });
    expect(navigate).toHaveBeenCalledWith('/not-found', {
      skipLocationChange: true,
    });
  });

  it('should show a Danish snackbar when the server fails', () => {
    const open = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    TestBed.inject(HttpClient)
      .get('/api/teams')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/teams').flush(null, { status: 500, statusText: 'Internal Server Error' });
    expect(open).toHaveBeenCalledWith('Der opstod en fejl på serveren. Prøv igen om lidt.', 'Luk', expect.anything());
    expect(TestBed.inject(AuthStore).user()).not.toBeNull();
  });

  it('should say in Danish that Bofast is briefly unavailable when it answers 503 (restart, database away)', () => {
    const open = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    TestBed.inject(HttpClient)
      .get('/api/teams')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/teams').flush(null, { status: 503, statusText: 'Service Unavailable' });
    expect(open).toHaveBeenCalledWith(
      expect.stringMatching(/^Bofast er midlertidigt utilgængelig/),
      'Luk',
      expect.anything(),
    );
    expect(TestBed.inject(AuthStore).user()).not.toBeNull();
  });
});
