import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type CreateReferralRequest,
  DataCategory,
  type PartnerReferral,
  PartnerReferralEnded,
  REFERRAL_TRANSITIONS,
  type Referral,
  type ReferralMessageRequest,
  ReferralMethod,
  type ReferralStatus,
  type ReferralTransitionRequest,
  SHAREABLE_FIELDS,
  type ShareableField,
  type UnderretningRequest,
  type UpdateReferralRequest,
} from '@bofast/contracts';

export const REFERRAL_METHODS: readonly ReferralMethod[] = Object.values(ReferralMethod);

/** Categories offered for a note in the referral dialog; the first ones are always shown. */
export const NOTE_CATEGORIES: readonly DataCategory[] = ['beskaeftigelse', 'oekonomi', 'bolig', 'helbred'];
/** Sensitive categories, shown only when the worker asks for them. */
export const MORE_NOTE_CATEGORIES: readonly DataCategory[] = ['misbrug', 'vold', 'boern', 'straf'];

/** The shareable fields of a data category, in the contract's order. */
export function fieldsOf(category: DataCategory): ShareableField[] {
  return (Object.keys(SHAREABLE_FIELDS) as ShareableField[]).filter((f) => SHAREABLE_FIELDS[f] === category);
}

/** The steps `side` may take from `status`. */
export function transitionsFor(status: ReferralStatus, side: 'team' | 'partner'): ReferralStatus[] {
  return REFERRAL_TRANSITIONS[status].filter((t) => t.by === side).map((t) => t.to);
}

export function referralStatusClass(status: ReferralStatus): string {
  if (status === 'udkast') return 'bf-chip-neutral';
  if (status === 'afvist' || status === 'udeblevet') return 'bf-chip-inactive';
  if (status === 'trukket_tilbage' || status === 'afsluttet') return 'bf-chip-neutral';
  if (status === 'sendt' || status === 'venteliste' || status === 'modtaget') return 'bf-chip-warn';
  return 'bf-chip-active';
}

export function referralUrl(id: string, rest = ''): string {
  return `/api/referrals/${encodeURIComponent(id)}${rest}`;
}

export function partnerReferralUrl(id: string, rest = ''): string {
  return `/api/partner/referrals/${encodeURIComponent(id)}${rest}`;
}

export function caseReferralsUrl(caseId: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/referrals`;
}

/** Henvisninger: the team's side and the partner portal. */
@Injectable({ providedIn: 'root' })
export class ReferralsApi {
  private readonly http = inject(HttpClient);

  create(caseId: string, request: CreateReferralRequest): Observable<Referral> {
    return this.http.post<Referral>(caseReferralsUrl(caseId), request);
  }

  underretning(caseId: string, request: UnderretningRequest): Observable<Referral> {
    return this.http.post<Referral>(`/api/cases/${encodeURIComponent(caseId)}/underretninger`, request);
  }

  update(id: string, request: UpdateReferralRequest): Observable<Referral> {
    return this.http.patch<Referral>(referralUrl(id), request);
  }

  send(id: string, version: number): Observable<Referral> {
    return this.http.post<Referral>(referralUrl(id, '/send'), { version });
  }

  transition(id: string, request: ReferralTransitionRequest): Observable<Referral> {
    return this.http.post<Referral>(referralUrl(id, '/status'), request);
  }

  message(id: string, request: ReferralMessageRequest): Observable<Referral> {
    return this.http.post<Referral>(referralUrl(id, '/messages'), request);
  }

  /** A decline answers with the line only (PartnerReferralEnded): the partner's access ends at once. */
  partnerTransition(
    id: string,
    request: ReferralTransitionRequest,
  ): Observable<PartnerReferral | PartnerReferralEnded> {
    return this.http.post<PartnerReferral | PartnerReferralEnded>(partnerReferralUrl(id, '/status'), request);
  }

  partnerMessage(id: string, request: ReferralMessageRequest): Observable<PartnerReferral> {
    return this.http.post<PartnerReferral>(partnerReferralUrl(id, '/messages'), request);
  }
}
