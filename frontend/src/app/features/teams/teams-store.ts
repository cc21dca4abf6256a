import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { CreateTeamRequest, TeamSummary, UpdateTeamRequest } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

@Injectable()
export class TeamsStore {
  private readonly http = inject(HttpClient);
  private readonly resource = httpResource<TeamSummary[]>(() => ({
    url: '/api/teams',
    context: pageLoadContext(),
  }));

  readonly teams = computed(() => (this.resource.hasValue() ? this.resource.value() : []));
  readonly isLoading = this.resource.isLoading;

  reload(): void {
    this.resource.reload();
  }

  create(request: CreateTeamRequest): Observable<TeamSummary> {
    return this.http.post<TeamSummary>('/api/teams', request);
  }

  update(id: string, request: UpdateTeamRequest): Observable<TeamSummary> {
    return this.http.patch<TeamSummary>(`/api/teams/${encodeURIComponent(id)}`, request);
  }
}
