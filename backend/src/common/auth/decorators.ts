import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AccessSubjectType, Permission } from '@bofast/contracts';

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

export const PERSONAL_DATA = 'bofast:personalData';
export const NO_PERSONAL_DATA = 'bofast:noPersonalData';

/** What a route that returns personal data declares: why it is read and about whom. */
export interface PersonalDataDeclaration {
  /** The access-log purpose, exactly as the service writes it. */
  purpose: string;
  /** Whose data: the access-log subject type. */
  subject: AccessSubjectType;
  /**
   * The route parameter that holds the subject's id (e.g. `caseId`). Without it the route is a list or
   * search, logged with action `search` and no subject id.
   */
  param?: string;
}

/**
 * Declares that the route returns (or reveals) personal data. The global PersonalDataInterceptor
 * guarantees an access-log row for every successful call: the service's own entry (written in the same
 * transaction or statement as the read), or, when a service wrote none, one from this declaration.
 * Every route carries exactly one of `@PersonalData` and `@NoPersonalData` (proved by the API suite).
 */
export const PersonalData = (declaration: PersonalDataDeclaration) => SetMetadata(PERSONAL_DATA, declaration);

/** Declares that the route returns no personal data of anyone but, at most, the caller; `reason` says why. */
export const NoPersonalData = (reason: string) => SetMetadata(NO_PERSONAL_DATA, reason);

export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'bofast:allowedBeforePasswordChange';

/**
 * One of the few routes a session may call while its user must change their password (change it,
 * log out, read or edit `me`). Read by AuthGuard; every other route answers 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
