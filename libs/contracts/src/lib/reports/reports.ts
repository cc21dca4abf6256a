import type { EvictionOutcome, EvictionStage } from '../evictions/evictions';

/** Team-lead reporting: indicators as SQL aggregates, versioned definitions, stored reports. See docs/reporting.md. */

export const ReportScopeType = {
  Team: 'team',
  /** A helhedsplan is carried out by its boligsocial team: the scope is that team's work. */
  Helhedsplan: 'helhedsplan',
  Afdeling: 'afdeling',
  Boligorganisation: 'boligorganisation',
  Alle: 'alle',
} as const;
export type ReportScopeType = (typeof ReportScopeType)[keyof typeof ReportScopeType];

/** intern: for the team (exact counts); ekstern: leaves the team (aggregate, counts 1–4 shown as "<5"). */
export const ReportAudience = { Intern: 'intern', Ekstern: 'ekstern' } as const;
export type ReportAudience = (typeof ReportAudience)[keyof typeof ReportAudience];

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED = '<5' as const;
/** A count, or "<5" when it was suppressed. */
export type Cell = number | typeof SUPPRESSED;

export const DEFAULT_COST_BOLIGORGANISATION = 50_000;
export const DEFAULT_COST_KOMMUNE = 200_000;

/** The rule of "undgået udsættelse", stored as data and versioned. */
export interface AvoidedEvictionRule {
  /** A case is involved once it has reached this stage (or a later one). */
  involvedMinStage: EvictionStage;
  /** Outcomes that count as avoided. */
  avoidedOutcomes: EvictionOutcome[];
  /** Only outcomes a team lead approved count. */
  requireApproval: boolean;
  /** Months until the sustained check. */
  sustainedMonths: number;
}

export interface IndicatorDefinition {
  key: 'undgaaet_udsaettelse';
  version: number;
  description: string;
  rule: AvoidedEvictionRule;
  createdAt: string;
  createdBy: string | null;
}

export interface CreateDefinitionRequest {
  key: 'undgaaet_udsaettelse';
  description: string;
  rule: AvoidedEvictionRule;
}

export interface ReportRequest {
  from: string;
  to: string;
  scopeType: ReportScopeType;
  scopeId?: string | null;
  audience: ReportAudience;
  costBoligorganisation?: number;
  costKommune?: number;
  title?: string | null;
}

export type StageReached = 'paakrav' | 'ophaevelse' | 'fogedret';

export interface ReportResult {
  evictions: {
    involved: Cell;
    avoided: Cell;
    /** avoided / involved, when neither is suppressed. */
    avoidedShare: number | null;
    households: Cell;
    byStage: { stage: StageReached; involved: Cell; avoided: Cell; outcomes: Partial<Record<EvictionOutcome, Cell>> }[];
    /** Involved cases that reached each stage, and those with a decided outcome. */
    funnel: { paakrav: Cell; ophaevelse: Cell; fogedret: Cell; outcome: Cell };
    sustained: { due: Cell; checked: Cell; stillResident: Cell };
    pendingApproval: Cell;
  };
  estimate: {
    avoided: Cell;
    costBoligorganisation: number;
    costKommune: number;
    /** avoided × cost for the boligorganisation, and the same plus up to the kommune's cost. */
    low: number | null;
    high: number | null;
    assumptions: string[];
    caveat: string;
  };
  restance: {
    lists: {
      listDate: string;
      boligorganisation: string;
      rows: Cell;
      amount: number | null;
      new: Cell;
      risen: Cell;
      fallen: Cell;
      unchanged: Cell;
      cleared: Cell;
    }[];
    firstContact: { rows: Cell; medianDays: number | null };
    agreements: { running: Cell; kept: Cell; broken: Cell };
  };
  referrals: {
    byPartner: {
      partner: string;
      sent: Cell;
      accepted: Cell;
      declined: Cell;
      completed: Cell;
      noShow: Cell;
      withdrawn: Cell;
      open: Cell;
      medianResponseDays: number | null;
    }[];
    underretninger: Cell;
  };
  contacts: {
    visits: Cell;
    visitsByStatus: Record<string, Cell>;
    visitsByLocation: Record<string, Cell>;
    contactAttempts: Cell;
    contactAttemptsByOutcome: Record<string, Cell>;
  };
  cases: {
    opened: { type: string; count: Cell }[];
    closed: { type: string; reason: string; count: Cell }[];
  };
  people: {
    /** Distinct persons with a case active in the period or a contact. */
    uniquePersons: Cell;
    uniqueHouseholds: Cell;
    /** Visits + contact attempts in the period. */
    contacts: Cell;
    /** Cases (episodes) active in the period. */
    episodes: Cell;
  };
  trend: { month: string; casesOpened: Cell; contacts: Cell; involved: Cell; avoided: Cell }[];
}

export interface Report {
  id: string;
  title: string | null;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  request: ReportRequest;
  scopeName: string;
  definitions: { key: string; version: number }[];
  result: ReportResult;
}

export interface ReportSummary {
  id: string;
  title: string | null;
  createdAt: string;
  createdBy: string | null;
  from: string;
  to: string;
  scopeType: ReportScopeType;
  scopeName: string;
  audience: ReportAudience;
  definitions: { key: string; version: number }[];
}

export interface ReproduceResult {
  identical: boolean;
  /** Dotted paths of the numbers that differ from the stored report (data corrected since). */
  changed: string[];
  result: ReportResult;
}

export interface DrilldownQuery {
  from: string;
  to: string;
  scopeType: ReportScopeType;
  scopeId?: string | null;
  indicator: 'involved' | 'avoided';
}

export interface DrilldownRow {
  evictionId: string;
  address: string;
  afdeling: string;
  currentStage: EvictionStage | null;
  status: string;
  outcome: EvictionOutcome | null;
  decidedAt: string | null;
  caseIds: string[];
}

export interface MyNumbersQuery {
  from: string;
  to: string;
}
