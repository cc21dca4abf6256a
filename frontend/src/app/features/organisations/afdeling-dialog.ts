import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { AfdelingSummary, BoligorganisationSummary } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { OrganisationsStore } from './organisations-store';

/** Adds an afdeling to a boligorganisation; closes with the created afdeling. */
@Component({
  selector: 'bf-afdeling-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'organisations.addAfdelingTitle' | transloco: { name: org.name } }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="afdeling-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'organisations.afdelingsnummer' | transloco }}</mat-label>
          <input matInput formControlName="afdelingsnummer" autocomplete="off" data-testid="afdeling-nummer" />
          <mat-error
            [bfFieldErrors]="form.controls.afdelingsnummer"
            [messages]="{ taken: 'organisations.afdelingsnummerTaken' }"
            [testIds]="{ taken: 'afdeling-nummer-taken' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'organisations.afdelingName' | transloco }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="afdeling-name" />
          <mat-error [bfFieldErrors]="form.controls.name" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="afdeling-submit">
          {{ 'organisations.addAfdeling' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AfdelingDialog {
  private readonly store = inject(OrganisationsStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<AfdelingDialog, AfdelingSummary>>(MatDialogRef);
  protected readonly org = inject<BoligorganisationSummary>(MAT_DIALOG_DATA);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    afdelingsnummer: ['', Validators.required],
    name: ['', Validators.required],
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
      .createAfdeling(this.org.id, { afdelingsnummer: value.afdelingsnummer.trim(), name: value.name.trim() })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) {
            this.form.controls.afdelingsnummer.setErrors({ taken: true });
            this.form.controls.afdelingsnummer.markAsTouched();
          } else if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
