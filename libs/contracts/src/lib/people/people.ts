export const TenancyStatus = {
  Aktiv: 'aktiv',
  Opsagt: 'opsagt',
  Ophaevet: 'ophaevet',
  Fraflyttet: 'fraflyttet',
  Udsat: 'udsat',
} as const;
export type TenancyStatus = (typeof TenancyStatus)[keyof typeof TenancyStatus];

export const HouseholdRelation = {
  Lejer: 'lejer',
  Medlejer: 'medlejer',
  Barn: 'barn',
  Andet: 'andet',
} as const;
export type HouseholdRelation = (typeof HouseholdRelation)[keyof typeof HouseholdRelation];

/** Whether the person prefers written or spoken information (reading ability). */
export const CommunicationPreference = { Skriftlig: 'skriftlig', Mundtlig: 'mundtlig' } as const;
export type CommunicationPreference = (typeof CommunicationPreference)[keyof typeof CommunicationPreference];

export interface TenancySummary {
  id: string;
  afdeling: { id: string; afdelingsnummer: string; name: string };
  address: string;
  lejemaalsnummer: string;
  moveInDate: string | null;
  status: TenancyStatus;
  version: number;
}

export interface CreateTenancyRequest {
  afdelingId: string;
  address: string;
  lejemaalsnummer: string;
  moveInDate?: string | null;
  status?: TenancyStatus;
}

/**
 * A person as workers see them. `cpr` is always masked ("010190-xxxx") or null; the full number is
 * only returned by the audited reveal endpoint to roles holding person.cpr_reveal.
 */
export interface PersonSummary {
  id: string;
  name: string;
  birthYear: number | null;
  phone: string | null;
  smsPreferred: boolean;
  email: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean;
  communicationPreference: CommunicationPreference | null;
  cprMasked: string | null;
  teamId: string;
  version: number;
}

export interface PersonDetail extends PersonSummary {
  households: HouseholdDetail[];
}

export interface HouseholdMember {
  personId: string;
  name: string;
  relation: HouseholdRelation;
  birthYear: number | null;
  age: number | null;
}

export interface HouseholdDetail {
  id: string;
  tenancy: TenancySummary | null;
  members: HouseholdMember[];
}

export interface CreatePersonRequest {
  name: string;
  teamId: string;
  birthYear?: number | null;
  phone?: string | null;
  smsPreferred?: boolean;
  email?: string | null;
  preferredLanguage?: string | null;
  interpreterNeeded?: boolean;
  communicationPreference?: CommunicationPreference | null;
  /** Optional. DDMMYY-SSSS or DDMMYYSSSS; validated for format and date, never for modulus 11. */
  cpr?: string | null;
  /** Put the person in the household of this tenancy (created when missing). */
  tenancyId?: string | null;
  relation?: HouseholdRelation;
}

export interface UpdatePersonRequest extends Partial<Omit<CreatePersonRequest, 'teamId' | 'tenancyId' | 'relation'>> {
  version: number;
}

export interface AddHouseholdMemberRequest {
  personId: string;
  relation: HouseholdRelation;
}

export interface CprReveal {
  personId: string;
  cpr: string;
}

export interface SearchResult {
  persons: PersonSummary[];
  tenancies: TenancySummary[];
}

export interface SearchQuery {
  q?: string;
  /** Exact CPR match through the blind index; never a partial match. */
  cpr?: string;
}
