import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { PartnerDirectoryEntry, Referral, ReferralMethod } from '@bofast/contracts';

import { dialogErrorMessage, isVersionConflict } from '../evictions/evictions-api';
import { requiredText } from '../evictions/eviction-view';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PartnerInfo } from './partner-info';
import { REFERRAL_METHODS, ReferralsApi } from './referrals-api';
import { SharedDataFields, sharedDataGroup, sharedDataValue } from './shared-data-fields';

export interface ReferralDialogData {
  caseId: string;
  /** A draft (udkast) to correct; without it a new draft is made. */
  referral?: Referral;
}

/** The saved draft, or 'conflict' when someone else changed it first. */
export type ReferralDialogResult = Referral | 'conflict';

/** "Ny henvisning": a draft to one partner with exactly the fields and notes it shares; sending is a step of its own. */
@Component({
  selector: 'bf-referral-dialog',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatDialogModule,
    MatSelectModule,
    PartnerInfo,
    SharedDataFields,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ (data.referral ? 'referrals.editTitle' : 'referrals.createTitle') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="referral-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="referral-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'referrals.partner' | transloco }}</mat-label>
          <mat-select formControlName="partnerId" data-testid="referral-partner">
            @for (p of partners.value(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }} ({{ 'partnerType.' + p.type | transloco }})</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.partnerId" />
        </mat-form-field>
        @if (partner(); as p) {
          <bf-partner-info [partner]="p" data-testid="referral-partner-info" />
        }
        <mat-form-field>
          <mat-label>{{ 'referrals.method' | transloco }}</mat-label>
          <mat-select formControlName="method" data-testid="referral-method">
            @for (m of methods; track m) {
              <mat-option [value]="m">{{ 'referralMethod.' + m | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.method" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'referrals.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" data-testid="referral-reason"></textarea>
          <mat-hint>{{ 'referrals.reasonHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.reason" />
        </mat-form-field>
        <h3 class="share-title">{{ 'referrals.shareTitle' | transloco }}</h3>
        <bf-shared-data-fields [group]="form.controls.shared" />
        <p class="bf-muted">{{ 'referrals.consentHint' | transloco }}</p>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="referral-submit">
          {{ (data.referral ? 'common.save' : 'referrals.createSubmit') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .share-title {
      font: var(--mat-sys-title-small);
      margin: 0.5rem 0 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralDialog {
  private readonly api = inject(ReferralsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialogRef = inject<MatDialogRef<ReferralDialog, ReferralDialogResult>>(MatDialogRef);
  protected readonly data = inject<ReferralDialogData>(MAT_DIALOG_DATA);
  protected readonly methods = REFERRAL_METHODS;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly partners = httpResource<PartnerDirectoryEntry[]>(() => '/api/partners', { defaultValue: [] });

  readonly form = this.fb.group({
    partnerId: [{ value: this.data.referral?.partner.id ?? '', disabled: !!this.data.referral }, Validators.required],
    method: [(this.data.referral?.method ?? '') as ReferralMethod | '', Validators.required],
    reason: [this.data.referral?.reason ?? '', requiredText],
    shared: sharedDataGroup(this.fb, this.data.referral?.sharedFields, this.data.referral?.notes),
  });

  private readonly partnerId = toSignal(this.form.controls.partnerId.valueChanges, {
    initialValue: this.form.controls.partnerId.value,
  });
  protected readonly partner = computed(() => this.partners.value().find((p) => p.id === this.partnerId()) ?? null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const shared = sharedDataValue(this.form.controls.shared);
    const existing = this.data.referral;
    const request$ = existing
      ? this.api.update(existing.id, {
          method: value.method as ReferralMethod,
          reason: value.reason.trim(),
          ...shared,
          version: existing.version,
        })
      : this.api.create(this.data.caseId, {
          partnerId: value.partnerId,
          method: value.method as ReferralMethod,
          reason: value.reason.trim(),
          ...shared,
        });
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
          return;
        }
        this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
      },
    });
  }
}
