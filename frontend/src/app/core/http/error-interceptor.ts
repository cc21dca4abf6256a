import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, throwError } from 'rxjs';

import { AuthStore } from '../auth/auth-store';
import { IS_PAGE_LOAD, QUIET_ERRORS, REDIRECT_ON_UNAUTHORIZED } from './http-context';

export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const authStore = inject(AuthStore);
  const snackBar = inject(MatSnackBar);
  const transloco = inject(TranslocoService);

  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        if (error.status === 401 && req.context.get(REDIRECT_ON_UNAUTHORIZED)) {
          authStore.clear();
          const returnUrl = router.url;
          if (!returnUrl.startsWith('/login')) {
            void router.navigate(['/login'], {
              queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {},
            });
          }
        } else if (error.status === 403 && error.error?.code === 'PASSWORD_CHANGE_REQUIRED') {
          // The server allows only the password change until it is done: go there.
          authStore.markMustChangePassword();
          if (!router.url.startsWith('/me')) void router.navigate(['/me']);
        } else if ((error.status === 403 || error.status === 404) && req.context.get(IS_PAGE_LOAD)) {
          // Same page for both, so a 404 never reveals whether something exists.
          void router.navigateByUrl('/not-found', { skipLocationChange: true });
        } else if ((error.status === 0 || error.status >= 500) && !req.context.get(QUIET_ERRORS)) {
          const key =
            error.status === 0 ? 'errors.network' : error.status === 503 ? 'errors.unavailable' : 'errors.server';
          snackBar.open(transloco.translate(key), transloco.translate('common.close'), {
            duration: 8000,
          });
        }
      }
      return throwError(() => error);
    }),
  );
};
