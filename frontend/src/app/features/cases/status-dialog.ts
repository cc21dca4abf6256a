import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { CASE_TRANSITIONS, type CaseDetail, type CaseStatus, ClosureReason } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CasesApi } from './cases-api';

/** The dialog result: the updated case, or 'conflict' when someone else changed it first. */
export type StatusDialogResult = CaseDetail | 'conflict';

@Component({
  selector: 'bf-status-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'status.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="status-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <p>
          {{ 'status.current' | transloco }}: <strong>{{ 'caseStatus.' + detail.status | transloco }}</strong>
        </p>
        <mat-form-field>
          <mat-label>{{ 'status.next' | transloco }}</mat-label>
          <mat-select formControlName="status" data-testid="status-select">
            @for (status of nextStatuses; track status) {
              <mat-option [value]="status" [attr.data-testid]="'status-option-' + status">{{
                'caseStatus.' + status | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.status" />
        </mat-form-field>
        @if (isClosing()) {
          <mat-form-field>
            <mat-label>{{ 'status.closureReason' | transloco }}</mat-label>
            <mat-select formControlName="closureReason" data-testid="status-closure-reason">
              @for (reason of closureReasons; track reason) {
                <mat-option [value]="reason">{{ 'closureReason.' + reason | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error
              [bfFieldErrors]="form.controls.closureReason"
              [messages]="{ required: 'status.closureRequired' }"
              [testIds]="{ required: 'status-closure-required' }"
            />
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'status.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="status-note"></textarea>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="status-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusDialog {
  private readonly cases = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<StatusDialog, StatusDialogResult>>(MatDialogRef);
  protected readonly detail = inject<CaseDetail>(MAT_DIALOG_DATA);
  protected readonly nextStatuses = CASE_TRANSITIONS[this.detail.status];
  protected readonly closureReasons = Object.values(ClosureReason);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    status: ['' as CaseStatus | '', Validators.required],
    closureReason: ['' as ClosureReason | ''],
    note: [''],
  });

  private readonly status = toSignal(this.form.controls.status.valueChanges, { initialValue: '' as CaseStatus | '' });
  protected readonly isClosing = () => this.status() === 'afsluttet';

  constructor() {
    this.form.controls.status.valueChanges.subscribe((status) => {
      const reason = this.form.controls.closureReason;
      reason.setValidators(status === 'afsluttet' ? [Validators.required] : []);
      reason.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const status = value.status as CaseStatus;
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.cases
      .changeStatus(this.detail.id, {
        status,
        closureReason: status === 'afsluttet' ? (value.closureReason as ClosureReason) : null,
        note: value.note.trim() || null,
        version: this.detail.version,
      })
      .subscribe({
        next: (updated) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(updated);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) {
            this.dialogRef.close('conflict');
          } else if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
