import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import type { Observable } from 'rxjs';

import type {
  CreateEvictionRequest,
  DecideOutcomeRequest,
  EvictionCase,
  EvictionStatus,
  LinkCaseRequest,
  ProposeOutcomeRequest,
  RecordStageRequest,
  RecordStageResponse,
  SustainedCheckRequest,
  UpdateEvictionRequest,
} from '@bofast/contracts';

import { applyServerErrors, readApiError } from '../../core/http/server-errors';

const BASE = '/api/evictions';

/** The filters of GET /api/evictions; the contract's ListEvictionsQuery lacks caseId and tenancyId. */
export interface EvictionListFilter {
  status?: EvictionStatus | 'aktive';
  mine?: boolean;
  caseId?: string;
  tenancyId?: string;
}

export interface UpcomingFilter {
  from?: string;
  to?: string;
  mine?: boolean;
}

type Params = Record<string, string | boolean>;

function params(filter: object): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(filter) as [string, string | boolean | undefined][]) {
    if (value !== undefined && value !== '' && value !== false) out[key] = value;
  }
  return out;
}

export function evictionUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** The request of GET /api/evictions for httpResource. */
export function evictionListRequest(filter: EvictionListFilter): { url: string; params: Params } {
  return { url: BASE, params: params(filter) };
}

/** The request of GET /api/evictions/upcoming for httpResource. */
export function upcomingRequest(filter: UpcomingFilter): { url: string; params: Params } {
  return { url: `${BASE}/upcoming`, params: params(filter) };
}

/** A 409 that means "someone else saved first" (not a refused state change, which is also 409). */
export function isVersionConflict(error: unknown): boolean {
  return (
    error instanceof HttpErrorResponse &&
    error.status === 409 &&
    (error.error as { code?: string } | null)?.code === 'VERSION_CONFLICT'
  );
}

/** The `current` the API sends with a 409: the case as it is now, or `{ id }` of the open one. */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const current = (error.error as { current?: T } | null)?.current;
  return current ?? null;
}

/**
 * The message to show above a dialog's form for a failed request (field errors go on the fields), or
 * null when the error interceptor has already told the user (network and server errors). Check
 * isVersionConflict first: the caller reloads then.
 */
export function dialogErrorMessage(error: unknown, form: FormGroup, fallback: string): string | null {
  if (!(error instanceof HttpErrorResponse) || error.status === 0 || error.status >= 500) return null;
  if (error.status === 400) return applyServerErrors(form, error);
  // A refused state change (409/422) or missing access: the server's own words say why.
  return readApiError(error)?.message ?? fallback;
}

/** Udsættelsessager: the case, its stage chain, the outcome and its approval, the sustained check. */
@Injectable({ providedIn: 'root' })
export class EvictionsApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<EvictionCase> {
    return this.http.get<EvictionCase>(evictionUrl(id));
  }

  create(request: CreateEvictionRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(BASE, request);
  }

  update(id: string, request: UpdateEvictionRequest): Observable<EvictionCase> {
    return this.http.patch<EvictionCase>(evictionUrl(id), request);
  }

  linkCase(id: string, request: LinkCaseRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/cases`, request);
  }

  recordStage(id: string, request: RecordStageRequest): Observable<RecordStageResponse> {
    return this.http.post<RecordStageResponse>(`${evictionUrl(id)}/stages`, request);
  }

  proposeOutcome(id: string, request: ProposeOutcomeRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/outcome`, request);
  }

  approve(id: string, request: DecideOutcomeRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/outcome/approve`, request);
  }

  sendBack(id: string, request: DecideOutcomeRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/outcome/return`, request);
  }

  reopen(id: string, request: DecideOutcomeRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/reopen`, request);
  }

  sustainedCheck(id: string, request: SustainedCheckRequest): Observable<EvictionCase> {
    return this.http.post<EvictionCase>(`${evictionUrl(id)}/sustained-check`, request);
  }
}
