import { httpResource } from '@angular/common/http';
import { Injectable, computed, signal } from '@angular/core';

import type { ContactChannel, ContactOutcome, Page, SignalStatus, SignalSummary } from '@bofast/contracts';

import { pageLoadContext } from '../../core/http/http-context';

export const SIGNALS_PAGE_SIZE = 20;

export const SIGNAL_SOURCES = [
  'nabo',
  'drift',
  'udlejning',
  'kommune',
  'frivillig',
  'selvhenvendelse',
  'restanceliste',
  'aaben_raadgivning',
] as const;

export const SIGNAL_STATUSES: readonly SignalStatus[] = [
  'ny',
  'under_vurdering',
  'kontaktforsoeg',
  'konverteret',
  'beboer_afslog',
  'ingen_kontakt',
  'ikke_relevant',
  'loest_uden_sag',
];

export const CONTACT_CHANNELS: readonly ContactChannel[] = [
  'doerbank',
  'telefon',
  'sms',
  'brev',
  'visitkort',
  'netvaerk',
];

export const CONTACT_OUTCOMES: readonly ContactOutcome[] = [
  'ikke_hjemme',
  'ingen_svar',
  'afvist',
  'kontakt_etableret',
  'aftale_lavet',
];

const OPEN_SIGNAL_STATUSES: readonly SignalStatus[] = ['ny', 'under_vurdering', 'kontaktforsoeg'];

/** Chip class for a signal status: open ones stand out, finished ones are neutral. */
export function signalStatusClass(status: SignalStatus): string {
  if (status === 'konverteret') return 'bf-chip-active';
  return OPEN_SIGNAL_STATUSES.includes(status) ? 'bf-chip-warn' : 'bf-chip-neutral';
}

/** The paged list of signals on the Henvendelser page. */
@Injectable()
export class SignalsListStore {
  readonly page = signal(1);
  readonly pageSize = signal(SIGNALS_PAGE_SIZE);
  readonly mine = signal(false);
  readonly status = signal<SignalStatus | ''>('');

  private readonly resource = httpResource<Page<SignalSummary>>(() => {
    const params: Record<string, string | number | boolean> = { page: this.page(), pageSize: this.pageSize() };
    if (this.status()) params['status'] = this.status();
    else params['open'] = true;
    if (this.mine()) params['mine'] = true;
    return { url: '/api/signals', params, context: pageLoadContext() };
  });

  readonly signals = computed(() => (this.resource.hasValue() ? this.resource.value().items : []));
  readonly total = computed(() => (this.resource.hasValue() ? this.resource.value().total : 0));
  readonly isLoading = this.resource.isLoading;

  setFilter(change: { mine?: boolean; status?: SignalStatus | '' }): void {
    if (change.mine !== undefined) this.mine.set(change.mine);
    if (change.status !== undefined) this.status.set(change.status);
    this.page.set(1);
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }
}
