import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { BoligorganisationSummary } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { OrganisationsStore } from './organisations-store';

export const CVR_PATTERN = /^\d{8}$/;

/** Creates a boligorganisation; closes with the created one. */
@Component({
  selector: 'bf-boligorganisation-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'organisations.createOrgTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="org-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'organisations.name' | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="organization" data-testid="org-name" />
          <mat-error
            [bfFieldErrors]="form.controls.name"
            [messages]="{ taken: 'organisations.nameTaken' }"
            [testIds]="{ taken: 'org-name-taken' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'organisations.cvrOptional' | transloco }}</mat-label>
          <input matInput formControlName="cvr" inputmode="numeric" autocomplete="off" data-testid="org-cvr" />
          <mat-hint>{{ 'organisations.cvrHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.cvr" [messages]="{ pattern: 'organisations.cvrPattern' }" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="org-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BoligorganisationDialog {
  private readonly store = inject(OrganisationsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<BoligorganisationDialog, BoligorganisationSummary>>(MatDialogRef);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', Validators.required],
    cvr: ['', Validators.pattern(CVR_PATTERN)],
  });

  protected save(): void {
    const cvr = this.form.controls.cvr;
    if (cvr.value !== cvr.value.replace(/\s/g, '')) cvr.setValue(cvr.value.replace(/\s/g, ''));
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.createBoligorganisation({ name: value.name.trim(), cvr: value.cvr || null }).subscribe({
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
