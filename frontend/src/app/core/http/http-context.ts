import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Whether a 401 answer should log the user out and send them to the login page. */
export const REDIRECT_ON_UNAUTHORIZED = new HttpContextToken<boolean>(() => true);

/** Whether the request loads the main data of a page, so 403/404 shows the not-found page. */
export const IS_PAGE_LOAD = new HttpContextToken<boolean>(() => false);

/** Whether the caller tells the user about network and server errors itself (no snackbar). */
export const QUIET_ERRORS = new HttpContextToken<boolean>(() => false);

export function pageLoadContext(): HttpContext {
  return new HttpContext().set(IS_PAGE_LOAD, true);
}

export function noAuthRedirectContext(): HttpContext {
  return new HttpContext().set(REDIRECT_ON_UNAUTHORIZED, false);
}

export function quietErrorsContext(): HttpContext {
  return new HttpContext().set(QUIET_ERRORS, true);
}
