import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AddHouseholdMemberRequest,
  CprReveal,
  CreatePersonRequest,
  CreateTenancyRequest,
  HouseholdDetail,
  PersonDetail,
  SearchQuery,
  SearchResult,
  TenancySummary,
  UpdatePersonRequest,
} from '@bofast/contracts';

export const SEARCH_MIN_LENGTH = 2;

/** Residents, tenancies and the search across them. */
@Injectable({ providedIn: 'root' })
export class PeopleApi {
  private readonly http = inject(HttpClient);

  search(query: SearchQuery): Observable<SearchResult> {
    const params: Record<string, string> = {};
    if (query.q) params['q'] = query.q;
    if (query.cpr) params['cpr'] = query.cpr;
    return this.http.get<SearchResult>('/api/search', { params });
  }

  createPerson(request: CreatePersonRequest): Observable<PersonDetail> {
    return this.http.post<PersonDetail>('/api/persons', request);
  }

  updatePerson(id: string, request: UpdatePersonRequest): Observable<PersonDetail> {
    return this.http.patch<PersonDetail>(`/api/persons/${encodeURIComponent(id)}`, request);
  }

  revealCpr(id: string): Observable<CprReveal> {
    return this.http.get<CprReveal>(`/api/persons/${encodeURIComponent(id)}/cpr`);
  }

  createTenancy(request: CreateTenancyRequest): Observable<TenancySummary> {
    return this.http.post<TenancySummary>('/api/tenancies', request);
  }

  addHouseholdMember(tenancyId: string, request: AddHouseholdMemberRequest): Observable<HouseholdDetail> {
    return this.http.post<HouseholdDetail>(
      `/api/tenancies/${encodeURIComponent(tenancyId)}/household/members`,
      request,
    );
  }
}
