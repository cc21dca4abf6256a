/** The columns Bofast reads from a boligorganisation's restanceliste (rent-arrears list). */
export const RestanceField = {
  Afdeling: 'afdeling',
  Lejemaalsnummer: 'lejemaalsnummer',
  TenantNames: 'tenantNames',
  Address: 'address',
  Amount: 'amount',
  Months: 'months',
  OldestDueDate: 'oldestDueDate',
  PaakravDate: 'paakravDate',
  OphaevelseDate: 'ophaevelseDate',
  HasAgreement: 'hasAgreement',
  Remarks: 'remarks',
} as const;
export type RestanceField = (typeof RestanceField)[keyof typeof RestanceField];

export const REQUIRED_RESTANCE_FIELDS: readonly RestanceField[] = ['afdeling', 'lejemaalsnummer', 'amount'];

/** Header aliases per field, matched case- and accent-insensitively after trimming. */
export type ColumnAliases = Record<RestanceField, string[]>;

export interface ImportProfile {
  boligorganisationId: string;
  aliases: ColumnAliases;
  isDefault: boolean;
  version: number;
}

export interface UpdateImportProfileRequest {
  aliases: ColumnAliases;
  version: number;
}

/** How a tenancy's arrears changed since the previous committed list of the same boligorganisation. */
export const RestanceChange = {
  Ny: 'ny',
  Steget: 'steget',
  Faldet: 'faldet',
  Uaendret: 'uaendret',
  Afviklet: 'afviklet',
} as const;
export type RestanceChange = (typeof RestanceChange)[keyof typeof RestanceChange];

export const OutreachStatus = {
  IkkeKontaktet: 'ikke_kontaktet',
  Forsoegt: 'forsoegt',
  Kontakt: 'kontakt',
  SagOprettet: 'sag_oprettet',
  Afslaaet: 'afslaaet',
  BetaltFoerKontakt: 'betalt_foer_kontakt',
  IngenKontakt: 'ingen_kontakt',
} as const;
export type OutreachStatus = (typeof OutreachStatus)[keyof typeof OutreachStatus];

export interface RowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportCounts {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
  disappeared: number;
  rejected: number;
}

export const ImportStatus = {
  Queued: 'queued',
  Running: 'running',
  Committed: 'committed',
  Unchanged: 'unchanged',
  Failed: 'failed',
} as const;
export type ImportStatus = (typeof ImportStatus)[keyof typeof ImportStatus];

export interface UploadRestanceRequest {
  boligorganisationId: string;
  /** The month the list is for, first day: 2026-11-01. */
  listDate: string;
  filename: string;
  base64: string;
}

export interface ImportPreview {
  filename: string;
  fileHash: string;
  alreadyImported: boolean;
  counts: ImportCounts;
  errors: RowError[];
  missingColumns: RestanceField[];
  detected: { encoding: string; delimiter: string | null; format: 'csv' | 'xlsx'; headerRow: number };
}

export interface RestanceImportSummary {
  id: string;
  boligorganisation: { id: string; name: string };
  listDate: string;
  filename: string;
  status: ImportStatus;
  progress: { done: number; total: number };
  counts: ImportCounts | null;
  errors: RowError[];
  error: string | null;
  createdAt: string;
  committedAt: string | null;
  /** A committed list's state: derived from its rows, never stored (null until committed). */
  listState: RestanceListState | null;
  /**
   * When retention deleted the raw file and anonymised the rows that never became a case (see
   * RESTANCE_RETENTION_MONTHS); null while the list is kept whole.
   */
  purgedAt: string | null;
}

/**
 * modtaget (received) → fordelt (every row assigned) → bearbejdet (every row contacted or settled)
 * → lukket (a newer list of the boligorganisation has replaced it). Domain brief §7.3.
 */
export const RestanceListState = {
  Modtaget: 'modtaget',
  Fordelt: 'fordelt',
  Bearbejdet: 'bearbejdet',
  Lukket: 'lukket',
} as const;
export type RestanceListState = (typeof RestanceListState)[keyof typeof RestanceListState];

export interface PriorityReason {
  rule: TriageRule;
  points: number;
  detail: string;
}

export const TriageRule = {
  Amount: 'amount',
  Months: 'months',
  Paakrav: 'paakrav',
  Ophaevelse: 'ophaevelse',
  Children: 'children',
  NoContact: 'no_contact',
  Repeat: 'repeat',
  BrokenAgreement: 'broken_agreement',
} as const;
export type TriageRule = (typeof TriageRule)[keyof typeof TriageRule];

/** Points per rule; a team lead edits them. Amount gives `amount` points per started 1.000 kr. */
export type TriageWeights = Record<TriageRule, number>;

export const DEFAULT_TRIAGE_WEIGHTS: TriageWeights = {
  amount: 2,
  months: 5,
  paakrav: 20,
  ophaevelse: 40,
  children: 10,
  no_contact: 5,
  repeat: 5,
  broken_agreement: 15,
};

export interface WorklistRow {
  id: string;
  importId: string;
  listDate: string;
  afdelingsnummer: string;
  lejemaalsnummer: string;
  tenancyId: string | null;
  tenantNames: string;
  address: string | null;
  amount: number;
  previousAmount: number | null;
  months: number | null;
  oldestDueDate: string | null;
  paakravDate: string | null;
  ophaevelseDate: string | null;
  hasAgreement: boolean;
  change: RestanceChange;
  repeatCount: number;
  priority: number;
  reasons: PriorityReason[];
  outreachStatus: OutreachStatus;
  attempts: number;
  assignee: { id: string; displayName: string } | null;
  caseId: string | null;
  /** A newer list no longer has arrears for this tenancy: do not knock on a door that has paid. */
  supersededByNewerList: boolean;
  version: number;
}

export interface ListWorklistQuery {
  page?: number;
  pageSize?: number;
  boligorganisationId?: string;
  change?: RestanceChange[] | string;
  paakrav?: boolean;
  ophaevelse?: boolean;
  outreachStatus?: OutreachStatus;
  assigneeId?: string;
  mine?: boolean;
  unassigned?: boolean;
  sort?: 'priority' | 'amount' | 'months' | 'lejemaalsnummer';
  direction?: 'asc' | 'desc';
}

export interface AssignRowsRequest {
  rowIds: string[];
  assigneeId: string | null;
}

export interface UpdateRowOutreachRequest {
  outreachStatus: OutreachStatus;
  version: number;
}

export interface ConvertRowRequest {
  personName?: string | null;
  personId?: string | null;
  version: number;
}

/** A rejected row corrected by hand; values are typed as in the file (Danish formats accepted). */
export interface CorrectRowRequest {
  afdeling: string;
  lejemaalsnummer: string;
  tenantNames?: string | null;
  address?: string | null;
  amount: string;
  months?: string | null;
  oldestDueDate?: string | null;
  paakravDate?: string | null;
  ophaevelseDate?: string | null;
  hasAgreement?: boolean;
}

export interface RejectedRow {
  id: string;
  importId: string;
  rowNumber: number;
  raw: Record<string, unknown>;
  errors: RowError[];
}
