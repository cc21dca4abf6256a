import type { ConsentStatus } from '../consent/consent';
import type { HouseholdDetail, PersonSummary, TenancySummary } from '../people/people';

export const BuiltinCaseType = {
  OekonomiRestance: 'oekonomi_restance',
  Udsaettelsestruet: 'udsaettelsestruet',
  Nabokonflikt: 'nabokonflikt',
  Mislighold: 'mislighold',
  SocialStoetteBrobygning: 'social_stoette_brobygning',
} as const;

export interface CaseType {
  code: string;
  labelDa: string;
  labelEn: string;
  isBuiltin: boolean;
  isActive: boolean;
}

export interface AssignableUser {
  id: string;
  displayName: string;
  role: string;
}

export interface CreateCaseTypeRequest {
  code: string;
  labelDa: string;
  labelEn: string;
}

export const CaseStatus = {
  Oprettet: 'oprettet',
  Aktiv: 'aktiv',
  HandleplanAktiv: 'handleplan_aktiv',
  AfventerPartner: 'afventer_partner',
  Opfoelgning: 'opfoelgning',
  IBero: 'i_bero',
  AfbrudtAfBeboer: 'afbrudt_af_beboer',
  Afsluttet: 'afsluttet',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];

/**
 * The case lifecycle (domain brief §7.3), enforced on the server. Any open state may pause
 * (i bero) or end by the resident's withdrawal; closing needs a closure reason. Reopening a closed
 * case creates a new case linked to it, so it is not a transition here.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  oprettet: ['aktiv', 'i_bero', 'afbrudt_af_beboer', 'afsluttet'],
  aktiv: ['handleplan_aktiv', 'i_bero', 'afbrudt_af_beboer', 'afsluttet'],
  handleplan_aktiv: ['afventer_partner', 'opfoelgning', 'i_bero', 'afbrudt_af_beboer', 'afsluttet'],
  afventer_partner: ['handleplan_aktiv', 'opfoelgning', 'i_bero', 'afbrudt_af_beboer', 'afsluttet'],
  opfoelgning: ['handleplan_aktiv', 'afventer_partner', 'i_bero', 'afbrudt_af_beboer', 'afsluttet'],
  i_bero: ['aktiv', 'handleplan_aktiv', 'afbrudt_af_beboer', 'afsluttet'],
  afbrudt_af_beboer: ['afsluttet'],
  afsluttet: [],
};

export const CLOSED_CASE_STATUSES: readonly CaseStatus[] = ['afsluttet'];

export const ClosureReason = {
  MaalNaaet: 'maal_naaet',
  OverdragetStabil: 'overdraget_stabil',
  OenskerIkkeHjaelp: 'oensker_ikke_hjaelp',
  FraflyttetFrivilligt: 'fraflyttet_frivilligt',
  Udsat: 'udsat',
  KontaktMistet: 'kontakt_mistet',
  UdenForMaalgruppe: 'uden_for_maalgruppe',
  Doed: 'doed',
} as const;
export type ClosureReason = (typeof ClosureReason)[keyof typeof ClosureReason];

/** Underlying-issue tags. The sensitive ones (GDPR art. 9/10) are shown only to those on the case. */
export const IssueTag = {
  Jobtab: 'jobtab',
  Skilsmisse: 'skilsmisse',
  Gaeld: 'gaeld',
  Kviklaan: 'kviklaan',
  Ensomhed: 'ensomhed',
  Sprog: 'sprog',
  Laesning: 'laesning',
  Helbred: 'helbred',
  Misbrug: 'misbrug',
  Vold: 'vold',
  Boern: 'boern',
  Straf: 'straf',
} as const;
export type IssueTag = (typeof IssueTag)[keyof typeof IssueTag];
export const SENSITIVE_TAGS: readonly IssueTag[] = ['helbred', 'misbrug', 'vold', 'boern', 'straf'];

export const ActionOwner = { Beboer: 'beboer', Medarbejder: 'medarbejder', Partner: 'partner' } as const;
export type ActionOwner = (typeof ActionOwner)[keyof typeof ActionOwner];

export const ActionStatus = { Planlagt: 'planlagt', IGang: 'i_gang', Udfoert: 'udfoert', Droppet: 'droppet' } as const;
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];

export interface CaseSummary {
  id: string;
  caseNumber: string;
  type: string;
  status: CaseStatus;
  person: { id: string; name: string };
  tenancy: { id: string; address: string } | null;
  team: { id: string; name: string };
  responsible: { id: string; displayName: string };
  openedAt: string;
  closedAt: string | null;
  updatedAt: string;
  version: number;
}

