import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Observable, tap } from 'rxjs';

import type { PartnerReferral, PartnerReferralListItem, ReferralStatus } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { PartnerReferralView } from '../referrals/partner-referral-view';
import {
  ReferralActionDialog,
  type ReferralActionDialogData,
  type ReferralActionResult,
} from '../referrals/referral-action-dialog';
import { ReferralHistory } from '../referrals/referral-history';
import { ReferralMessages } from '../referrals/referral-messages';
import { ReferralsApi, partnerReferralUrl, transitionsFor } from '../referrals/referrals-api';
import { formatTimestamp } from '../restance/restance-store';
import { injectDialogs } from '../../shared/dialogs';

/**
 * /partner/:id — one referral in the partner portal: the resident's name and only the shared data, the
 * history and the messages, and the partner's next steps. A referral the partner may no longer see (the
 * consent ended, it was withdrawn or declined, or it was never theirs) answers 404: the user is told so
 * and taken back to the list. A completed or closed referral is read-only (no steps, no message box) until
 * its access ends, 30 days after the state change.
 */
@Component({
  selector: 'bf-partner-referral-page',
  imports: [MatButtonModule, PartnerReferralView, ReferralHistory, ReferralMessages, RouterLink, TranslocoPipe],
  template: `
    <p class="back">
      <a routerLink="/partner" data-testid="partner-back">{{ 'partnerPortal.back' | transloco }}</a>
    </p>
    @if (referral(); as r) {
      <h1>{{ 'partnerPortal.detailTitle' | transloco: { name: r.resident.name } }}</h1>
      @if (r.access === 'read_only') {
        <p class="read-only" role="status" data-testid="partner-read-only">
          {{ 'partnerPortal.readOnlyNotice' | transloco: { date: timestamp(r.accessEndsAt, language()) } }}
        </p>
      }
      @if (actions().length > 0) {
        <section class="actions" aria-labelledby="partner-actions-title">
          <h2 id="partner-actions-title">{{ 'partnerPortal.nextStep' | transloco }}</h2>
          <div class="bf-actions">
            @for (status of actions(); track status) {
              <button
                mat-stroked-button
                type="button"
                (click)="act(status)"
                [attr.data-testid]="'partner-action-' + status"
              >
                {{ 'referralAction.' + status | transloco }}
              </button>
            }
          </div>
        </section>
      }
      <bf-partner-referral-view [referral]="r" />
      <section aria-labelledby="partner-history-title" class="block">
        <h2 id="partner-history-title">{{ 'referrals.history' | transloco }}</h2>
        <bf-referral-history [history]="r.history" testId="partner-history" />
      </section>
      <section class="block">
        <h2 id="partner-messages-title">{{ 'referrals.messages' | transloco }}</h2>
        <bf-referral-messages
          [messages]="r.messages"
          side="partner"
          [canWrite]="r.access === 'open'"
          labelledBy="partner-messages-title"
          [post]="post"
        />
      </section>
    } @else {
      <p class="bf-muted">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .back {
      margin: 0.5rem 0;
    }
    .actions {
      margin-bottom: 1.5rem;
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);

      h2 {
        margin-top: 0;
      }
      button {
        min-height: 3rem;
      }
    }
    .block {
      margin-bottom: 1.25rem;
    }
    .read-only {
      padding: 0.75rem 1rem;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerReferralPage {
  private readonly api = inject(ReferralsApi);
  private readonly dialogs = injectDialogs();
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;

  readonly id = input.required<string>();

  private readonly resource = httpResource<PartnerReferral>(() => partnerReferralUrl(this.id()));
  protected readonly referral = computed(() => (this.resource.hasValue() ? this.resource.value() : null));
  /** The steps REFERRAL_TRANSITIONS gives the partner from the current status. */
  protected readonly actions = computed(() => {
    const r = this.referral();
    return r && r.access === 'open' ? transitionsFor(r.status, 'partner') : [];
  });

  protected readonly post = (text: string): Observable<unknown> =>
    this.api.partnerMessage(this.id(), { text }).pipe(tap((r) => this.resource.set(r)));

  constructor() {
    effect(() => {
      const error = this.resource.error();
      if (error instanceof HttpErrorResponse && error.status === 404) this.gone();
    });
  }

  protected act(status: ReferralStatus): void {
    const r = this.referral();
    if (!r) return;
    this.dialogs
      .open<ReferralActionDialog, ReferralActionDialogData, ReferralActionResult>(ReferralActionDialog, {
        width: '30rem',
        data: { referralId: r.id, status, version: r.version, side: 'partner', name: r.resident.name },
      })
      .subscribe((result) => {
        if (result === 'gone') {
          this.gone();
        } else if (result === 'conflict') {
          const entity = this.transloco.translate('referrals.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          this.resource.reload();
        } else if ((result as PartnerReferralListItem).access === 'ended') {
          // Declining ends the partner's access at once: the answer holds no personal data.
          this.snackBar.open(this.transloco.translate('partnerPortal.declined'), undefined, { duration: 6000 });
          void this.router.navigate(['/partner']);
        } else {
          this.resource.set(result as PartnerReferral);
          this.snackBar.open(
            this.transloco.translate('partnerPortal.saved', {
              status: this.transloco.translate('referralStatus.' + status),
            }),
            undefined,
            { duration: 4000 },
          );
        }
      });
  }

  private gone(): void {
    this.snackBar.open(this.transloco.translate('partnerPortal.gone'), this.transloco.translate('common.close'), {
      duration: 8000,
    });
    void this.router.navigate(['/partner']);
  }
}
