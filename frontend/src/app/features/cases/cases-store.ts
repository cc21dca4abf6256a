import { httpResource } from '@angular/common/http';
import { Injectable, computed, signal } from '@angular/core';

import type { CaseStatus, CaseSummary, ListCasesQuery, Page } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const CASES_PAGE_SIZE = 20;
export const TIMELINE_PAGE_SIZE = 20;

export const CASE_STATUSES: readonly CaseStatus[] = [
  'oprettet',
  'aktiv',
  'handleplan_aktiv',
  'afventer_partner',
  'opfoelgning',
  'i_bero',
  'afbrudt_af_beboer',
  'afsluttet',
];

export function caseStatusClass(status: CaseStatus): string {
  if (status === 'afsluttet') return 'bf-chip-neutral';
  if (status === 'i_bero' || status === 'afbrudt_af_beboer') return 'bf-chip-warn';
  return 'bf-chip-active';
}

export type QueryValue = string | number | boolean;

/** The query parameters of GET /api/cases; left-out filters are not sent. */
export function caseListParams(query: ListCasesQuery): Record<string, QueryValue> {
  const params: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(query) as [string, QueryValue | undefined][]) {
    if (value !== undefined && value !== '') params[key] = value;
  }
  return params;
}

export type CaseSort = NonNullable<ListCasesQuery['sort']>;

/** The filtered, sorted and paged case list on the Sager page. */
@Injectable()
export class CasesListStore {
  readonly page = signal(1);
  readonly pageSize = signal(CASES_PAGE_SIZE);
  readonly mine = signal(true);
  readonly openOnly = signal(true);
  readonly teamId = signal('');
  readonly type = signal('');
  readonly status = signal<CaseStatus | ''>('');
  readonly sort = signal<CaseSort>('updatedAt');
  readonly direction = signal<'asc' | 'desc'>('desc');

  readonly query = computed<ListCasesQuery>(() => ({
    page: this.page(),
    pageSize: this.pageSize(),
    mine: this.mine(),
    open: this.openOnly() || undefined,
    teamId: this.teamId() || undefined,
    type: this.type() || undefined,
    status: this.status() || undefined,
    sort: this.sort(),
    direction: this.direction(),
  }));

  private readonly resource = httpResource<Page<CaseSummary>>(() => ({
    url: '/api/cases',
    params: caseListParams(this.query()),
    context: pageLoadContext(),
  }));

  readonly cases = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  setFilter(change: {
    mine?: boolean;
    openOnly?: boolean;
    teamId?: string;
    type?: string;
    status?: CaseStatus | '';
  }): void {
    if (change.mine !== undefined) this.mine.set(change.mine);
    if (change.openOnly !== undefined) this.openOnly.set(change.openOnly);
    if (change.teamId !== undefined) this.teamId.set(change.teamId);
    if (change.type !== undefined) this.type.set(change.type);
    if (change.status !== undefined) this.status.set(change.status);
    this.page.set(1);
  }

  setSort(sort: CaseSort, direction: 'asc' | 'desc'): void {
    this.sort.set(sort);
    this.direction.set(direction);
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }

  reload(): void {
    this.resource.reload();
  }
}
