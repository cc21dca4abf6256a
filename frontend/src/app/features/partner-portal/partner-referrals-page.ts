import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import {
  OPEN_REFERRAL_STATES,
  type PartnerReferral,
  type PartnerReferralEnded,
  type PartnerReferralListItem,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { referralStatusClass } from '../referrals/referrals-api';
import { formatTimestamp } from '../restance/restance-store';

/** /partner — the partner portal: the referrals addressed to the user's organisation. */
@Component({
  selector: 'bf-partner-referrals-page',
  imports: [MatSlideToggleModule, RouterLink, TranslocoPipe],
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
      @for (item of shown(); track item.id) {
        @if (ended(item); as e) {
          <!-- Withdrawn or declined: a reference and dates only, no personal data, no link. -->
          <li class="row ended" data-testid="partner-referral-ended">
            <span class="row-head">
              <span class="ended-title">{{
                (e.status === 'afvist' ? 'partnerPortal.declinedLine' : 'partnerPortal.withdrawnLine') | transloco
              }}</span>
            </span>
            <span class="meta">{{
              'partnerPortal.endedMeta'
                | transloco
                  : {
                      reference: e.reference,
                      sent: timestamp(e.sentAt, language()),
                      ended: timestamp(e.endedAt, language()),
                    }
            }}</span>
          </li>
        } @else if (referral(item); as r) {
          <li>
            <a
              class="row bf-clickable-row"
              [class.is-underretning]="r.underretning"
              [routerLink]="['/partner', r.id]"
              data-testid="partner-referral-row"
            >
              <span class="row-head">
                <span class="name">{{ r.resident.name }}</span>
                <span class="chips">
                  @if (r.access === 'read_only') {
                    <span class="chip" data-testid="partner-referral-read-only">{{
                      'partnerPortal.readOnlyChip' | transloco
                    }}</span>
                  }
                  @if (r.underretning) {
                    <span class="chip chip-underretning" data-testid="partner-referral-underretning">{{
                      'referrals.underretning' | transloco
                    }}</span>
                  }
                  <span class="chip" [class]="statusClass(r.status)" data-testid="partner-referral-status">{{
                    'referralStatus.' + r.status | transloco
                  }}</span>
                </span>
              </span>
              <span class="meta">
                {{ 'referrals.sentOn' | transloco: { date: timestamp(r.sentAt, language()) } }} ·
                {{ 'referrals.fromWorker' | transloco: { worker: r.from.worker, team: r.from.team } }} ·
                {{ 'referralMethod.' + r.method | transloco }}
              </span>
              <span class="reason">{{ r.reason }}</span>
            </a>
          </li>
        }
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
      display: block;
      padding: 0.75rem 0.5rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface);
      text-decoration: none;

      &.is-underretning {
        border-inline-start: 4px solid var(--mat-sys-error);
      }
      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: -2px;
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
      color: var(--mat-sys-primary);
      text-decoration: underline;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
    }
    .chip {
      padding: 0.125rem 0.625rem;
      border-radius: 0.5rem;
      font: var(--mat-sys-label-large);
      color: var(--mat-chip-label-text-color, var(--mat-sys-on-surface));
      background: var(--mat-chip-elevated-container-color, var(--mat-sys-surface-container-highest));
    }
    .chip-underretning {
      color: var(--mat-sys-on-error-container);
      background: var(--mat-sys-error-container);
    }
    .ended {
      color: var(--mat-sys-on-surface-variant);
    }
    .ended-title {
      font: var(--mat-sys-title-small);
    }
    .meta {
      display: block;
      margin: 0.25rem 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .reason {
      display: block;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
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

  protected readonly ended = (item: PartnerReferralListItem): PartnerReferralEnded | null =>
    item.access === 'ended' ? item : null;
  protected readonly referral = (item: PartnerReferralListItem): PartnerReferral | null =>
    item.access === 'ended' ? null : item;

  protected readonly referrals = httpResource<PartnerReferralListItem[]>(
    () => ({ url: '/api/partner/referrals', context: pageLoadContext() }),
    { defaultValue: [] },
  );
  protected readonly shown = computed(() =>
    this.openOnly()
      ? this.referrals.value().filter((r) => OPEN_REFERRAL_STATES.includes(r.status))
      : this.referrals.value(),
  );
}
