import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { ApplicationType, type HelpApplication } from '@bofast/contracts';

import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { EconomyApi, danishAmountValidator, parseDanishAmount } from './economy-api';

/** "Ny ansøgning" om hjælp; closes with the created application. */
@Component({
  selector: 'bf-application-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'economy.applicationCreateTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="application-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="application-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'economy.applicationType' | transloco }}</mat-label>
          <mat-select formControlName="type" data-testid="application-type">
            @for (t of types; track t) {
              <mat-option [value]="t" [attr.data-testid]="'application-type-' + t">{{
                'applicationType.' + t | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.type" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.authority' | transloco }}</mat-label>
          <input matInput formControlName="authority" autocomplete="off" data-testid="application-authority" />
          <mat-hint>{{ 'economy.authorityHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.authority" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.applicationAmount' | transloco }}</mat-label>
          <input
            matInput
            formControlName="amount"
            inputmode="decimal"
            autocomplete="off"
            data-testid="application-amount"
          />
          <span matTextSuffix>kr.</span>
          <mat-hint>{{ 'economy.optionalAmountHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.amount"
            [messages]="{ amount: 'economy.amountInvalid', positive: 'economy.amountPositive' }"
          />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="application-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationDialog {
  private readonly economy = inject(EconomyApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ApplicationDialog, HelpApplication>>(MatDialogRef);
  private readonly caseId = inject<string>(MAT_DIALOG_DATA);
  protected readonly types = Object.values(ApplicationType);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [ApplicationType.Enkeltydelse as ApplicationType | '', Validators.required],
    authority: ['', [Validators.required, Validators.maxLength(200)]],
    amount: ['', danishAmountValidator()],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.economy
      .createApplication(this.caseId, {
        type: value.type as ApplicationType,
        authority: value.authority.trim(),
        amount: parseDanishAmount(value.amount),
      })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
