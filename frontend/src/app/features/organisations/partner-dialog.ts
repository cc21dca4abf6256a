import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { PartnerOrganisationSummary, PartnerType } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { OrganisationsStore, PARTNER_TYPES } from './organisations-store';

/** Creates a partner organisation; closes with the created one. */
@Component({
  selector: 'bf-partner-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'organisations.createPartnerTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="partner-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'organisations.name' | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="organization" data-testid="partner-name" />
          <mat-error
            [bfFieldErrors]="form.controls.name"
            [messages]="{ taken: 'organisations.nameTaken' }"
            [testIds]="{ taken: 'partner-name-taken' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'organisations.partnerType' | transloco }}</mat-label>
          <mat-select formControlName="type" data-testid="partner-type">
            @for (t of types; track t) {
              <mat-option [value]="t">{{ 'partnerType.' + t | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.type" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'organisations.kommune' | transloco }}</mat-label>
          <input matInput formControlName="kommune" autocomplete="off" data-testid="partner-kommune" />
          <mat-error [bfFieldErrors]="form.controls.kommune" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="partner-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerDialog {
  private readonly store = inject(OrganisationsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<PartnerDialog, PartnerOrganisationSummary>>(MatDialogRef);
  protected readonly types = PARTNER_TYPES;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    type: ['' as PartnerType | '', Validators.required],
    kommune: ['', Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store
      .createPartner({ name: value.name.trim(), type: value.type as PartnerType, kommune: value.kommune.trim() })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) {
            this.form.controls.name.setErrors({ taken: true });
            this.form.controls.name.markAsTouched();
          } else if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
