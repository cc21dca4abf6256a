import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  ActivationLink,
  CreateUserRequest,
  CreatedUser,
  Page,
  Role,
  UpdateUserRequest,
  UserSummary,
} from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const USERS_PAGE_SIZE = 20;

@Injectable()
export class UsersStore {
  private readonly http = inject(HttpClient);

  readonly page = signal(1);
  readonly pageSize = signal(USERS_PAGE_SIZE);
  readonly search = signal('');
  readonly role = signal<Role | ''>('');
  readonly includeInactive = signal(false);

  private readonly resource = httpResource<Page<UserSummary>>(() => {
    const params: Record<string, string | number | boolean> = {
      page: this.page(),
      pageSize: this.pageSize(),
    };
    const search = this.search().trim();
    if (search) params['search'] = search;
    if (this.role()) params['role'] = this.role();
    if (this.includeInactive()) params['includeInactive'] = true;
    return { url: '/api/users', params, context: pageLoadContext() };
  });

  readonly users = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  setFilter(change: { search?: string; role?: Role | ''; includeInactive?: boolean }): void {
    if (change.search !== undefined) this.search.set(change.search);
    if (change.role !== undefined) this.role.set(change.role);
    if (change.includeInactive !== undefined) this.includeInactive.set(change.includeInactive);
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }

  reload(): void {
    this.resource.reload();
  }

  /** The answer carries the new user's one-time activation link. */
  create(request: CreateUserRequest): Observable<CreatedUser> {
    return this.http.post<CreatedUser>('/api/users', request);
  }

  update(id: string, request: UpdateUserRequest): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`/api/users/${encodeURIComponent(id)}`, request);
  }

  /** Ends the user's password and sessions; answers a new one-time activation link. */
  resetPassword(id: string): Observable<ActivationLink> {
    return this.http.post<ActivationLink>(`/api/users/${encodeURIComponent(id)}/reset-password`, {});
  }
}
