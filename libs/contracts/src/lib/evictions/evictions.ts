/** Udsættelsessag (eviction case): grounds, the stage chain, outcomes. See docs/evictions.md. */

export const EvictionGround = {
  Restance: 'restance',
  GodSkikOgOrden: 'god_skik_og_orden',
  Mislighold: 'mislighold',
} as const;
export type EvictionGround = (typeof EvictionGround)[keyof typeof EvictionGround];

/** The chain in legal order. The index is the order used for out-of-order warnings. */
export const EVICTION_STAGES = [
  'restance',
  'rykker',
  'paakrav',
  'ophaevelse',
  'kommune_underrettet',
  'begaering_indgivet',
  'retsmoede',
  'udsaettelse_berammet',
] as const;
export type EvictionStage = (typeof EVICTION_STAGES)[number];

export function stageIndex(stage: EvictionStage): number {
  return EVICTION_STAGES.indexOf(stage);
}

export const StageSource = {
  Restanceliste: 'restanceliste',
  Brev: 'brev',
  Beboer: 'beboer',
  Medarbejder: 'medarbejder',
} as const;
export type StageSource = (typeof StageSource)[keyof typeof StageSource];

export const NotifiedBy = {
  Boligorganisation: 'boligorganisation',
  Fogedretten: 'fogedretten',
  Team: 'team',
} as const;
export type NotifiedBy = (typeof NotifiedBy)[keyof typeof NotifiedBy];

export const NotificationChannel = {
  DigitalPost: 'digital_post',
  Brev: 'brev',
  Mail: 'mail',
  Telefon: 'telefon',
  Moede: 'moede',
} as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];

export const EvictionOutcome = {
  UndgaaetBetalt: 'undgaaet_betalt',
  UndgaaetAftale: 'undgaaet_aftale',
  UndgaaetTilbagekaldt: 'undgaaet_tilbagekaldt',
  UndgaaetAfvist: 'undgaaet_afvist',
  FraflyttetFrivilligt: 'fraflyttet_frivilligt',
  Gennemfoert: 'gennemfoert',
  Ukendt: 'ukendt',
} as const;
export type EvictionOutcome = (typeof EvictionOutcome)[keyof typeof EvictionOutcome];

/** "Undgået" outcomes need a team lead's approval before they count. */
export function isAvoided(outcome: EvictionOutcome | null | undefined): boolean {
  return !!outcome && outcome.startsWith('undgaaet_');
}

export const EvictionStatus = {
  Aaben: 'aaben',
  AfventerGodkendelse: 'afventer_godkendelse',
  Afsluttet: 'afsluttet',
} as const;
export type EvictionStatus = (typeof EvictionStatus)[keyof typeof EvictionStatus];

/** Defaults: months until the sustained check; days without contact before a case is flagged. */
export const SUSTAINED_CHECK_MONTHS = 6;
export const NO_CONTACT_FLAG_DAYS = 14;

export interface EvictionStageEntry {
  id: string;
  stage: EvictionStage;
  date: string;
  /** `HH:MM`, for udsættelse berammet. */
  time: string | null;
  amount: number | null;
  source: StageSource;
  /** Kommune notification only. */
  notifiedBy: NotifiedBy | null;
  channel: NotificationChannel | null;
  /** Move-out deadline on an ophævelse. */
  moveOutDate: string | null;
  note: string | null;
  outOfOrder: boolean;
  recordedAt: string;
  recordedBy: { id: string; displayName: string } | null;
}

export type DeadlineKind =
  'paakrav_frist' | 'tidligst_ophaevelse' | 'fraflytning' | 'retsmoede' | 'udsaettelse' | 'opfoelgning';

export interface EvictionDeadline {
  kind: DeadlineKind;
  date: string;
  time: string | null;
  /** Calendar days from today (negative: passed). */
  daysLeft: number;
  /** Working days from today (0 when passed). */
  workingDaysLeft: number;
}

export interface EvictionFlags {
  /** A fogedsag (petition filed or later) with no recorded kommune notification. */
  noKommuneNotification: boolean;
  /** No established contact with the household in the last NO_CONTACT_FLAG_DAYS days. */
  noRecentContact: boolean;
  lastContactAt: string | null;
}

export interface EvictionOutcomeState {
  outcome: EvictionOutcome | null;
  note: string | null;
  rehousingNote: string | null;
  proposedBy: { id: string; displayName: string } | null;
  proposedAt: string | null;
  approvedBy: { id: string; displayName: string } | null;
  decidedAt: string | null;
  /** Set when a team lead sent the proposal back. */
  returnedReason: string | null;
}

export interface SustainedCheck {
  dueDate: string;
  checkedAt: string | null;
  stillResident: boolean | null;
  source: 'restanceliste' | 'medarbejder' | null;
  note: string | null;
}

export interface EvictionSummary {
  id: string;
  tenancy: { id: string; address: string; lejemaalsnummer: string; afdeling: string };
  ground: EvictionGround;
  status: EvictionStatus;
  currentStage: EvictionStage | null;
  responsible: { id: string; displayName: string } | null;
  teamId: string;
  nextDeadline: EvictionDeadline | null;
  flags: EvictionFlags;
  outcome: EvictionOutcome | null;
  version: number;
}

export interface EvictionCase extends EvictionSummary {
  cases: { id: string; caseNumber: string; personName: string; status: string }[];
  stages: EvictionStageEntry[];
  deadlines: EvictionDeadline[];
  outcomeState: EvictionOutcomeState;
  sustained: SustainedCheck | null;
  /** The newest restanceliste row for the tenancy, when lists are imported. */
  latestArrears: { listDate: string; amount: number; change: string } | null;
  createdAt: string;
}

/** One dated item on "Kommende udsættelser" and the month calendar. */
export interface UpcomingEvictionItem {
  evictionId: string;
  address: string;
  afdeling: string;
  responsible: { id: string; displayName: string } | null;
  currentStage: EvictionStage | null;
  deadline: EvictionDeadline;
  flags: EvictionFlags;
}

export interface EvictionStageWarning {
  code: 'out_of_order' | 'date_before_earlier_stage' | 'before_earliest_ophaevelse' | 'future_date';
  message: string;
}

export interface RecordStageResponse {
  eviction: EvictionCase;
  warnings: EvictionStageWarning[];
}

export interface CreateEvictionRequest {
  tenancyId: string;
  caseIds?: string[];
  ground: EvictionGround;
  responsibleId?: string | null;
}

export interface UpdateEvictionRequest {
  ground?: EvictionGround;
  responsibleId?: string | null;
  version: number;
}

export interface RecordStageRequest {
  stage: EvictionStage;
  date: string;
  time?: string | null;
  amount?: number | null;
  source: StageSource;
  notifiedBy?: NotifiedBy | null;
  channel?: NotificationChannel | null;
  moveOutDate?: string | null;
  note?: string | null;
  version: number;
}

export interface ProposeOutcomeRequest {
  outcome: EvictionOutcome;
  note?: string | null;
  rehousingNote?: string | null;
  version: number;
}

export interface DecideOutcomeRequest {
  version: number;
  /** Required when sending back or withdrawing. */
  reason?: string | null;
}

export interface SustainedCheckRequest {
  stillResident: boolean;
  note?: string | null;
  version: number;
}

export interface LinkCaseRequest {
  caseId: string;
  version: number;
}

export interface ListEvictionsQuery {
  status?: EvictionStatus | 'aktive';
  mine?: boolean;
  caseId?: string;
  tenancyId?: string;
}

export interface UpcomingQuery {
  from?: string;
  to?: string;
  mine?: boolean;
}
