import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';

import { CLOSED_CASE_STATUSES, type CaseDetail, type TimelineEvent, type TimelineEventType } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';
import { CasesApi } from './cases-api';

/** One case and its timeline, for the Sag page. */
@Injectable()
export class CaseStore {
  private readonly api = inject(CasesApi);

  readonly id = signal<string | null>(null);
  private readonly resource = httpResource<CaseDetail>(() => {
    const id = this.id();
    return id ? { url: `/api/cases/${encodeURIComponent(id)}`, context: pageLoadContext() } : undefined;
  });

  readonly detail = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  readonly isClosed = computed(() => {
    const detail = this.detail();
    return !!detail && CLOSED_CASE_STATUSES.includes(detail.status);
  });

  readonly events = signal<TimelineEvent[]>([]);
  readonly eventsTotal = signal(0);
  readonly timelineTypes = signal<TimelineEventType[]>([]);
  readonly timelineLoading = signal(false);
  private timelinePage = 1;

  load(id: string): void {
    this.id.set(id);
    this.loadTimeline(true);
  }

  set(detail: CaseDetail): void {
    this.resource.set(detail);
  }

  reload(): void {
    this.resource.reload();
  }

  setTypes(types: TimelineEventType[]): void {
    this.timelineTypes.set(types);
    this.loadTimeline(true);
  }

  loadMore(): void {
    this.timelinePage += 1;
    this.loadTimeline(false);
  }

  /** Reloads the timeline from its first page (after a new event). */
  loadTimeline(reset: boolean): void {
    const id = this.id();
    if (!id) return;
    if (reset) this.timelinePage = 1;
    this.timelineLoading.set(true);
    this.api.timeline(id, this.timelinePage, this.timelineTypes()).subscribe({
      next: (page) => {
        this.timelineLoading.set(false);
        this.events.update((current) => (reset ? page.items : [...current, ...page.items]));
        this.eventsTotal.set(page.total);
      },
      error: () => this.timelineLoading.set(false),
    });
  }
}
