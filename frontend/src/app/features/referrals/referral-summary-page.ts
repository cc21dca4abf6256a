import { DOCUMENT } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoPipe } from '@jsverse/transloco';

import type { PartnerReferral } from '@bofast/contracts';

import { readApiError } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatTimestamp } from '../restance/restance-store';
import { PartnerReferralView } from './partner-referral-view';
import { referralUrl } from './referrals-api';

/**
 * /henvisninger/:id/resume — the printable handoff summary: exactly what the partner sees. Print CSS hides
 * the app's navigation; "Udskriv" opens the browser's print dialog (which also saves as PDF).
 */
@Component({
  selector: 'bf-referral-summary-page',
  imports: [MatButtonModule, MatIconModule, PartnerReferralView, TranslocoPipe],
  template: `
    <div class="bf-page-header">
      <h1>{{ 'referrals.summaryTitle' | transloco }}</h1>
      @if (summary()) {
        <button mat-flat-button type="button" class="no-print" (click)="print()" data-testid="referral-summary-print">
          <mat-icon svgIcon="print" aria-hidden="true" />{{ 'referrals.print' | transloco }}
        </button>
      }
    </div>
    @if (summary(); as s) {
      <p class="intro">{{ 'referrals.summaryIntro' | transloco }}</p>
      <div data-testid="referral-summary">
        <bf-partner-referral-view [referral]="s" />
      </div>
      <p class="bf-muted printed">{{ 'referrals.printedAt' | transloco: { date: now(language()) } }}</p>
    } @else if (error(); as e) {
      <p class="bf-form-error" role="alert" data-testid="referral-summary-error">
        {{ e.message ?? ('errors.unknown' | transloco) }}
      </p>
    } @else {
      <p class="bf-muted">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .intro {
      max-width: 48rem;
    }
    @media print {
      .no-print {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralSummaryPage {
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly language = inject(LanguageStore).language;

  readonly id = input.required<string>();

  private readonly resource = httpResource<PartnerReferral>(() => referralUrl(this.id(), '/summary'));
  protected readonly summary = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  /** A draft, or a referral no consent covers any longer, has no summary: the server says why. */
  protected readonly error = computed(() => {
    const error = this.resource.error();
    return error ? { message: readApiError(error)?.message ?? null } : null;
  });

  protected now(language: string): string {
    return formatTimestamp(new Date().toISOString(), language);
  }

  protected print(): void {
    this.window?.print();
  }
}
