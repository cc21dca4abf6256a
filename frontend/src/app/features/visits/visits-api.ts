import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CompleteVisitRequest,
  CreateVisitRequest,
  ListTasksQuery,
  ListVisitsQuery,
  LocationType,
  Task,
  UpdateTaskRequest,
  Visit,
  VisitStatus,
} from '@bofast/contracts';

import { quietErrorsContext } from '../../core/http/http-context';

type Params = Record<string, string | boolean>;

function params(filter: object): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(filter) as [string, string | boolean | undefined][]) {
    if (value !== undefined && value !== '' && value !== false) out[key] = value;
  }
  return out;
}

/** The order of the status toggles: the usual outcome first. */
export const VISIT_STATUSES: readonly VisitStatus[] = [
  'gennemfoert',
  'ingen_hjemme',
  'afvist_ved_doeren',
  'aflyst',
  'planlagt',
];

export const LOCATION_TYPES: readonly LocationType[] = [
  'hjem',
  'kontor',
  'vaerested',
  'aaben_raadgivning',
  'gaatur',
  'partner',
];

/** Statuses of a visit that took place (or was tried): they have a time it happened. */
export function isHeld(status: VisitStatus): boolean {
  return status !== 'planlagt' && status !== 'aflyst';
}

export function visitStatusClass(status: VisitStatus): string {
  if (status === 'gennemfoert') return 'bf-chip-active';
  if (status === 'planlagt') return 'bf-chip-warn';
  if (status === 'ingen_hjemme' || status === 'afvist_ved_doeren') return 'bf-chip-inactive';
  return 'bf-chip-neutral';
}

/** Today (`YYYY-MM-DD`) in Europe/Copenhagen, the day "Mine besøg i dag" asks the API about. */
export function copenhagenToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** The request of GET /api/visits for httpResource. */
export function visitListRequest(filter: ListVisitsQuery): { url: string; params: Params } {
  return { url: '/api/visits', params: params(filter) };
}

/** The request of GET /api/tasks for httpResource. */
export function taskListRequest(filter: ListTasksQuery): { url: string; params: Params } {
  return { url: '/api/tasks', params: params(filter) };
}

/** Besøg (home visits and meetings) and the follow-up tasks (opfølgning). */
@Injectable({ providedIn: 'root' })
export class VisitsApi {
  private readonly http = inject(HttpClient);

  /** The visit dialog says itself that the visit waits for a connection, so no error snackbar. */
  create(caseId: string, request: CreateVisitRequest): Observable<Visit> {
    return this.http.post<Visit>(`/api/cases/${encodeURIComponent(caseId)}/visits`, request, {
      context: quietErrorsContext(),
    });
  }

  complete(visitId: string, request: CompleteVisitRequest): Observable<Visit> {
    return this.http.post<Visit>(`/api/visits/${encodeURIComponent(visitId)}/complete`, request);
  }

  updateTask(taskId: string, request: UpdateTaskRequest): Observable<Task> {
    return this.http.patch<Task>(`/api/tasks/${encodeURIComponent(taskId)}`, request);
  }
}
