import { CurrentUser, getPermissions, UserSummary } from '@bofast/contracts';

import { UserEntity } from './user.entity';

export function toUserSummary(u: UserEntity): UserSummary {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    isActive: u.isActive,
    teams: (u.teams ?? []).map((t) => ({ id: t.id, name: t.name })).sort((a, b) => a.name.localeCompare(b.name, 'da')),
    partnerOrganisation: u.partnerOrganisation
      ? { id: u.partnerOrganisation.id, name: u.partnerOrganisation.name }
      : null,
    boligorganisation: u.boligorganisation ? { id: u.boligorganisation.id, name: u.boligorganisation.name } : null,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    version: u.version,
  };
}

export function toCurrentUser(u: UserEntity): CurrentUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    permissions: [...getPermissions(u.role)],
    teams: (u.teams ?? []).filter((t) => t.isActive).map((t) => ({ id: t.id, name: t.name })),
    partnerOrganisation: u.partnerOrganisation
      ? { id: u.partnerOrganisation.id, name: u.partnerOrganisation.name }
      : null,
    boligorganisation: u.boligorganisation ? { id: u.boligorganisation.id, name: u.boligorganisation.name } : null,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
  };
}