export interface HandleplanGoal {
  id: string;
  text: string;
  createdAt: string;
}

export interface HandleplanAction {
  id: string;
  goalId: string | null;
  description: string;
  owner: ActionOwner;
  ownerName: string | null;
  dueDate: string | null;
  status: ActionStatus;
  version: number;
}

export interface ConsentBanner {
  /** none: no consent at all; otherwise the best status among the person's consents. */
  state: 'none' | ConsentStatus;
  expiresAt: string | null;
}

export interface CaseDetail extends CaseSummary {
  person: PersonSummary;
  household: HouseholdDetail | null;
  tenancy: TenancySummary | null;
  coWorkers: { id: string; displayName: string }[];
  /** Sensitive tags are left out unless the caller is the responsible worker or a co-worker. */
  tags: IssueTag[];
  hiddenSensitiveTags: boolean;
  closureReason: ClosureReason | null;
  reopenedFrom: { id: string; caseNumber: string } | null;
  originSignalId: string | null;
  reviewDate: string | null;
  goals: HandleplanGoal[];
  actions: HandleplanAction[];
  consent: ConsentBanner;
  isMember: boolean;
}

export interface CreateCaseRequest {
  type: string;
  personId: string;
  teamId: string;
  tenancyId?: string | null;
  responsibleId?: string | null;
}

export interface UpdateCaseRequest {
  responsibleId?: string;
  coWorkerIds?: string[];
  tags?: IssueTag[];
  reviewDate?: string | null;
  version: number;
}

export interface ChangeCaseStatusRequest {
  status: CaseStatus;
  closureReason?: ClosureReason | null;
  note?: string | null;
  version: number;
}

export interface ReopenCaseRequest {
  note?: string | null;
}

export interface CreateGoalRequest {
  text: string;
}

export interface CreateActionRequest {
  description: string;
  owner: ActionOwner;
  ownerName?: string | null;
  goalId?: string | null;
  dueDate?: string | null;
}

export interface UpdateActionRequest {
  status?: ActionStatus;
  dueDate?: string | null;
  version: number;
}

export interface ListCasesQuery {
  page?: number;
  pageSize?: number;
  mine?: boolean;
  personId?: string;
  teamId?: string;
  type?: string;
  status?: CaseStatus;
  open?: boolean;
  sort?: 'updatedAt' | 'openedAt' | 'caseNumber' | 'status';
  direction?: 'asc' | 'desc';
}

export const TimelineEventType = {
  Note: 'note',
  ContactAttempt: 'contact_attempt',
  SignalReceived: 'signal_received',
  CaseOpened: 'case_opened',
  StatusChange: 'status_change',
  ConsentGiven: 'consent_given',
  ConsentWithdrawn: 'consent_withdrawn',
  GoalAdded: 'goal_added',
  ActionAdded: 'action_added',
  ActionUpdated: 'action_updated',
  Correction: 'correction',
  ArrearsUpdate: 'arrears_update',
  PaymentAgreement: 'payment_agreement',
  HelpApplication: 'help_application',
  EvictionStage: 'eviction_stage',
  EvictionOutcome: 'eviction_outcome',
  EvictionSustained: 'eviction_sustained',
  EvictionLinked: 'eviction_linked',
  Visit: 'visit',
  Referral: 'referral',
  ReferralMessage: 'referral_message',
  Handoff: 'handoff',
  Task: 'task',
} as const;
export type TimelineEventType = (typeof TimelineEventType)[keyof typeof TimelineEventType];

/** team: everyone who may see the case; case_members: only the responsible worker and co-workers. */
export const Visibility = { Team: 'team', CaseMembers: 'case_members' } as const;
export type Visibility = (typeof Visibility)[keyof typeof Visibility];

export interface TimelineEvent {
  id: string;
  type: TimelineEventType;
  occurredAt: string;
  recordedAt: string;
  author: { id: string; displayName: string } | null;
  visibility: Visibility;
  text: string | null;
  data: Record<string, unknown>;
  correctsEventId: string | null;
  correctedByEventIds: string[];
}

export interface CreateNoteRequest {
  text: string;
  occurredAt?: string;
  visibility?: Visibility;
  /** Set to correct an earlier event: the new event points at it; the old one stays. */
  correctsEventId?: string | null;
}

export interface ListTimelineQuery {
  page?: number;
  pageSize?: number;
  types?: TimelineEventType[] | string;
}
