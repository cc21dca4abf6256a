import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CaseDetail,
  CaseStatus,
  CaseSummary,
  ChangeCaseStatusRequest,
  CreateActionRequest,
  CreateCaseRequest,
  CreateContactAttemptRequest,
  CreateGoalRequest,
  CreateNoteRequest,
  ListCasesQuery,
  Page,
  ReopenCaseRequest,
  TimelineEvent,
  TimelineEventType,
  UpdateActionRequest,
  UpdateCaseRequest,
} from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const CASES_PAGE_SIZE = 20;
export const TIMELINE_PAGE_SIZE = 20;

export const CASE_STATUSES: readonly CaseStatus[] = [
  'oprettet',
  'aktiv',
  'handleplan_aktiv',
  'afventer_partner',
  'opfoelgning',
  'i_bero',
  'afbrudt_af_beboer',
  'afsluttet',
];

export function caseStatusClass(status: CaseStatus): string {
  if (status === 'afsluttet') return 'bf-chip-neutral';
  if (status === 'i_bero' || status === 'afbrudt_af_beboer') return 'bf-chip-warn';
  return 'bf-chip-active';
}

type QueryValue = string | number | boolean;

/** The query parameters of GET /api/cases; left-out filters are not sent. */
export function caseListParams(query: ListCasesQuery): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query) as [string, QueryValue | undefined][]) {
    if (value !== undefined && value !== '') params[key] = value;
  }
  return params;
}

/** The cases API. */
@Injectable({ providedIn: 'root' })
export class CasesStore {
  private readonly http = inject(HttpClient);

  private url(id: string, rest = ''): string {
    return `/api/cases/${encodeURIComponent(id)}${rest}`;
  }

  list(query: ListCasesQuery): Observable<Page<CaseSummary>> {
    return this.http.get<Page<CaseSummary>>('/api/cases', { params: caseListParams(query) });
  }

  get(id: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(this.url(id), { context: pageLoadContext() });
  }

  create(request: CreateCaseRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>('/api/cases', request);
  }

  update(id: string, request: UpdateCaseRequest): Observable<CaseDetail> {
    return this.http.patch<CaseDetail>(this.url(id), request);
  }

  changeStatus(id: string, request: ChangeCaseStatusRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(this.url(id, '/status'), request);
  }

  reopen(id: string, request: ReopenCaseRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(this.url(id, '/reopen'), request);
  }

  timeline(id: string, page: number, types: readonly TimelineEventType[]): Observable<Page<TimelineEvent>> {
    const params: Record<string, QueryValue> = { page, pageSize: TIMELINE_PAGE_SIZE };
    if (types.length > 0) params['types'] = types.join(',');
    return this.http.get<Page<TimelineEvent>>(this.url(id, '/timeline'), { params });
  }

  addNote(id: string, request: CreateNoteRequest): Observable<TimelineEvent> {
    return this.http.post<TimelineEvent>(this.url(id, '/notes'), request);
  }

  addContactAttempt(id: string, request: CreateContactAttemptRequest): Observable<TimelineEvent> {
    return this.http.post<TimelineEvent>(this.url(id, '/contact-attempts'), request);
  }

  addGoal(id: string, request: CreateGoalRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(this.url(id, '/goals'), request);
  }

  addAction(id: string, request: CreateActionRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(this.url(id, '/actions'), request);
  }

  updateAction(id: string, actionId: string, request: UpdateActionRequest): Observable<CaseDetail> {
    return this.http.patch<CaseDetail>(this.url(id, `/actions/${encodeURIComponent(actionId)}`), request);
  }
}

export type CaseSort = NonNullable<ListCasesQuery['sort']>;

/** The filtered, sorted and paged case list on the Sager page. */
@Injectable()
export class CasesListStore {
  readonly page = signal(1);
  readonly pageSize = signal(CASES_PAGE_SIZE);
  readonly mine = signal(true);
  readonly openOnly = signal(true);
  readonly teamId = signal('');
  readonly type = signal('');
  readonly status = signal<CaseStatus | ''>('');
  readonly sort = signal<CaseSort>('updatedAt');
  readonly direction = signal<'asc' | 'desc'>('desc');

  readonly query = computed<ListCasesQuery>(() => ({
    page: this.page(),
    pageSize: this.pageSize(),
    mine: this.mine(),
    open: this.openOnly() || undefined,
    teamId: this.teamId() || undefined,
    type: this.type() || undefined,
    status: this.status() || undefined,
    sort: this.sort(),
    direction: this.direction(),
  }));

  private readonly resource = httpResource<Page<CaseSummary>>(() => ({
    url: '/api/cases',
    params: caseListParams(this.query()),
    context: pageLoadContext(),
  }));

  readonly cases = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  setFilter(change: {
    mine?: boolean;
    openOnly?: boolean;
    teamId?: string;
    type?: string;
    status?: CaseStatus | '';
  }): void {
    if (change.mine !== undefined) this.mine.set(change.mine);
    if (change.openOnly !== undefined) this.openOnly.set(change.openOnly);
    if (change.teamId !== undefined) this.teamId.set(change.teamId);
    if (change.type !== undefined) this.type.set(change.type);
    if (change.status !== undefined) this.status.set(change.status);
    this.page.set(1);
  }

  setSort(sort: CaseSort, direction: 'asc' | 'desc'): void {
    this.sort.set(sort);
    this.direction.set(direction);
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
