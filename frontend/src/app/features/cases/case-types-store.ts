import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';

import type { Observable } from 'rxjs';

import { type CaseType, type CreateCaseTypeRequest, Locale } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';

/** The case types, loaded once; labels follow the UI language. */
@Injectable({ providedIn: 'root' })
export class CaseTypesStore {
  private readonly http = inject(HttpClient);
  private readonly language = inject(LanguageStore).language;
  private readonly resource = httpResource<CaseType[]>(() => '/api/case-types', { defaultValue: [] });

  readonly all = computed(() => (this.resource.hasValue() ? this.resource.value() : []));
  readonly isLoading = this.resource.isLoading;
  readonly active = computed(() => this.all().filter((t) => t.isActive));

  label(code: string): string {
    const type = this.all().find((t) => t.code === code);
    if (!type) return code;
    return this.language() === Locale.En ? type.labelEn : type.labelDa;
  }

  create(request: CreateCaseTypeRequest): Observable<CaseType> {
    return this.http.post<CaseType>('/api/case-types', request);
  }

  reload(): void {
    this.resource.reload();
  }
}
