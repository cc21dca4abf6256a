import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import type {
  PartnerReferral,
  PartnerReferralEnded,
  Referral,
  ReferralStatus,
  ReferralTransitionRequest,
} from '@bofast/contracts';

import { nowLocal, toIsoTimestamp } from '../../core/format/dates';
import { dialogErrorMessage, isVersionConflict } from '../evictions/evictions-api';
import { requiredText } from '../evictions/eviction-view';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { ReferralsApi } from './referrals-api';

export interface ReferralActionDialogData {
  referralId: string;
  status: ReferralStatus;
  version: number;
  side: 'team' | 'partner';
  /** Shown in the title, e.g. the partner's or the resident's name. */
  name: string;
}

/** The referral as now, 'conflict' (someone else saved first) or 'gone' (404: not theirs, or consent ended). */
export type ReferralActionResult = Referral | PartnerReferral | PartnerReferralEnded | 'conflict' | 'gone';

/** Declining and withdrawing need a reason (the server refuses them without one). */
const NEEDS_REASON: readonly ReferralStatus[] = ['afvist', 'trukket_tilbage'];

/** One step of a referral, with what the step needs: a reason, the first meeting's time, or the outcome. */
@Component({
  selector: 'bf-referral-action-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'referralAction.' + data.status | transloco }}: {{ data.name }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="referral-action-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="referral-action-error">{{ message }}</p>
        }
        @if (data.status === 'forloeb_i_gang') {
          <mat-form-field>
            <mat-label>{{ 'referrals.firstMeetingAt' | transloco }}</mat-label>
            <input
              matInput
              type="datetime-local"
              formControlName="firstMeetingAt"
              required
              data-testid="partner-first-meeting"
            />
            <mat-error [bfFieldErrors]="form.controls.firstMeetingAt" />
          </mat-form-field>
        }
        @if (data.status === 'afsluttet') {
          <mat-form-field>
            <mat-label>{{ 'referrals.outcome' | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="outcome"
              rows="3"
              required
              data-testid="referral-action-outcome"
            ></textarea>
            <mat-error [bfFieldErrors]="form.controls.outcome" />
          </mat-form-field>
        } @else {
          <mat-form-field>
            <mat-label>{{ (needsReason ? 'referrals.reasonRequired' : 'referrals.comment') | transloco }}</mat-label>
            <textarea
              matInput
              formControlName="reason"
              rows="3"
              [required]="needsReason"
              data-testid="referral-action-reason"
            ></textarea>
            <mat-error [bfFieldErrors]="form.controls.reason" />
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button
          mat-flat-button
          type="submit"
          [disabled]="isSubmitting()"
          [attr.data-testid]="data.side === 'partner' ? 'partner-action-submit' : 'referral-action-submit'"
        >
          {{ 'referralAction.' + data.status | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralActionDialog {
  private readonly api = inject(ReferralsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ReferralActionDialog, ReferralActionResult>>(MatDialogRef);
  protected readonly data = inject<ReferralActionDialogData>(MAT_DIALOG_DATA);
  protected readonly needsReason = NEEDS_REASON.includes(this.data.status);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', this.needsReason ? requiredText : []],
    outcome: ['', this.data.status === 'afsluttet' ? requiredText : []],
    firstMeetingAt: [nowLocal(), this.data.status === 'forloeb_i_gang' ? requiredText : []],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const status = this.data.status;
    const request: ReferralTransitionRequest = {
      status,
      reason: status === 'afsluttet' ? null : value.reason.trim() || null,
      outcome: status === 'afsluttet' ? value.outcome.trim() : null,
      firstMeetingAt: status === 'forloeb_i_gang' ? toIsoTimestamp(value.firstMeetingAt) : null,
      version: this.data.version,
    };
    const request$: Observable<Referral | PartnerReferral | PartnerReferralEnded> =
      this.data.side === 'partner'
        ? this.api.partnerTransition(this.data.referralId, request)
        : this.api.transition(this.data.referralId, request);
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    request$.subscribe({
      next: (referral) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(referral);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isVersionConflict(error)) {
          this.dialogRef.close('conflict');
        } else if (error instanceof HttpErrorResponse && error.status === 404) {
          this.dialogRef.close('gone');
        } else {
          this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        }
      },
    });
  }
}
