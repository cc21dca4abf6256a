import { AUTH_COOKIE, CSRF_COOKIE } from '@bofast/contracts';
import type { CookieOptions, Request, Response } from 'express';

import type { AppConfig } from '../../config/config';

function base(config: AppConfig, req: Request): CookieOptions {
  const secure = config.COOKIE_SECURE === 'auto' ? req.secure : config.COOKIE_SECURE === 'true';
  return { sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookies(
  config: AppConfig,
  req: Request,
  res: Response,
  token: string,
  csrfToken: string,
  expiresAt: Date,
): void {
  res.cookie(AUTH_COOKIE, token, { ...base(config, req), httpOnly: true, expires: expiresAt });
  res.cookie(CSRF_COOKIE, csrfToken, { ...base(config, req), httpOnly: false, expires: expiresAt });
}

export function setAnonymousCsrfCookie(config: AppConfig, req: Request, res: Response, csrfToken: string): void {
  res.cookie(CSRF_COOKIE, csrfToken, { ...base(config, req), httpOnly: false });
}

export function clearSessionCookies(config: AppConfig, req: Request, res: Response): void {
  res.clearCookie(AUTH_COOKIE, { ...base(config, req), httpOnly: true });
  res.clearCookie(CSRF_COOKIE, { ...base(config, req), httpOnly: false });
}
