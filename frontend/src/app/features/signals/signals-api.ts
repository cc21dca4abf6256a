import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CaseDetail,
  ConvertSignalRequest,
  CreateContactAttemptRequest,
  CreateSignalRequest,
  SignalSummary,
  UpdateSignalRequest,
} from '@bofast/contracts';

/** The signals API. */
@Injectable({ providedIn: 'root' })
export class SignalsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateSignalRequest): Observable<SignalSummary> {
    return this.http.post<SignalSummary>('/api/signals', request);
  }

  update(id: string, request: UpdateSignalRequest): Observable<SignalSummary> {
    return this.http.patch<SignalSummary>(`/api/signals/${encodeURIComponent(id)}`, request);
  }

  addContactAttempt(id: string, request: CreateContactAttemptRequest): Observable<SignalSummary> {
    return this.http.post<SignalSummary>(`/api/signals/${encodeURIComponent(id)}/contact-attempts`, request);
  }

  convert(id: string, request: ConvertSignalRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`/api/signals/${encodeURIComponent(id)}/convert`, request);
  }
}
