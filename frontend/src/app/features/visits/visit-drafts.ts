import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, Subject, tap } from 'rxjs';

import type { CreateVisitRequest, LocationType, Visit, VisitStatus } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { VisitsApi } from './visits-api';

export const VISIT_DRAFTS_KEY = 'bofast.visitDrafts';
/** How long to wait before sending a queued visit again when no `online` event comes. */
export const VISIT_RETRY_MS = 30_000;

/** The visit dialog's form, as stored on the device. */
export interface VisitFormValue {
  status: VisitStatus;
  occurredAt: string;
  plannedAt: string;
  locationType: LocationType;
  announced: boolean;
  householdIds: string[];
  interpreter: boolean;
  interpreterName: string;
  partnerId: string;
  partnerName: string;
  purpose: string;
  summary: string;
  followUps: { title: string; dueDate: string }[];
}

export type VisitDraftMode = 'log' | 'plan';

/** A visit typed on the device and not yet saved by the server. */
export interface VisitDraft {
  clientId: string;
  caseId: string;
  userId: string | null;
  mode: VisitDraftMode;
  value: VisitFormValue;
  /** The request as the user sent it; set while the visit waits for a connection, so retries send exactly it. */
  request: CreateVisitRequest | null;
  updatedAt: string;
}

/** No connection (status 0) or a failing server: the visit is kept and sent again later. */
export function isRetryable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 0 || error.status >= 500);
}

function isDraft(value: unknown): value is VisitDraft {
  const d = value as Partial<VisitDraft> | null;
  return !!d && typeof d.clientId === 'string' && typeof d.caseId === 'string' && !!d.value;
}

/** A random v4 UUID; `crypto.randomUUID` exists only in secure contexts, so fall back to getRandomValues. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Offline-safe visit drafts. A draft lives in localStorage from the first keystroke until the server has
 * answered 201 with the saved visit; a visit sent without a connection is sent again on the browser's
 * `online` event and on a timer. The server keeps one visit per clientId, so sending twice is safe.
 */
@Injectable({ providedIn: 'root' })
export class VisitDrafts {
  private readonly api = inject(VisitsApi);
  private readonly auth = inject(AuthStore);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly state = signal<VisitDraft[]>(this.read());
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The signed-in user's drafts. */
  readonly drafts = computed(() => {
    const userId = this.auth.user()?.id ?? null;
    return this.state().filter((d) => d.userId === userId);
  });
  /** Visits the user has sent that wait for a connection. */
  readonly queued = computed(() => this.drafts().filter((d) => d.request !== null));
  /** A queued visit the server has now saved (also when it was sent in the background). */
  readonly sent = new Subject<{ draft: VisitDraft; visit: Visit }>();

  constructor() {
    const online = () => this.retryQueued();
    this.window?.addEventListener('online', online);
    inject(DestroyRef).onDestroy(() => {
      this.window?.removeEventListener('online', online);
      this.stopTimer();
    });
    if (this.queued().length > 0) this.scheduleRetry(1000);
  }

  /** The newest draft of the case (reactive). */
  forCase(caseId: string): VisitDraft | null {
    const list = this.drafts().filter((d) => d.caseId === caseId);
    return list.length ? list.reduce((a, b) => (a.updatedAt >= b.updatedAt ? a : b)) : null;
  }

  save(draft: Omit<VisitDraft, 'userId' | 'updatedAt'>): VisitDraft {
    const stored: VisitDraft = { ...draft, userId: this.auth.user()?.id ?? null, updatedAt: new Date().toISOString() };
    this.state.update((list) => [...list.filter((d) => d.clientId !== draft.clientId), stored]);
    this.write();
    return stored;
  }

  remove(clientId: string): void {
    this.state.update((list) => list.filter((d) => d.clientId !== clientId));
    this.write();
  }

  /**
   * Stores the draft with its request, then POSTs it. 201 removes the draft; no connection or a server
   * error keeps it queued and schedules a retry; any other answer turns it back into an editable draft.
   */
  send(draft: Omit<VisitDraft, 'userId' | 'updatedAt'> & { request: CreateVisitRequest }): Observable<Visit> {
    const stored = this.save(draft);
    this.inFlight.add(draft.clientId);
    return this.api.create(draft.caseId, draft.request).pipe(
      tap({
        next: (visit) => {
          this.remove(draft.clientId);
          this.sent.next({ draft: stored, visit });
        },
        error: (error: unknown) => {
          if (isRetryable(error)) {
            this.scheduleRetry(VISIT_RETRY_MS);
          } else if (this.state().some((d) => d.clientId === draft.clientId)) {
            this.save({ ...draft, request: null });
          }
        },
        finalize: () => this.inFlight.delete(draft.clientId),
      }),
    );
  }

  /** Sends every queued visit that is not already on its way. */
  retryQueued(): void {
    this.stopTimer();
    for (const draft of this.queued()) {
      if (this.inFlight.has(draft.clientId) || !draft.request) continue;
      this.send({ ...draft, request: draft.request }).subscribe({ error: () => undefined });
    }
  }

  private scheduleRetry(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.retryQueued();
    }, ms);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private read(): VisitDraft[] {
    // Storage can be disabled (private mode) or hold something else under the key: then there are no drafts.
    try {
      const parsed: unknown = JSON.parse(this.window?.localStorage.getItem(VISIT_DRAFTS_KEY) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isDraft) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    // Best effort: without storage the draft still lives in memory until the page is closed.
    try {
      this.window?.localStorage.setItem(VISIT_DRAFTS_KEY, JSON.stringify(this.state()));
    } catch {
      /* ignore */
    }
  }
}
