import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  RedirectCommand,
  Router,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';

import { Permission, Role } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { authGuard, permissionGuard } from './auth-guard';

function runGuard(guard: CanActivateFn, url = '/admin/users') {
  return TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
}

describe('guards', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: provideAppTesting() }));

  describe('permissionGuard', () => {
    it('should show the not-found page at the same URL when the permission is missing', async () => {
      await signIn(createUser(Role.SocialVicevaert));
      const result = runGuard(permissionGuard(Permission.UserRead));
      expect(result).toBeInstanceOf(RedirectCommand);
      const command = result as RedirectCommand;
      expect(TestBed.inject(Router).serializeUrl(command.redirectTo)).toBe('/not-found');
      expect(command.navigationBehaviorOptions?.skipLocationChange).toBe(true);
    });

    it('should allow the route when the user holds the permission', async () => {
      await signIn(createUser(Role.Dpo));
      expect(runGuard(permissionGuard(Permission.AccessLogRead))).toBe(true);
    });

    it('should deny when nobody is signed in', () => {
      expect(runGuard(permissionGuard(Permission.SelfRead))).toBeInstanceOf(RedirectCommand);
    });
  });

  describe('authGuard', () => {
    it('should redirect to /login with the return URL when nobody is signed in', () => {
      const result = runGuard(authGuard, '/admin/users?page=2');
      expect(result).toBeInstanceOf(UrlTree);
      expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe(
        '/login?returnUrl=%2Fadmin%2Fusers%3Fpage%3D2',
      );
    });

    it('should allow the route when a user is signed in', async () => {
      await signIn(createUser(Role.Admin));
      expect(runGuard(authGuard)).toBe(true);
    });

    it('should send a user who must change their password to /me, and let them stay there', async () => {
      await signIn(createUser(Role.Admin, { mustChangePassword: true }));
      const result = runGuard(authGuard, '/cases');
      expect(result).toBeInstanceOf(UrlTree);
      expect(TestBed.inject(Router).serializeUrl(result as UrlTree)).toBe('/me');
      expect(runGuard(authGuard, '/me')).toBe(true);
      expect(runGuard(authGuard, '/mere')).toBeInstanceOf(UrlTree);
    });
  });
});
