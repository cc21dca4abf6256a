import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type Observable, filter, switchMap, takeWhile, timer } from 'rxjs';

import type {
  AssignRowsRequest,
  CaseDetail,
  ContactChannel,
  ContactOutcome,
  ConvertRowRequest,
  ImportPreview,
  ImportProfile,
  OutreachStatus,
  RestanceImportSummary,
  UpdateImportProfileRequest,
  UploadRestanceRequest,
  WorklistRow,
} from '@bofast/contracts';

import { BASE, IMPORT_POLL_MS, isImportFinished, TriageWeightsResponse } from './restance-store';

/** The restanceliste API: imports, profiles, worklist rows and triage weights. */
@Injectable({ providedIn: 'root' })
export class RestanceApi {
  private readonly http = inject(HttpClient);

  preview(request: UploadRestanceRequest): Observable<ImportPreview> {
    return this.http.post<ImportPreview>(`${BASE}/imports/preview`, request);
  }

  commit(request: UploadRestanceRequest): Observable<RestanceImportSummary> {
    return this.http.post<RestanceImportSummary>(`${BASE}/imports`, request);
  }

  getImport(id: string): Observable<RestanceImportSummary> {
    return this.http.get<RestanceImportSummary>(`${BASE}/imports/${encodeURIComponent(id)}`);
  }

  /** Polls an import every second and emits each state until it is committed, unchanged or failed. */
  pollImport(id: string, intervalMs = IMPORT_POLL_MS): Observable<RestanceImportSummary> {
    return timer(intervalMs, intervalMs).pipe(
      switchMap(() => this.getImport(id)),
      filter((summary): summary is RestanceImportSummary => !!summary),
      takeWhile((summary) => !isImportFinished(summary.status), true),
    );
  }

  listImports(boligorganisationId?: string | null): Observable<RestanceImportSummary[]> {
    const params: Record<string, string> = boligorganisationId ? { boligorganisationId } : {};
    return this.http.get<RestanceImportSummary[]>(`${BASE}/imports`, { params });
  }

  getProfile(boligorganisationId: string): Observable<ImportProfile> {
    return this.http.get<ImportProfile>(`${BASE}/profiles/${encodeURIComponent(boligorganisationId)}`);
  }

  updateProfile(boligorganisationId: string, request: UpdateImportProfileRequest): Observable<ImportProfile> {
    return this.http.put<ImportProfile>(`${BASE}/profiles/${encodeURIComponent(boligorganisationId)}`, request);
  }

  assign(request: AssignRowsRequest): Observable<{ assigned: number }> {
    return this.http.post<{ assigned: number }>(`${BASE}/worklist/assign`, request);
  }

  updateOutreach(id: string, outreachStatus: OutreachStatus, version: number): Observable<WorklistRow> {
    return this.http.patch<WorklistRow>(`${BASE}/worklist/${encodeURIComponent(id)}`, { outreachStatus, version });
  }

  addContactAttempt(
    id: string,
    request: { channel: ContactChannel; outcome: ContactOutcome; occurredAt?: string },
  ): Observable<WorklistRow> {
    return this.http.post<WorklistRow>(`${BASE}/worklist/${encodeURIComponent(id)}/contact-attempts`, request);
  }

  convert(id: string, request: ConvertRowRequest): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(`${BASE}/worklist/${encodeURIComponent(id)}/convert`, request);
  }

  getWeights(teamId: string): Observable<TriageWeightsResponse> {
    return this.http.get<TriageWeightsResponse>(`${BASE}/triage-weights`, { params: { teamId } });
  }

  updateWeights(request: TriageWeightsResponse): Observable<TriageWeightsResponse> {
    return this.http.put<TriageWeightsResponse>(`${BASE}/triage-weights`, request);
  }
}
