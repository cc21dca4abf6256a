import { HouseholdDetail, HouseholdRelation, PersonSummary, TenancyStatus, TenancySummary } from '@bofast/contracts';

export const PERSON_COLUMNS = `p.id, p.name, p.birth_year, p.phone, p.sms_preferred, p.email, p.preferred_language,
  p.interpreter_needed, p.communication_preference, p.cpr_masked, p.team_id, p.version`;

export const TENANCY_COLUMNS = `l.id, l.address, l.lejemaalsnummer, to_char(l.move_in_date, 'YYYY-MM-DD') AS move_in_date,
  l.status, l.version, a.id AS afdeling_id, a.afdelingsnummer, a.name AS afdeling_name`;

export interface PersonRow {
  id: string;
  name: string;
  birth_year: number | null;
  phone: string | null;
  sms_preferred: boolean;
  email: string | null;
  preferred_language: string | null;
  interpreter_needed: boolean;
  communication_preference: 'skriftlig' | 'mundtlig' | null;
  cpr_masked: string | null;
  team_id: string;
  version: number;
}

export interface TenancyRow {
  id: string;
  address: string;
  lejemaalsnummer: string;
  move_in_date: string | null;
  status: TenancyStatus;
  version: number;
  afdeling_id: string;
  afdelingsnummer: string;
  afdeling_name: string;
}

export function toPerson(r: PersonRow): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    birthYear: r.birth_year,
    phone: r.phone,
    smsPreferred: r.sms_preferred,
    email: r.email,
    preferredLanguage: r.preferred_language,
    interpreterNeeded: r.interpreter_needed,
    communicationPreference: r.communication_preference,
    cprMasked: r.cpr_masked,
    teamId: r.team_id,
    version: r.version,
  };
}

export function toTenancy(r: TenancyRow): TenancySummary {
  return {
    id: r.id,
    afdeling: { id: r.afdeling_id, afdelingsnummer: r.afdelingsnummer, name: r.afdeling_name },
    address: r.address,
    lejemaalsnummer: r.lejemaalsnummer,
    moveInDate: r.move_in_date,
    status: r.status,
    version: r.version,
  };
}

export function toHousehold(
  id: string,
  tenancy: TenancySummary | null,
  members: Array<{ person_id: string; name: string; relation: HouseholdRelation; birth_year: number | null }>,
): HouseholdDetail {
  const year = new Date().getFullYear();
  const order: Record<HouseholdRelation, number> = { lejer: 0, medlejer: 1, andet: 2, barn: 3 };
  return {
    id,
    tenancy,
    members: members
      .map((m) => ({
        personId: m.person_id,
        name: m.name,
        relation: m.relation,
        birthYear: m.birth_year,
        age: m.birth_year ? year - m.birth_year : null,
      }))
      .sort((a, b) => order[a.relation] - order[b.relation] || a.name.localeCompare(b.name, 'da')),
  };
}
