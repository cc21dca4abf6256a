/** Hjemmebesøg and meetings (besøg/møde), and the follow-up tasks. See docs/referrals-and-consent.md. */

export const VisitStatus = {
  Planlagt: 'planlagt',
  Gennemfoert: 'gennemfoert',
  IngenHjemme: 'ingen_hjemme',
  Aflyst: 'aflyst',
  AfvistVedDoeren: 'afvist_ved_doeren',
} as const;
export type VisitStatus = (typeof VisitStatus)[keyof typeof VisitStatus];

/** A planned visit ends in exactly one of these; the others are final. */
export const VISIT_TRANSITIONS: Readonly<Record<VisitStatus, readonly VisitStatus[]>> = {
  planlagt: ['gennemfoert', 'ingen_hjemme', 'aflyst', 'afvist_ved_doeren'],
  gennemfoert: [],
  ingen_hjemme: [],
  aflyst: [],
  afvist_ved_doeren: [],
};

export const LocationType = {
  Hjem: 'hjem',
  Kontor: 'kontor',
  Vaerested: 'vaerested',
  AabenRaadgivning: 'aaben_raadgivning',
  Gaatur: 'gaatur',
  Partner: 'partner',
} as const;
export type LocationType = (typeof LocationType)[keyof typeof LocationType];

export interface VisitParticipant {
  kind: 'husstand' | 'tolk' | 'partner' | 'kollega';
  /** husstand: the household member (person); kollega: the user. */
  personId?: string | null;
  userId?: string | null;
  /** partner: the organisation, which needs a consent for "tredjepart ved besøg". */
  partnerOrganisationId?: string | null;
  name?: string | null;
}

export interface Visit {
  id: string;
  caseId: string;
  caseNumber: string;
  personName: string;
  address: string | null;
  status: VisitStatus;
  plannedAt: string | null;
  occurredAt: string | null;
  locationType: LocationType;
  announced: boolean;
  participants: (VisitParticipant & { displayName: string })[];
  purpose: string | null;
  summary: string | null;
  followUps: Task[];
  author: { id: string; displayName: string } | null;
  clientId: string | null;
  version: number;
}

export interface CreateVisitRequest {
  /** A random id from the device: sending the same draft twice creates one visit (offline drafts). */
  clientId?: string | null;
  status: VisitStatus;
  plannedAt?: string | null;
  occurredAt?: string | null;
  locationType: LocationType;
  announced: boolean;
  participants?: VisitParticipant[];
  purpose?: string | null;
  summary?: string | null;
  followUps?: { title: string; dueDate: string }[];
}

export interface CompleteVisitRequest {
  status: VisitStatus;
  occurredAt?: string | null;
  summary?: string | null;
  participants?: VisitParticipant[];
  followUps?: { title: string; dueDate: string }[];
  version: number;
}

export interface ListVisitsQuery {
  /** `YYYY-MM-DD`: visits planned or held on that day. */
  date?: string;
  mine?: boolean;
  status?: VisitStatus;
  caseId?: string;
}

export const TaskStatus = { Aaben: 'aaben', Udfoert: 'udfoert' } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

export const TaskSource = {
  Besoeg: 'besoeg',
  Henvisning: 'henvisning',
  Medarbejder: 'medarbejder',
} as const;
export type TaskSource = (typeof TaskSource)[keyof typeof TaskSource];

/** Opfølgning: a follow-up for a worker on a case (from a visit, or a referral nobody answered). */
export interface Task {
  id: string;
  caseId: string;
  caseNumber: string;
  title: string;
  dueDate: string;
  assignee: { id: string; displayName: string } | null;
  status: TaskStatus;
  source: TaskSource;
  sourceId: string | null;
  version: number;
}

export interface ListTasksQuery {
  mine?: boolean;
  status?: TaskStatus;
  caseId?: string;
}

export interface UpdateTaskRequest {
  status: TaskStatus;
  version: number;
}
