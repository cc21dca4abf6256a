/** Codes the API answers with; the DomainErrorFilter maps each to an HTTP status. */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATE'
  /** A disclosure that no active consent covers (a referral's send). */
  | 'CONSENT_REQUIRED'
  | 'VALIDATION_FAILED'
  /** An uploaded file refused for its size or shape (a limit, the parse time budget). */
  | 'FILE_REJECTED'
  | 'UNAUTHENTICATED'
  | 'INVALID_CREDENTIALS'
  | 'LOGIN_THROTTLED'
  | 'CSRF_REJECTED'
  | 'FORBIDDEN'
  /** A session whose user must change their password first may only do that (and log out, read `me`). */
  | 'PASSWORD_CHANGE_REQUIRED'
  /** An activation link past its 72 hours. */
  | 'ACTIVATION_EXPIRED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: { fields?: Record<string, string[]>; current?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

export const notFound = (what = 'Ressourcen') => new DomainError('NOT_FOUND', `${what} findes ikke.`);

export const versionConflict = (current: unknown) =>
  new DomainError('VERSION_CONFLICT', 'Posten er ændret af en anden. Indlæs den igen, og prøv på ny.', { current });

export const fieldError = (field: string, message: string) =>
  new DomainError('VALIDATION_FAILED', 'Der er fejl i de indtastede oplysninger.', { fields: { [field]: [message] } });
