import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CreateDefinitionRequest,
  DrilldownQuery,
  IndicatorDefinition,
  MyNumbersQuery,
  Report,
  ReportRequest,
  ReproduceResult,
} from '@bofast/contracts';

const BASE = '/api/reports';

export const DEFINITIONS_URL = `${BASE}/definitions`;
export const REPORTS_URL = BASE;
export const TEAMS_URL = '/api/teams';
export const BOLIGORGANISATIONER_URL = '/api/organisations/boligorganisationer';

export type ExportFormat = 'xlsx' | 'csv';

type Params = Record<string, string>;

export function reportUrl(id: string): string {
  return `${BASE}/${encodeURIComponent(id)}`;
}

/** A same-origin link: the browser sends the session cookie and saves the file itself. */
export function reportExportUrl(id: string, format: ExportFormat): string {
  return `${reportUrl(id)}/export?format=${format}`;
}

/** The request of GET /api/reports/mine for httpResource. */
export function myNumbersRequest(query: MyNumbersQuery): { url: string; params: Params } {
  return { url: `${BASE}/mine`, params: { from: query.from, to: query.to } };
}

/** The request of GET /api/reports/drilldown for httpResource; "alle" has no scopeId. */
export function drilldownRequest(query: DrilldownQuery): { url: string; params: Params } {
  const params: Params = { from: query.from, to: query.to, scopeType: query.scopeType, indicator: query.indicator };
  if (query.scopeId) params['scopeId'] = query.scopeId;
  return { url: `${BASE}/drilldown`, params };
}

/** Team-lead reports: generate and store, reproduce, and new versions of the avoided-eviction definition. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  generate(request: ReportRequest): Observable<Report> {
    return this.http.post<Report>(BASE, request);
  }

  reproduce(id: string): Observable<ReproduceResult> {
    return this.http.post<ReproduceResult>(`${reportUrl(id)}/reproduce`, {});
  }

  createDefinition(request: CreateDefinitionRequest): Observable<IndicatorDefinition> {
    return this.http.post<IndicatorDefinition>(DEFINITIONS_URL, request);
  }
}
