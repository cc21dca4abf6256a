import type { ConsentPurpose, DataCategory } from '../consent/consent';

/** Henvisninger (referrals) to partners, the partner portal, and handoffs. See docs/referrals-and-consent.md. */

export const ReferralMethod = {
  Informeret: 'informeret',
  FormidletKontakt: 'formidlet_kontakt',
  Ledsaget: 'ledsaget',
  Bisidder: 'bisidder',
  FormelHenvisning: 'formel_henvisning',
} as const;
export type ReferralMethod = (typeof ReferralMethod)[keyof typeof ReferralMethod];

export const ReferralStatus = {
  Udkast: 'udkast',
  Sendt: 'sendt',
  Modtaget: 'modtaget',
  Accepteret: 'accepteret',
  Afvist: 'afvist',
  Venteliste: 'venteliste',
  ForloebIGang: 'forloeb_i_gang',
  Afsluttet: 'afsluttet',
  Udeblevet: 'udeblevet',
  TrukketTilbage: 'trukket_tilbage',
} as const;
export type ReferralStatus = (typeof ReferralStatus)[keyof typeof ReferralStatus];

/** Who may move a referral where. `team`: the case's workers; `partner`: the recipient's users. */
export const REFERRAL_TRANSITIONS: Readonly<
  Record<ReferralStatus, readonly { to: ReferralStatus; by: 'team' | 'partner' }[]>
> = {
  udkast: [{ to: 'sendt', by: 'team' }],
  sendt: [
    { to: 'modtaget', by: 'partner' },
    { to: 'accepteret', by: 'partner' },
    { to: 'afvist', by: 'partner' },
    { to: 'venteliste', by: 'partner' },
    { to: 'trukket_tilbage', by: 'team' },
  ],
  modtaget: [
    { to: 'accepteret', by: 'partner' },
    { to: 'afvist', by: 'partner' },
    { to: 'venteliste', by: 'partner' },
    { to: 'trukket_tilbage', by: 'team' },
  ],
  venteliste: [
    { to: 'accepteret', by: 'partner' },
    { to: 'afvist', by: 'partner' },
    { to: 'trukket_tilbage', by: 'team' },
  ],
  accepteret: [
    { to: 'forloeb_i_gang', by: 'partner' },
    { to: 'udeblevet', by: 'partner' },
    { to: 'trukket_tilbage', by: 'team' },
  ],
  forloeb_i_gang: [
    { to: 'afsluttet', by: 'partner' },
    { to: 'udeblevet', by: 'partner' },
    { to: 'trukket_tilbage', by: 'team' },
  ],
  afvist: [],
  afsluttet: [],
  udeblevet: [],
  trukket_tilbage: [],
};

/** States in which the loop is still open (the partner owes an answer or an outcome). */
export const OPEN_REFERRAL_STATES: readonly ReferralStatus[] = [
  'sendt',
  'modtaget',
  'venteliste',
  'accepteret',
  'forloeb_i_gang',
];

/**
 * The fields from Bofast a referral can share, each in a data category. Besides these, the worker
 * writes a note per shared category (`notes`, e.g. the employment situation for beskæftigelse).
 * The resident's name and the referral's reason are always shared: without them there is no
 * referral. Everything else is shared only when an active consent covers its category.
 */
export const SHAREABLE_FIELDS = {
  address: 'bolig',
  phone: 'bolig',
  household: 'bolig',
  arrears: 'oekonomi',
  agreements: 'oekonomi',
} as const satisfies Record<string, DataCategory>;
export type ShareableField = keyof typeof SHAREABLE_FIELDS;

export type CategoryNotes = Partial<Record<DataCategory, string>>;

/** The categories a referral shares: those of its fields and of its notes. */
export function sharedCategoriesOf(fields: readonly ShareableField[], notes: CategoryNotes = {}): DataCategory[] {
  const set = new Set<DataCategory>(fields.map((f) => SHAREABLE_FIELDS[f]));
  for (const [category, text] of Object.entries(notes)) if (text && text.trim()) set.add(category as DataCategory);
  return [...set].sort();
}

export const PARTNER_CHANNELS = ['portal', 'sikker_mail', 'telefon'] as const;
export type PartnerChannel = (typeof PARTNER_CHANNELS)[number];

