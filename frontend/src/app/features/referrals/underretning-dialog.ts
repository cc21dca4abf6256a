import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { PartnerDirectoryEntry, Referral } from '@bofast/contracts';

import { dialogErrorMessage } from '../evictions/evictions-api';
import { requiredText } from '../evictions/eviction-view';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PartnerInfo } from './partner-info';
import { ReferralsApi } from './referrals-api';
import { SharedDataFields, sharedDataGroup, sharedDataValue } from './shared-data-fields';

/**
 * "Underretning uden samtykke": a team lead's statutory notification, outside consent. Its own
 * warning-styled path with a mandatory reason and legal basis; it is sent at once and marked everywhere.
 */
@Component({
  selector: 'bf-underretning-dialog',
  imports: [
    FORM_FIELD_IMPORTS,
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatSelectModule,
    PartnerInfo,
    SharedDataFields,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title class="title">
      <mat-icon svgIcon="warning" aria-hidden="true" />{{ 'underretning.title' | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="underretning-dialog">
      <mat-dialog-content class="bf-form">
        <div class="warning" data-testid="underretning-warning">
          <p>{{ 'underretning.warning' | transloco }}</p>
          <p>{{ 'underretning.marked' | transloco }}</p>
        </div>
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="underretning-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'underretning.recipient' | transloco }}</mat-label>
          <mat-select formControlName="partnerId" data-testid="underretning-partner">
            @for (p of partners.value(); track p.id) {
              <mat-option [value]="p.id">{{ p.name }} ({{ 'partnerType.' + p.type | transloco }})</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.partnerId" />
        </mat-form-field>
        @if (partner(); as p) {
          <bf-partner-info [partner]="p" />
        }
        <mat-form-field>
          <mat-label>{{ 'underretning.reason' | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" data-testid="underretning-reason"></textarea>
          <mat-error [bfFieldErrors]="form.controls.reason" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'underretning.legalBasis' | transloco }}</mat-label>
          <input matInput formControlName="legalBasis" autocomplete="off" data-testid="underretning-legal-basis" />
          <mat-hint>{{ 'underretning.legalBasisHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.legalBasis" />
        </mat-form-field>
        <h3 class="share-title">{{ 'referrals.shareTitle' | transloco }}</h3>
        <bf-shared-data-fields [group]="form.controls.shared" testIdPrefix="underretning" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button
          mat-flat-button
          type="submit"
          class="send"
          [disabled]="isSubmitting()"
          data-testid="underretning-submit"
        >
          {{ 'underretning.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .title {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      color: var(--mat-sys-error);
    }
    .warning {
      padding: 0.75rem 1rem;
      margin-bottom: 1rem;
      border-inline-start: 6px solid var(--mat-sys-error);
      border-radius: 0.25rem;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);

      p {
        margin: 0 0 0.25rem;
      }
    }
    .share-title {
      font: var(--mat-sys-title-small);
      margin: 0.5rem 0 0.25rem;
    }
    .send {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnderretningDialog {
  private readonly api = inject(ReferralsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly dialogRef = inject<MatDialogRef<UnderretningDialog, Referral>>(MatDialogRef);
  private readonly caseId = inject<string>(MAT_DIALOG_DATA);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly partners = httpResource<PartnerDirectoryEntry[]>(() => '/api/partners', { defaultValue: [] });

  readonly form = this.fb.group({
    partnerId: ['', Validators.required],
    reason: ['', requiredText],
    legalBasis: ['', requiredText],
    shared: sharedDataGroup(this.fb),
  });

  private readonly partnerId = toSignal(this.form.controls.partnerId.valueChanges, { initialValue: '' });
  protected readonly partner = computed(() => this.partners.value().find((p) => p.id === this.partnerId()) ?? null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .underretning(this.caseId, {
        partnerId: value.partnerId,
        reason: value.reason.trim(),
        legalBasis: value.legalBasis.trim(),
        ...sharedDataValue(this.form.controls.shared),
      })
      .subscribe({
        next: (referral) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(referral);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }
}
