import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CaseDetail,
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
import { TIMELINE_PAGE_SIZE, QueryValue, caseListParams } from './cases-store';

/** The cases API. */
@Injectable({ providedIn: 'root' })
export class CasesApi {
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
