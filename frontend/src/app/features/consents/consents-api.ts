import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { Consent, ConsentStatus, CreateConsentRequest, WithdrawConsentRequest } from '@bofast/contracts';

export const CONSENT_DOCUMENT_MAX_BYTES = 5 * 1024 * 1024;
export const CONSENT_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

export function consentStatusClass(status: ConsentStatus): string {
  if (status === 'gyldig') return 'bf-chip-active';
  if (status === 'udloeber_snart') return 'bf-chip-warn';
  return 'bf-chip-inactive';
}

/** The consent API. */
@Injectable({ providedIn: 'root' })
export class ConsentsApi {
  private readonly http = inject(HttpClient);

  create(request: CreateConsentRequest): Observable<Consent> {
    return this.http.post<Consent>('/api/consents', request);
  }

  withdraw(id: string, request: WithdrawConsentRequest): Observable<Consent> {
    return this.http.post<Consent>(`/api/consents/${encodeURIComponent(id)}/withdraw`, request);
  }

  documentUrl(id: string): string {
    return `/api/consents/${encodeURIComponent(id)}/document`;
  }
}