export interface PartnerContact {
  name: string;
  role?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface PartnerDirectoryEntry {
  id: string;
  name: string;
  type: string;
  kommune: string;
  services: string[];
  contacts: PartnerContact[];
  channels: PartnerChannel[];
  /** Days without an answer before the worker gets a follow-up task. */
  responseDays: number;
  version: number;
}

export interface UpdatePartnerRequest {
  services?: string[];
  contacts?: PartnerContact[];
  channels?: PartnerChannel[];
  responseDays?: number;
  version: number;
}

export interface ReferralMessage {
  id: string;
  side: 'team' | 'partner';
  author: string;
  text: string;
  createdAt: string;
}

export interface ReferralStatusEntry {
  status: ReferralStatus;
  at: string;
  by: string;
  side: 'team' | 'partner';
  reason: string | null;
}

/** The referral as the team sees it. */
export interface Referral {
  id: string;
  caseId: string;
  caseNumber: string;
  person: { id: string; name: string };
  partner: { id: string; name: string };
  method: ReferralMethod;
  reason: string;
  purpose: ConsentPurpose;
  sharedCategories: DataCategory[];
  sharedFields: ShareableField[];
  notes: CategoryNotes;
  /** A statutory underretning by a team lead, outside consent: always marked. */
  underretning: boolean;
  underretningReason: string | null;
  consentId: string | null;
  /** Whether the consent that covered it still does (partner access ends the moment it does not). */
  consentActive: boolean;
  status: ReferralStatus;
  statusReason: string | null;
  outcome: string | null;
  sentAt: string | null;
  firstMeetingAt: string | null;
  history: ReferralStatusEntry[];
  messages: ReferralMessage[];
  createdBy: { id: string; displayName: string } | null;
  version: number;
}

export interface CreateReferralRequest {
  partnerId: string;
  method: ReferralMethod;
  reason: string;
  purpose?: ConsentPurpose;
  sharedFields: ShareableField[];
  notes?: CategoryNotes;
}

export interface UpdateReferralRequest {
  method?: ReferralMethod;
  reason?: string;
  sharedFields?: ShareableField[];
  notes?: CategoryNotes;
  version: number;
}

export interface SendReferralRequest {
  version: number;
}

export interface UnderretningRequest {
  partnerId: string;
  reason: string;
  /** Why this cannot wait for consent, e.g. concern for a child (serviceloven § 133). Mandatory. */
  legalBasis: string;
  sharedFields: ShareableField[];
  notes?: CategoryNotes;
}

export interface ReferralTransitionRequest {
  status: ReferralStatus;
  reason?: string | null;
  outcome?: string | null;
  /** forløb i gang: when the first meeting took place. */
  firstMeetingAt?: string | null;
  version: number;
}

export interface ReferralMessageRequest {
  text: string;
}

/** What a partner user sees: the referral and only the consented fields, nothing else of the case. */
/**
 * What a partner may do with a referral, by its state (docs/referrals-and-consent.md): `open` — read,
 * write messages and change status; `read_only` — completed or closed, readable for 30 days after the
 * state change; `ended` — withdrawn or declined: only a line without personal data (PartnerReferralEnded).
 */
export const PartnerAccess = { Open: 'open', ReadOnly: 'read_only', Ended: 'ended' } as const;
export type PartnerAccess = (typeof PartnerAccess)[keyof typeof PartnerAccess];

/** Days a partner keeps read access to a completed or closed referral (and sees an ended one's line). */
export const PARTNER_READ_ONLY_DAYS = 30;

export interface PartnerReferral {
  id: string;
  access: 'open' | 'read_only';
  /** For `read_only`: when the partner's access ends (30 days after the state change). */
  accessEndsAt: string | null;
  status: ReferralStatus;
  method: ReferralMethod;
  reason: string;
  underretning: boolean;
  underretningReason: string | null;
  sentAt: string | null;
  firstMeetingAt: string | null;
  outcome: string | null;
  from: { team: string; worker: string };
  resident: {
    name: string;
    address?: string | null;
    phone?: string | null;
    household?: { name: string; relation: string }[];
    arrears?: { listDate: string; amount: number } | null;
    agreements?: { creditor: string; principal: number; installment: number; status: string }[];
  };
  notes: CategoryNotes;
  sharedCategories: DataCategory[];
  sharedFields: ShareableField[];
  history: ReferralStatusEntry[];
  messages: ReferralMessage[];
  version: number;
}

/** A withdrawn or declined referral in the partner's list: a reference and dates, no personal data. */
export interface PartnerReferralEnded {
  id: string;
  access: 'ended';
  status: 'trukket_tilbage' | 'afvist';
  /** A short reference the partner can quote to the team (the id's first 8 characters). */
  reference: string;
  sentAt: string | null;
  endedAt: string;
}

export type PartnerReferralListItem = PartnerReferral | PartnerReferralEnded;

export const HandoffKind = { Medarbejder: 'medarbejder', Team: 'team' } as const;
export type HandoffKind = (typeof HandoffKind)[keyof typeof HandoffKind];

export interface Handoff {
  id: string;
  caseId: string;
  kind: HandoffKind;
  from: { userId: string; userName: string; teamId: string; teamName: string };
  to: { userId: string; userName: string; teamId: string; teamName: string };
  note: string;
  at: string;
  by: { id: string; displayName: string } | null;
}

export interface CreateHandoffRequest {
  toUserId: string;
  toTeamId?: string | null;
  note: string;
  version: number;
}
