import { Role } from './roles';

/**
 * The permission vocabulary. Every API route names exactly one of these (or is public), and the
 * UI uses the same keys to decide what to show. Keys are dotted `feature.action`.
 */
export const Permission = {
  SelfRead: 'self.read',
  SelfUpdate: 'self.update',
  UserRead: 'user.read',
  UserManage: 'user.manage',
  TeamRead: 'team.read',
  TeamManage: 'team.manage',
  OrganisationRead: 'organisation.read',
  OrganisationManage: 'organisation.manage',
  AccessLogRead: 'access_log.read',
  AccessLogExport: 'access_log.export',
  TenancyRead: 'tenancy.read',
  TenancyWrite: 'tenancy.write',
  PersonRead: 'person.read',
  PersonWrite: 'person.write',
  PersonCprReveal: 'person.cpr_reveal',
  SignalRead: 'signal.read',
  SignalWrite: 'signal.write',
  CaseRead: 'case.read',
  CaseWrite: 'case.write',
  CaseTypeManage: 'case_type.manage',
  ConsentRead: 'consent.read',
  ConsentWrite: 'consent.write',
  RestanceImport: 'restance.import',
  RestanceRead: 'restance.read',
  RestanceWork: 'restance.work',
  RestanceAssign: 'restance.assign',
  RestanceConfigure: 'restance.configure',
  TriageConfigure: 'triage.configure',
  EvictionRead: 'eviction.read',
  EvictionWrite: 'eviction.write',
  EvictionApprove: 'eviction.approve',
  ReferralUnderretning: 'referral.underretning',
  PartnerPortal: 'partner.portal',
  ReportRead: 'report.read',
  ReportOwn: 'report.own',
  ReportDefine: 'report.define',
  JobRead: 'job.read',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const ALL_PERMISSIONS: readonly Permission[] = Object.values(Permission);

const EVERYONE: readonly Permission[] = [Permission.SelfRead, Permission.SelfUpdate];

const CASE_WORKER: readonly Permission[] = [
  ...EVERYONE,
  Permission.OrganisationRead,
  Permission.TenancyRead,
  Permission.TenancyWrite,
  Permission.PersonRead,
  Permission.PersonWrite,
  Permission.SignalRead,
  Permission.SignalWrite,
  Permission.CaseRead,
  Permission.CaseWrite,
  Permission.ConsentRead,
  Permission.ConsentWrite,
  Permission.EvictionRead,
  Permission.EvictionWrite,
  Permission.ReportOwn,
];

// Advisers fill in applications to the kommune and need the full CPR number; field workers do not.
// They also work the monthly restanceliste.
const ADVISER: readonly Permission[] = [
  ...CASE_WORKER,
  Permission.PersonCprReveal,
  Permission.RestanceRead,
  Permission.RestanceWork,
];

/**
 * The one role → permission map. The backend's global AuthGuard reads it for every request;
 * the frontend reads it to build the navigation. Deny by default: a role gets only what is listed.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.SocialVicevaert]: CASE_WORKER,
  [Role.Beboerraadgiver]: ADVISER,
  [Role.OekonomiskRaadgiver]: [...ADVISER, Permission.RestanceImport],
  [Role.Teamleder]: [
    ...ADVISER,
    Permission.TeamRead,
    Permission.UserRead,
    Permission.RestanceImport,
    Permission.RestanceAssign,
    Permission.TriageConfigure,
    Permission.EvictionApprove,
    Permission.ReferralUnderretning,
    Permission.ReportRead,
  ],
  // Partners see only the referrals addressed to their organisation, within consent (the partner portal).
  [Role.KommunalPartner]: [...EVERYONE, Permission.PartnerPortal],
  // The landlord side uploads lists and sees import results, never case content.
  [Role.Boligorganisation]: [...EVERYONE, Permission.RestanceImport],
  [Role.Admin]: [
    ...EVERYONE,
    Permission.UserRead,
    Permission.UserManage,
    Permission.TeamRead,
    Permission.TeamManage,
    Permission.OrganisationRead,
    Permission.OrganisationManage,
    Permission.CaseTypeManage,
    Permission.RestanceConfigure,
    Permission.ReportRead,
    Permission.ReportDefine,
    Permission.JobRead,
  ],
  [Role.Dpo]: [...EVERYONE, Permission.AccessLogRead, Permission.AccessLogExport, Permission.UserRead],
};

/** The permissions a role holds; an unknown role holds none. */
export function getPermissions(role: Role | string | null | undefined): readonly Permission[] {
  if (!role) return [];
  return ROLE_PERMISSIONS[role as Role] ?? [];
}

/** Whether the given permission list (or role) grants `permission`. */
export function hasPermission(
  granted: readonly Permission[] | Role | string | null | undefined,
  permission: Permission,
): boolean {
  const list = Array.isArray(granted) ? granted : getPermissions(granted as string | null);
  return list.includes(permission);
}
