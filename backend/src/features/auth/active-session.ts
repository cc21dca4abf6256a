import { Role } from '@bofast/contracts';

/** A live session as the auth guard sees it: read by SessionsRepository, kept by SessionCache. */
export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  userId: string;
  username: string;
  role: Role;
  partnerOrganisationId: string | null;
  teamIds: string[];
  /** The user must change their password before anything else (AuthGuard). */
  mustChangePassword: boolean;
}
