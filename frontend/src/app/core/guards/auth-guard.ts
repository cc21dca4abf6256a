import { inject } from '@angular/core';
import { type CanActivateFn, RedirectCommand, Router } from '@angular/router';

import type { Permission } from '@bofast/contracts';

import { AuthStore } from '../auth/auth-store';

/**
 * Sends anonymous visitors to /login and remembers where they were going. A user who must change their
 * password goes to /me, the one page that works until they have (the server allows nothing else).
 */
export const authGuard: CanActivateFn = (_route, state) => {
  const authStore = inject(AuthStore);
  const router = inject(Router);
  if (authStore.isLoggedIn()) {
    const mustChange = authStore.user()?.mustChangePassword === true;
    return mustChange && !/^\/me([/?#]|$)/.test(state.url) ? router.createUrlTree(['/me']) : true;
  }
  const queryParams = state.url && state.url !== '/' ? { returnUrl: state.url } : {};
  return router.createUrlTree(['/login'], { queryParams });
};

/** Keeps a signed-in user away from the login page. */
export const guestGuard: CanActivateFn = () => {
  const authStore = inject(AuthStore);
  return authStore.isLoggedIn() ? inject(Router).createUrlTree(['/']) : true;
};

/**
 * Lets the route through only when the user holds `permission`; otherwise shows the not-found
 * page at the same URL, so missing access looks the same as a missing page.
 */
export function permissionGuard(permission: Permission): CanActivateFn {
  return () => {
    const authStore = inject(AuthStore);
    if (authStore.can(permission)) return true;
    const router = inject(Router);
    return new RedirectCommand(router.parseUrl('/not-found'), {
      skipLocationChange: true,
    });
  };
}
