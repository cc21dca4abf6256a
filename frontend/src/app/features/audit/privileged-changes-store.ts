import { httpResource } from '@angular/common/http';
import { Injectable, computed, signal } from '@angular/core';

import type { Page, PrivilegedChange } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export interface PrivilegedChangesFilter {
  /** Inclusive Danish days, yyyy-mm-dd from the date inputs (the API takes them as they are). */
  from: string;
  to: string;
  actorId: string;
  targetId: string;
}

export const EMPTY_PRIVILEGED_FILTER: PrivilegedChangesFilter = { from: '', to: '', actorId: '', targetId: '' };

@Injectable()
export class PrivilegedChangesStore {
  readonly page = signal(1);
  readonly pageSize = signal(50);
  readonly filter = signal<PrivilegedChangesFilter>(EMPTY_PRIVILEGED_FILTER);

  private readonly resource = httpResource<Page<PrivilegedChange>>(() => {
    const filter = this.filter();
    const params: Record<string, string | number> = { page: this.page(), pageSize: this.pageSize() };
    if (filter.from) params['from'] = filter.from;
    if (filter.to) params['to'] = filter.to;
    if (filter.actorId.trim()) params['actorId'] = filter.actorId.trim();
    if (filter.targetId.trim()) params['targetId'] = filter.targetId.trim();
    return { url: '/api/audit/privileged-changes', params, context: pageLoadContext() };
  });

  readonly changes = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  applyFilter(filter: PrivilegedChangesFilter): void {
    this.filter.set(filter);
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }
}
