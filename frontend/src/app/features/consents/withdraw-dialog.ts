import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { Consent, ConsentForm } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { ConsentsApi } from './consents-api';

/** Withdraws a consent; closes with the updated consent, or 'conflict'. */
@Component({
  selector: 'bf-withdraw-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'withdraw.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'withdraw.method' | transloco }}</mat-label>
          <mat-select formControlName="method" data-testid="withdraw-method">
            @for (method of methods; track method) {
              <mat-option [value]="method">{{ 'consentForm.' + method | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.method" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'withdraw.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="withdraw-note"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="withdraw-submit">
          {{ 'withdraw.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WithdrawDialog {
  private readonly store = inject(ConsentsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<WithdrawDialog, Consent | 'conflict'>>(MatDialogRef);
  private readonly consent = inject<Consent>(MAT_DIALOG_DATA);
  protected readonly methods: ConsentForm[] = ['skriftlig', 'mundtlig', 'digital'];
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    method: ['' as ConsentForm | '', Validators.required],
    note: [''],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.store
      .withdraw(this.consent.id, {
        method: value.method as ConsentForm,
        note: value.note.trim() || null,
        version: this.consent.version,
      })
      .subscribe({
        next: (updated) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(updated);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) this.dialogRef.close('conflict');
          else this.errorMessage.set(this.transloco.translate('errors.unknown'));
        },
      });
  }
}
