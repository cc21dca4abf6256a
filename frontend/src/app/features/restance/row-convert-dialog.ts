import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { WorklistRow } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { RestanceApi } from './restance-api';

/** Turns a worklist row into a case; closes with `true` when the row changed underneath (reload). */
@Component({
  selector: 'bf-row-convert-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'restance.convertTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'restance.convertName' | transloco }}</mat-label>
          <input matInput formControlName="personName" autocomplete="off" data-testid="row-convert-name" />
          <mat-hint>{{ 'restance.convertNameHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.personName" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="row-convert-submit">
          {{ 'restance.convert' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RowConvertDialog {
  private readonly store = inject(RestanceApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<RowConvertDialog, boolean>>(MatDialogRef);
  private readonly row = inject<WorklistRow>(MAT_DIALOG_DATA);

  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    personName: [this.row.tenantNames.trim(), Validators.required],
  });

  protected submit(): void {
    const personName = this.form.getRawValue().personName.trim();
    if (this.form.invalid || !personName) {
      this.form.controls.personName.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.convert(this.row.id, { personName, version: this.row.version }).subscribe({
      next: (created) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(false);
        this.snackBar.open(this.transloco.translate('restance.converted'), undefined, { duration: 4000 });
        void this.router.navigate(['/cases', created.id]);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isConflict(error)) {
          const entity = this.transloco.translate('restance.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          this.dialogRef.close(true);
        } else if (error instanceof HttpErrorResponse && error.status === 400) {
          this.errorMessage.set(applyServerErrors(this.form, error));
        } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.errorMessage.set(this.transloco.translate('errors.unknown'));
        }
      },
    });
  }
}
