import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CreateHandoffRequest, Handoff } from '@bofast/contracts';

export function handoffsUrl(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/handoffs`;
}

/** Overdragelser: a case handed to another worker, or to a worker of another team. */
@Injectable({ providedIn: 'root' })
export class HandoffsApi {
  private readonly http = inject(HttpClient);

  create(caseId: string, request: CreateHandoffRequest): Observable<Handoff> {
    return this.http.post<Handoff>(handoffsUrl(caseId), request);
  }
}
