/** The roles of Bofast (domain brief §7.5). Codes are stable; labels live in the UI translations. */
export const Role = {
  SocialVicevaert: 'social_vicevaert',
  Beboerraadgiver: 'beboerraadgiver',
  OekonomiskRaadgiver: 'oekonomisk_raadgiver',
  Teamleder: 'teamleder',
  KommunalPartner: 'kommunal_partner',
  Boligorganisation: 'boligorganisation',
  Admin: 'admin',
  Dpo: 'dpo',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

/**
 * The roles that do case work: only they can be made responsible for, assigned or handed a case,
 * udsættelsessag, visit, signal or restance row. The backend passes it to SQL as a text[] parameter.
 */
export const CASE_WORKER_ROLES: readonly Role[] = [
  Role.SocialVicevaert,
  Role.Beboerraadgiver,
  Role.OekonomiskRaadgiver,
  Role.Teamleder,
];
