import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { Observable } from 'rxjs';

import type {
  AgreementStatus,
  ApplicationStatus,
  ChangeEconomyStatusRequest,
  CreateAgreementRequest,
  CreateApplicationRequest,
  HelpApplication,
  PaymentAgreement,
} from '@bofast/contracts';

const DANISH_AMOUNT = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$/;

/**
 * "2.500,00", "2500", "2500,5" or "2.500 kr." → 2500 / 2500.5; null when the text is not a Danish amount.
 * Dots are thousands separators and the comma is the decimal sign.
 */
export function parseDanishAmount(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const cleaned = text
    .replace(/kr\.?$/i, '')
    .replace(/[\s\u00a0]/g, '')
    .trim();
  if (!DANISH_AMOUNT.test(cleaned)) return null;
  const value = Number(cleaned.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** `amount` when the text is not a Danish amount, `positive` when it is zero; empty text is left to `required`. */
export function danishAmountValidator(): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const text = (control.value ?? '').trim();
    if (!text) return null;
    const value = parseDanishAmount(text);
    if (value === null) return { amount: true };
    return value > 0 ? null : { positive: true };
  };
}

/** Afdragsordninger and ansøgninger om hjælp on a case. */
@Injectable({ providedIn: 'root' })
export class EconomyApi {
  private readonly http = inject(HttpClient);

  agreementsUrl(caseId: string): string {
    return `/api/cases/${encodeURIComponent(caseId)}/agreements`;
  }

  applicationsUrl(caseId: string): string {
    return `/api/cases/${encodeURIComponent(caseId)}/applications`;
  }

  createAgreement(caseId: string, request: CreateAgreementRequest): Observable<PaymentAgreement> {
    return this.http.post<PaymentAgreement>(this.agreementsUrl(caseId), request);
  }

  changeAgreementStatus(
    caseId: string,
    agreement: PaymentAgreement,
    status: AgreementStatus,
  ): Observable<PaymentAgreement> {
    const body: ChangeEconomyStatusRequest = { status, version: agreement.version };
    return this.http.post<PaymentAgreement>(
      `${this.agreementsUrl(caseId)}/${encodeURIComponent(agreement.id)}/status`,
      body,
    );
  }

  createApplication(caseId: string, request: CreateApplicationRequest): Observable<HelpApplication> {
    return this.http.post<HelpApplication>(this.applicationsUrl(caseId), request);
  }

  changeApplicationStatus(
    caseId: string,
    application: HelpApplication,
    status: ApplicationStatus,
  ): Observable<HelpApplication> {
    const body: ChangeEconomyStatusRequest = { status, version: application.version };
    return this.http.post<HelpApplication>(
      `${this.applicationsUrl(caseId)}/${encodeURIComponent(application.id)}/status`,
      body,
    );
  }
}
