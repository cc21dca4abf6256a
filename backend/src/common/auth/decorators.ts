import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission } from '@bofast/contracts';

export const IS_PUBLIC = 'bofast:isPublic';
export const REQUIRED_PERMISSION = 'bofast:permission';

/** Opts a route out of authentication. The only opt-out: read by AuthGuard before anything else. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The permission a route needs, read by the global AuthGuard after it has found the session.
 * A non-public route without it is denied for everyone (deny by default).
 */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Ikke logget ind' }),
    ApiForbiddenResponse({ description: `Kræver ${permission}` }),
  );

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'bofast:allowedBeforePasswordChange';

/**
 * One of the few routes a session may call while its user must change their password (change it,
 * log out, read or edit `me`). Read by AuthGuard; every other route answers 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
