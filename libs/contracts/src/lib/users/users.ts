import { Role } from '../roles';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  isActive: boolean;
  teams: { id: string; name: string }[];
  partnerOrganisation: { id: string; name: string } | null;
  /** For the boligorganisation role: whose restancelister the user uploads. */
  boligorganisation: { id: string; name: string } | null;
  lastLoginAt: string | null;
  version: number;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  email?: string | null;
  role: Role;
  teamIds?: string[];
  partnerOrganisationId?: string | null;
  boligorganisationId?: string | null;
}

/**
 * A one-time activation link: shown to the admin once, to hand over in person or by phone. The user
 * sets their own password with it; only a hash of its token is stored.
 */
export interface ActivationLink {
  activationUrl: string;
  expiresAt: string;
}

/** POST /api/users answers the new user and their activation link (shown once). */
export interface CreatedUser extends UserSummary {
  activation: ActivationLink;
}

/** `version` is the one the client read; a stale version is answered with 409. */
export interface UpdateUserRequest {
  displayName?: string;
  email?: string | null;
  role?: Role;
  teamIds?: string[];
  partnerOrganisationId?: string | null;
  boligorganisationId?: string | null;
  isActive?: boolean;
  version: number;
}

export interface ListUsersQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  role?: Role;
  teamId?: string;
  includeInactive?: boolean;
}

/** Kinds of privileged change the DPO sees (GET /api/audit/privileged-changes). */
export const PrivilegedChangeKind = {
  UserCreated: 'user_created',
  UserActivated: 'user_activated',
  ActivationIssued: 'activation_issued',
  RoleChanged: 'role_changed',
  TeamsChanged: 'teams_changed',
  ActiveChanged: 'active_changed',
} as const;
export type PrivilegedChangeKind = (typeof PrivilegedChangeKind)[keyof typeof PrivilegedChangeKind];

export interface PrivilegedChange {
  id: string;
  occurredAt: string;
  kind: PrivilegedChangeKind;
  actor: { id: string | null; username: string };
  target: { id: string | null; username: string };
  /** Role: the role name; teams: team names; active: true/false. Null where the kind has no value. */
  oldValue: string | string[] | boolean | null;
  newValue: string | string[] | boolean | null;
}

export interface ListPrivilegedChangesQuery {
  page?: number;
  pageSize?: number;
  /** Inclusive dates, YYYY-MM-DD (Danish days). */
  from?: string;
  to?: string;
  actorId?: string;
  targetId?: string;
}
