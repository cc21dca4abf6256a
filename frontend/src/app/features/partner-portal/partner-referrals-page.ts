import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { OPEN_REFERRAL_STATES, type PartnerReferral } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { referralStatusClass } from '../referrals/referrals-api';
import { formatTimestamp } from '../restance/restance-store';

/** /partner — the partner portal: the referrals addressed to the user's organisation. */
@Component({
  selector: 'bf-partner-referrals-page',
  imports: [MatChipsModule, MatSlideToggleModule, RouterLink, TranslocoPipe],
  template: `
    <div class="bf-page-header">
      <h1>
        @if (organisation(); as org) {
          {{ 'partnerPortal.titleFor' | transloco: { name: org } }}
        } @else {
          {{ 'partnerPortal.title' | transloco }}
        }
      </h1>
      <mat-slide-toggle
        [checked]="openOnly()"
        (change)="openOnly.set($event.checked)"
        data-testid="partner-open-only"
        >{{ 'partnerPortal.openOnly' | transloco }}</mat-slide-toggle
      >
    </div>
    <p class="bf-muted intro">{{ 'partnerPortal.intro' | transloco }}</p>
    <ul class="bf-plain-list" [attr.aria-busy]="referrals.isLoading()" data-testid="partner-referral-list">
      @for (r of shown(); track r.id) {
        <li class="row" [class.is-underretning]="r.underretning" data-testid="partner-referral-row">
          <div class="row-head">
            <a [routerLink]="['/partner', r.id]" class="name" data-testid="partner-referral-open">{{
              r.resident.name
            }}</a>
            <mat-chip-set>
              @if (r.underretning) {
                <mat-chip class="bf-chip-inactive" data-testid="partner-referral-underretning">{{
                  'referrals.underretning' | transloco
                }}</mat-chip>
              }
              <mat-chip [class]="statusClass(r.status)" data-testid="partner-referral-status">{{
                'referralStatus.' + r.status | transloco
              }}</mat-chip>
            </mat-chip-set>
          </div>
          <p class="bf-muted">
            {{ 'referrals.sentOn' | transloco: { date: timestamp(r.sentAt, language()) } }} ·
            {{ 'referrals.fromWorker' | transloco: { worker: r.from.worker, team: r.from.team } }} ·
            {{ 'referralMethod.' + r.method | transloco }}
          </p>
          <p class="reason">{{ r.reason }}</p>
        </li>
      } @empty {
        <li class="bf-muted">
          {{ (referrals.isLoading() ? 'common.loading' : 'partnerPortal.none') | transloco }}
        </li>
      }
    </ul>
  `,
  styles: `
    .intro {
      max-width: 48rem;
    }
    .row {
      padding: 0.5rem 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);

      p {
        margin: 0.25rem 0;
        overflow-wrap: anywhere;
      }

      &.is-underretning {
        border-inline-start: 4px solid var(--mat-sys-error);
        padding-inline-start: 0.5rem;
      }
    }
    .row-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.5rem;
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .reason {
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerReferralsPage {
  protected readonly language = inject(LanguageStore).language;
  private readonly auth = inject(AuthStore);
  protected readonly organisation = computed(() => this.auth.user()?.partnerOrganisation?.name ?? null);
  protected readonly timestamp = formatTimestamp;
  protected readonly statusClass = referralStatusClass;
  protected readonly openOnly = signal(false);

  protected readonly referrals = httpResource<PartnerReferral[]>(
    () => ({ url: '/api/partner/referrals', context: pageLoadContext() }),
    { defaultValue: [] },
  );
  protected readonly shown = computed(() =>
    this.openOnly()
      ? this.referrals.value().filter((r) => OPEN_REFERRAL_STATES.includes(r.status))
      : this.referrals.value(),
  );
}
