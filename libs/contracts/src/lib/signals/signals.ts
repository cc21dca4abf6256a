export const SignalSource = {
  Nabo: 'nabo',
  Drift: 'drift',
  Udlejning: 'udlejning',
  Kommune: 'kommune',
  Frivillig: 'frivillig',
  Selvhenvendelse: 'selvhenvendelse',
  Restanceliste: 'restanceliste',
  AabenRaadgivning: 'aaben_raadgivning',
} as const;
export type SignalSource = (typeof SignalSource)[keyof typeof SignalSource];

export const SignalStatus = {
  Ny: 'ny',
  UnderVurdering: 'under_vurdering',
  Kontaktforsoeg: 'kontaktforsoeg',
  Konverteret: 'konverteret',
  BeboerAfslog: 'beboer_afslog',
  IngenKontakt: 'ingen_kontakt',
  IkkeRelevant: 'ikke_relevant',
  LoestUdenSag: 'loest_uden_sag',
} as const;
export type SignalStatus = (typeof SignalStatus)[keyof typeof SignalStatus];

/** Allowed manual transitions (conversion to a case happens only through the convert action). */
export const SIGNAL_TRANSITIONS: Readonly<Record<SignalStatus, readonly SignalStatus[]>> = {
  ny: ['under_vurdering', 'kontaktforsoeg', 'ikke_relevant', 'loest_uden_sag'],
  under_vurdering: ['kontaktforsoeg', 'ikke_relevant', 'loest_uden_sag', 'beboer_afslog'],
  kontaktforsoeg: ['beboer_afslog', 'ingen_kontakt', 'loest_uden_sag', 'ikke_relevant'],
  konverteret: [],
  beboer_afslog: [],
  ingen_kontakt: ['kontaktforsoeg'],
  ikke_relevant: [],
  loest_uden_sag: [],
};

export const ContactChannel = {
  Doerbank: 'doerbank',
  Telefon: 'telefon',
  Sms: 'sms',
  Brev: 'brev',
  Visitkort: 'visitkort',
  Netvaerk: 'netvaerk',
} as const;
export type ContactChannel = (typeof ContactChannel)[keyof typeof ContactChannel];

export const ContactOutcome = {
  IkkeHjemme: 'ikke_hjemme',
  IngenSvar: 'ingen_svar',
  Afvist: 'afvist',
  KontaktEtableret: 'kontakt_etableret',
  AftaleLavet: 'aftale_lavet',
} as const;
export type ContactOutcome = (typeof ContactOutcome)[keyof typeof ContactOutcome];

export interface ContactAttempt {
  id: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  occurredAt: string;
  authorName: string;
}

export interface SignalSummary {
  id: string;
  source: SignalSource;
  status: SignalStatus;
  description: string;
  reporter: string | null;
  receivedAt: string;
  tenancy: { id: string; address: string; lejemaalsnummer: string } | null;
  person: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  teamId: string;
  caseId: string | null;
  contactAttempts: ContactAttempt[];
  version: number;
}

export interface CreateSignalRequest {
  source: SignalSource;
  teamId: string;
  description: string;
  reporter?: string | null;
  tenancyId?: string | null;
  personId?: string | null;
  assigneeId?: string | null;
  receivedAt?: string;
}

export interface UpdateSignalRequest {
  status?: SignalStatus;
  assigneeId?: string | null;
  version: number;
}

export interface CreateContactAttemptRequest {
  channel: ContactChannel;
  outcome: ContactOutcome;
  occurredAt?: string;
}

export interface ConvertSignalRequest {
  caseType: string;
  /** The case needs a person; give an existing one or a name for a new one. */
  personId?: string | null;
  newPersonName?: string | null;
  version: number;
}

export interface ListSignalsQuery {
  page?: number;
  pageSize?: number;
  status?: SignalStatus;
  mine?: boolean;
  open?: boolean;
}
