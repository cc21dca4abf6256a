import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Observable, tap } from 'rxjs';

import { type CaseDetail, type Consent, Permission, type Referral } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { readApiError } from '../../core/http/server-errors';
import { LanguageStore } from '../../core/i18n/language-store';
import { ConsentDialog, type ConsentDialogData } from '../consents/consent-dialog';
import { isVersionConflict } from '../evictions/evictions-api';
import { formatTimestamp } from '../restance/restance-store';
import {
  ReferralActionDialog,
  type ReferralActionDialogData,
  type ReferralActionResult,
} from './referral-action-dialog';
import { injectDialogs, onConflict } from '../../shared/dialogs';
import { ReferralDialog, type ReferralDialogData, type ReferralDialogResult } from './referral-dialog';
import { ReferralHistory } from './referral-history';
import { ReferralMessages } from './referral-messages';
import { ReferralsApi, caseReferralsUrl, referralStatusClass, transitionsFor } from './referrals-api';
import { UnderretningDialog } from './underretning-dialog';

const DIALOG_CONFIG = { width: '40rem' } as const;

/** Why a draft could not be sent: the server's words, and what it says about the shared fields. */
export interface SendRefusal {
  message: string;
  fields: string | null;
}

/**
 * "Henvisninger" on the case page: the referrals with status, underretning mark and consent state, their
 * history and messages, and the team's steps (new draft, send under consent, withdraw, print the summary).
 */
@Component({
  selector: 'bf-referrals-panel',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatIconModule,
    ReferralHistory,
    ReferralMessages,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './referrals-panel.html',
  styleUrl: './referrals-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralsPanel {
  private readonly api = inject(ReferralsApi);
  private readonly auth = inject(AuthStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;
  protected readonly statusClass = referralStatusClass;
  protected readonly canUnderretning = this.auth.can(Permission.ReferralUnderretning);
  protected readonly canConsent = this.auth.can(Permission.ConsentWrite);

  readonly detail = input.required<CaseDetail>();
  /** case.write on an open case. */
  readonly canEdit = input(false);
  /** A referral changed: the case page reloads its timeline. */
  readonly changed = output<void>();
  /** A consent was registered from here: the case page reloads its consents. */
  readonly consentChanged = output<Consent>();

  protected readonly referrals = httpResource<Referral[]>(() => caseReferralsUrl(this.detail().id), {
    defaultValue: [],
  });
  protected readonly refusals = signal<Record<string, SendRefusal>>({});
  protected readonly sending = signal<string | null>(null);
  private readonly posts = new Map<string, (text: string) => Observable<unknown>>();

  reload(): void {
    this.referrals.reload();
  }

  protected canWithdraw(referral: Referral): boolean {
    return transitionsFor(referral.status, 'team').includes('trukket_tilbage');
  }

  protected canPrint(referral: Referral): boolean {
    return referral.status !== 'udkast' && referral.consentActive;
  }

  /** The message box of one referral; one function per referral, so the thread's input stays the same. */
  protected postFor(referral: Referral): (text: string) => Observable<unknown> {
    let post = this.posts.get(referral.id);
    if (!post) {
      post = (text: string) =>
        this.api.message(referral.id, { text }).pipe(
          tap(() => {
            this.referrals.reload();
            this.changed.emit();
          }),
        );
      this.posts.set(referral.id, post);
    }
    return post;
  }

  protected create(): void {
    this.openReferralDialog({ caseId: this.detail().id }, 'referrals.created');
  }

  protected edit(referral: Referral): void {
    this.openReferralDialog({ caseId: this.detail().id, referral }, 'referrals.updated');
  }

  protected send(referral: Referral): void {
    this.sending.set(referral.id);
    this.setRefusal(referral.id, null);
    this.api.send(referral.id, referral.version).subscribe({
      next: () => {
        this.sending.set(null);
        this.referrals.reload();
        this.notify('referrals.sent');
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.sending.set(null);
        if (isVersionConflict(error)) {
          this.conflict();
          return;
        }
        const apiError = readApiError(error);
        if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.setRefusal(referral.id, {
            message: apiError?.message ?? this.transloco.translate('errors.unknown'),
            fields: apiError?.fields?.['sharedFields']?.join(' ') ?? null,
          });
        }
      },
    });
  }

  protected withdraw(referral: Referral): void {
    this.dialogs
      .open<ReferralActionDialog, ReferralActionDialogData, ReferralActionResult>(ReferralActionDialog, {
        ...DIALOG_CONFIG,
        width: '30rem',
        data: {
          referralId: referral.id,
          status: 'trukket_tilbage',
          version: referral.version,
          side: 'team',
          name: referral.partner.name,
        },
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.referrals.reload();
        if (result !== 'gone') {
          this.notify('referrals.withdrawn');
          this.changed.emit();
        }
      });
  }

  protected underretning(): void {
    this.dialogs
      .open<UnderretningDialog, string, Referral>(UnderretningDialog, {
        ...DIALOG_CONFIG,
        data: this.detail().id,
      })
      .subscribe(() => {
        this.referrals.reload();
        this.notify('underretning.sent');
        this.changed.emit();
      });
  }

  protected registerConsent(referral: Referral): void {
    const detail = this.detail();
    this.dialogs
      .open<ConsentDialog, ConsentDialogData, Consent>(ConsentDialog, {
        ...DIALOG_CONFIG,
        width: '44rem',
        data: { personId: detail.person.id, caseId: detail.id },
      })
      .subscribe((consent) => {
        this.setRefusal(referral.id, null);
        this.notify('referrals.consentRegistered');
        this.consentChanged.emit(consent);
      });
  }

  private openReferralDialog(data: ReferralDialogData, doneKey: string): void {
    this.dialogs
      .open<ReferralDialog, ReferralDialogData, ReferralDialogResult>(ReferralDialog, {
        ...DIALOG_CONFIG,
        data,
      })
      .pipe(onConflict(() => this.conflict()))
      .subscribe((result) => {
        this.setRefusal(result.id, null);
        this.referrals.reload();
        this.notify(doneKey);
        this.changed.emit();
      });
  }

  private setRefusal(id: string, refusal: SendRefusal | null): void {
    this.refusals.update((current) => {
      const next = { ...current };
      if (refusal) next[id] = refusal;
      else delete next[id];
      return next;
    });
  }

  private conflict(): void {
    const entity = this.transloco.translate('referrals.entity');
    this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, { duration: 6000 });
    this.referrals.reload();
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }
}
