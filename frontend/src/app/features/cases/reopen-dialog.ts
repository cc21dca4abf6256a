import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { CaseDetail } from '@bofast/contracts';

import { CasesApi } from './cases-api';

/** Reopens a closed case as a new linked case; closes with the new case. */
@Component({
  selector: 'bf-reopen-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'reopen.title' | transloco }}</h2>
    <mat-dialog-content class="bf-form">
      <p>{{ 'reopen.text' | transloco: { caseNumber: detail.caseNumber } }}</p>
      @if (errorMessage(); as message) {
        <p class="bf-form-error" role="alert">{{ message }}</p>
      }
      <mat-form-field>
        <mat-label>{{ 'reopen.note' | transloco }}</mat-label>
        <textarea matInput [formControl]="note" rows="3" data-testid="reopen-note"></textarea>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
      <button mat-flat-button type="button" (click)="save()" [disabled]="isSubmitting()" data-testid="reopen-submit">
        {{ 'reopen.submit' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReopenDialog {
  private readonly cases = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ReopenDialog, CaseDetail>>(MatDialogRef);
  protected readonly detail = inject<CaseDetail>(MAT_DIALOG_DATA);
  protected readonly note = new FormControl('', { nonNullable: true });
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected save(): void {
    this.isSubmitting.set(true);
    this.cases.reopen(this.detail.id, { note: this.note.value.trim() || null }).subscribe({
      next: (created) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(created);
      },
      error: () => {
        this.isSubmitting.set(false);
        this.errorMessage.set(this.transloco.translate('errors.unknown'));
      },
    });
  }
}
