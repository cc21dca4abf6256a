import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { CaseType } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { CaseTypesStore } from '../cases/case-types-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

/** Lower-case letters, digits and underscore, 2–40 characters. */
export const CASE_TYPE_CODE_PATTERN = /^[a-z0-9_]{2,40}$/;

/** Creates a case type; closes with the created type. */
@Component({
  selector: 'bf-case-type-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'caseTypes.createTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="case-type-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="case-type-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'caseTypes.code' | transloco }}</mat-label>
          <input
            matInput
            formControlName="code"
            autocomplete="off"
            spellcheck="false"
            autocapitalize="off"
            data-testid="case-type-code"
          />
          <mat-hint>{{ 'caseTypes.codeHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.code"
            [messages]="{ pattern: 'caseTypes.codePattern', taken: 'caseTypes.codeTaken' }"
            [testIds]="{ pattern: 'case-type-code-pattern', taken: 'case-type-code-taken' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'caseTypes.labelDa' | transloco }}</mat-label>
          <input matInput formControlName="labelDa" autocomplete="off" lang="da" data-testid="case-type-label-da" />
          <mat-error [bfFieldErrors]="form.controls.labelDa" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'caseTypes.labelEn' | transloco }}</mat-label>
          <input matInput formControlName="labelEn" autocomplete="off" lang="en" data-testid="case-type-label-en" />
          <mat-error [bfFieldErrors]="form.controls.labelEn" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="case-type-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTypeDialog {
  private readonly store = inject(CaseTypesStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<CaseTypeDialog, CaseType>>(MatDialogRef);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(CASE_TYPE_CODE_PATTERN)]],
    labelDa: ['', [Validators.required, Validators.maxLength(200)]],
    labelEn: ['', [Validators.required, Validators.maxLength(200)]],
  });

  protected save(): void {
    const code = this.form.controls.code;
    if (code.value !== code.value.trim()) code.setValue(code.value.trim());
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.create({ code: value.code, labelDa: value.labelDa.trim(), labelEn: value.labelEn.trim() }).subscribe({
      next: (created) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(created);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isConflict(error)) {
          code.setErrors({ taken: true });
          code.markAsTouched();
        } else if (error instanceof HttpErrorResponse && error.status === 400) {
          this.errorMessage.set(applyServerErrors(this.form, error));
        } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.errorMessage.set(this.transloco.translate('errors.unknown'));
        }
      },
    });
  }
}
