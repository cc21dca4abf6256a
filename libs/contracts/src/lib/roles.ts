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
