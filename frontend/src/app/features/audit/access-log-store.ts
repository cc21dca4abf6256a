import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { Observable } from 'rxjs';

import type { AccessAction, AccessLogEntry, AccessSubjectType, Page, SubjectAccessExport } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export interface AccessLogFilter {
  action: AccessAction | '';
  subjectType: AccessSubjectType | '';
  subjectId: string;
  // Dates as yyyy-mm-dd from the date inputs; both ends are inclusive, in local time.
  from: string;
  to: string;
}

export const EMPTY_FILTER: AccessLogFilter = {
  action: '',
  subjectType: '',
  subjectId: '',
  from: '',
  to: '',
};

export function exportUrl(subjectType: string, subjectId: string, format?: 'csv'): string {
  const params = new URLSearchParams({ subjectType, subjectId });
  if (format) params.set('format', format);
  return `/api/access-log/export?${params.toString()}`;
}

@Injectable()
export class AccessLogStore {
  private readonly http = inject(HttpClient);

  readonly page = signal(1);
  readonly pageSize = signal(50);
  readonly filter = signal<AccessLogFilter>(EMPTY_FILTER);

  private readonly resource = httpResource<Page<AccessLogEntry>>(() => {
    const filter = this.filter();
    const params: Record<string, string | number> = {
      page: this.page(),
      pageSize: this.pageSize(),
    };
    if (filter.action) params['action'] = filter.action;
    if (filter.subjectType) params['subjectType'] = filter.subjectType;
    if (filter.subjectId.trim()) params['subjectId'] = filter.subjectId.trim();
    if (filter.from) params['from'] = new Date(`${filter.from}T00:00:00`).toISOString();
    if (filter.to) params['to'] = new Date(`${filter.to}T23:59:59.999`).toISOString();
    return { url: '/api/access-log', params, context: pageLoadContext() };
  });

  readonly entries = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  applyFilter(filter: AccessLogFilter): void {
    this.filter.set(filter);
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }

  exportSubject(subjectType: AccessSubjectType, subjectId: string): Observable<SubjectAccessExport> {
    return this.http.get<SubjectAccessExport>(exportUrl(subjectType, subjectId));
  }
}
