import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import {
  type AfdelingSummary,
  type BoligorganisationSummary,
  type CreateAfdelingRequest,
  type CreateBoligorganisationRequest,
  type CreatePartnerOrganisationRequest,
  type PartnerOrganisationSummary,
  PartnerType,
} from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const PARTNER_TYPES: readonly PartnerType[] = Object.values(PartnerType);

const BASE = '/api/organisations';

/** Boligorganisationer with their afdelinger, and the partner organisations (admin). */
@Injectable()
export class OrganisationsStore {
  private readonly http = inject(HttpClient);
  private readonly boligorganisationerResource = httpResource<BoligorganisationSummary[]>(() => ({
    url: `${BASE}/boligorganisationer`,
    context: pageLoadContext(),
  }));
  private readonly partnersResource = httpResource<PartnerOrganisationSummary[]>(() => ({
    url: `${BASE}/partners`,
    context: pageLoadContext(),
  }));

  readonly boligorganisationer = computed(() =>
    this.boligorganisationerResource.hasValue() ? this.boligorganisationerResource.value() : [],
  );
  readonly boligorganisationerLoading = this.boligorganisationerResource.isLoading;
  readonly partners = computed(() => (this.partnersResource.hasValue() ? this.partnersResource.value() : []));
  readonly partnersLoading = this.partnersResource.isLoading;

  reloadBoligorganisationer(): void {
    this.boligorganisationerResource.reload();
  }

  reloadPartners(): void {
    this.partnersResource.reload();
  }

  createBoligorganisation(request: CreateBoligorganisationRequest): Observable<BoligorganisationSummary> {
    return this.http.post<BoligorganisationSummary>(`${BASE}/boligorganisationer`, request);
  }

  createAfdeling(boligorganisationId: string, request: CreateAfdelingRequest): Observable<AfdelingSummary> {
    return this.http.post<AfdelingSummary>(
      `${BASE}/boligorganisationer/${encodeURIComponent(boligorganisationId)}/afdelinger`,
      request,
    );
  }

  createPartner(request: CreatePartnerOrganisationRequest): Observable<PartnerOrganisationSummary> {
    return this.http.post<PartnerOrganisationSummary>(`${BASE}/partners`, request);
  }
}
