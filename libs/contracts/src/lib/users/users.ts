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
  password: string;
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

export interface ResetPasswordRequest {
  newPassword: string;
}

export interface ListUsersQuery {
  page?: number;
  pageSize?: number;
  search?: string;
  role?: Role;
  teamId?: string;
  includeInactive?: boolean;
}
