import { httpResource } from '@angular/common/http';
import { Injectable, computed, signal } from '@angular/core';

import type {
  ImportStatus,
  OutreachStatus,
  Page,
  RestanceChange,
  RestanceField,
  TriageRule,
  TriageWeights,
  WorklistRow,
} from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const BASE = '/api/restance';

export const WORKLIST_PAGE_SIZE = 25;
/** The largest file the browser sends; the API refuses larger bodies anyway. */
export const MAX_RESTANCE_FILE_BYTES = 5 * 1024 * 1024;
export const RESTANCE_FILE_EXTENSIONS = ['.csv', '.xlsx'] as const;
export const IMPORT_POLL_MS = 1000;

export const RESTANCE_CHANGES: readonly RestanceChange[] = ['ny', 'steget', 'faldet', 'uaendret', 'afviklet'];

export const OUTREACH_STATUSES: readonly OutreachStatus[] = [
  'ikke_kontaktet',
  'forsoegt',
  'kontakt',
  'sag_oprettet',
  'afslaaet',
  'betalt_foer_kontakt',
  'ingen_kontakt',
];

export const TRIAGE_RULES: readonly TriageRule[] = [
  'amount',
  'months',
  'paakrav',
  'ophaevelse',
  'children',
  'no_contact',
  'repeat',
  'broken_agreement',
];

export const RESTANCE_FIELDS: readonly RestanceField[] = [
  'afdeling',
  'lejemaalsnummer',
  'tenantNames',
  'address',
  'amount',
  'months',
  'oldestDueDate',
  'paakravDate',
  'ophaevelseDate',
  'hasAgreement',
  'remarks',
];

export const COUNT_KEYS = ['new', 'changed', 'unchanged', 'disappeared', 'rejected', 'total'] as const;

const FINISHED: readonly ImportStatus[] = ['committed', 'unchanged', 'failed'];

export function isImportFinished(status: ImportStatus): boolean {
  return FINISHED.includes(status);
}

/** Chip class for a change: more arrears stand out, less or gone are calm. */
export function changeClass(change: RestanceChange): string {
  if (change === 'ny' || change === 'steget') return 'bf-chip-inactive';
  if (change === 'afviklet' || change === 'faldet') return 'bf-chip-active';
  return 'bf-chip-neutral';
}

export function outreachClass(status: OutreachStatus): string {
  if (status === 'sag_oprettet' || status === 'kontakt') return 'bf-chip-active';
  if (status === 'ikke_kontaktet' || status === 'forsoegt') return 'bf-chip-warn';
  return 'bf-chip-neutral';
}

/** A row the caseworker must not act on: the newest list shows the arrears paid. */
export function isSuperseded(row: Pick<WorklistRow, 'supersededByNewerList' | 'change'>): boolean {
  return row.supersededByNewerList || row.change === 'afviklet';
}

function numberLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'da-DK';
}

/** 2500 → "2.500,00 kr.": Danish kroner in da-DK format, whatever the UI language. */
export function formatKr(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '–';
  const formatted = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    amount,
  );
  return `${formatted} kr.`;
}

/** "2026-11-01" → "november 2026". */
export function formatListMonth(listDate: string, language = 'da'): string {
  const [year, month] = listDate.split('-').map(Number);
  if (!year || !month) return listDate;
  return new Intl.DateTimeFormat(numberLocale(language), { month: 'long', year: 'numeric' }).format(
    new Date(year, month - 1, 1),
  );
}

/** An ISO timestamp as a short local date and time, e.g. "23.11.2026 10.00". */
export function formatTimestamp(iso: string | null, language = 'da'): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(numberLocale(language), { dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** The value of an `<input type="month">` for the current month: "2026-11". */
export function currentMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** Reads a file as base64 without the data-URL prefix. */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export interface TriageWeightsResponse {
  teamId: string;
  weights: TriageWeights;
  version: number;
}

export type WorklistSort = 'priority' | 'amount' | 'months' | 'lejemaalsnummer';

export interface WorklistFilters {
  change: RestanceChange[];
  paakrav: boolean;
  ophaevelse: boolean;
  mine: boolean;
  unassigned: boolean;
  outreachStatus: OutreachStatus | '';
}

const NO_FILTERS: WorklistFilters = {
  change: [],
  paakrav: false,
  ophaevelse: false,
  mine: false,
  unassigned: false,
  outreachStatus: '',
};

/** The query string of GET /api/restance/worklist for the given state. */
export function worklistParams(state: {
  page: number;
  pageSize: number;
  filters: WorklistFilters;
  sort: WorklistSort;
  direction: 'asc' | 'desc';
}): Record<string, string | number | boolean> {
  const { filters } = state;
  const params: Record<string, string | number | boolean> = {
    page: state.page,
    pageSize: state.pageSize,
    sort: state.sort,
    direction: state.direction,
  };
  if (filters.change.length > 0) params['change'] = filters.change.join(',');
  if (filters.paakrav) params['paakrav'] = true;
  if (filters.ophaevelse) params['ophaevelse'] = true;
  if (filters.mine) params['mine'] = true;
  if (filters.unassigned) params['unassigned'] = true;
  if (filters.outreachStatus) params['outreachStatus'] = filters.outreachStatus;
  return params;
}

/** The paged, filtered and sorted worklist on the Restanceliste page. */
@Injectable()
export class WorklistStore {
  readonly page = signal(1);
  readonly pageSize = signal(WORKLIST_PAGE_SIZE);
  readonly filters = signal<WorklistFilters>(NO_FILTERS);
  readonly sort = signal<WorklistSort>('priority');
  readonly direction = signal<'asc' | 'desc'>('desc');

  private readonly resource = httpResource<Page<WorklistRow>>(() => ({
    url: `${BASE}/worklist`,
    params: worklistParams({
      page: this.page(),
      pageSize: this.pageSize(),
      filters: this.filters(),
      sort: this.sort(),
      direction: this.direction(),
    }),
    context: pageLoadContext(),
  }));

  readonly rows = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;
  /** The newest list date among the rows shown. */
  readonly listDate = computed(() =>
    this.rows().reduce<string | null>(
      (latest, row) => (!latest || row.listDate > latest ? row.listDate : latest),
      null,
    ),
  );

  setFilters(change: Partial<WorklistFilters>): void {
    this.filters.update((current) => ({ ...current, ...change }));
    this.page.set(1);
  }

  toggleChange(change: RestanceChange, selected: boolean): void {
    const rest = this.filters().change.filter((c) => c !== change);
    this.setFilters({ change: selected ? [...rest, change] : rest });
  }

  setSort(sort: WorklistSort, direction: 'asc' | 'desc' | ''): void {
    this.sort.set(direction ? sort : 'priority');
    this.direction.set(direction || 'desc');
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }

  reload(): void {
    this.resource.reload();
  }
}
