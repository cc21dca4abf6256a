import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { TimelineEvent, Visibility } from '@bofast/contracts';

import { toIsoTimestamp, todayIso } from '../../core/format/dates';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CasesApi } from './cases-api';

export interface NoteDialogData {
  caseId: string;
  /** Set to write a correction of this event. */
  corrects?: TimelineEvent;
}

/** Writes a note or a correction; closes with the new event. */
@Component({
  selector: 'bf-note-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ (data.corrects ? 'note.correctTitle' : 'note.title') | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="note-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        @if (data.corrects?.text; as original) {
          <p class="bf-muted">{{ 'note.original' | transloco }}: {{ original }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'note.text' | transloco }}</mat-label>
          <textarea matInput formControlName="text" rows="5" data-testid="note-text"></textarea>
          <mat-error [bfFieldErrors]="form.controls.text" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'note.occurredAt' | transloco }}</mat-label>
          <input matInput type="date" formControlName="occurredAt" data-testid="note-occurred-at" />
          <mat-error [bfFieldErrors]="form.controls.occurredAt" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'note.visibility' | transloco }}</mat-label>
          <mat-select formControlName="visibility" data-testid="note-visibility">
            <mat-option value="team">{{ 'visibility.team' | transloco }}</mat-option>
            <mat-option value="case_members">{{ 'visibility.case_members' | transloco }}</mat-option>
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="note-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoteDialog {
  private readonly cases = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<NoteDialog, TimelineEvent>>(MatDialogRef);
  protected readonly data = inject<NoteDialogData>(MAT_DIALOG_DATA);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    text: ['', Validators.required],
    occurredAt: [this.data.corrects ? this.data.corrects.occurredAt.slice(0, 10) : todayIso(), Validators.required],
    visibility: [(this.data.corrects?.visibility ?? 'team') as Visibility],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.cases
      .addNote(this.data.caseId, {
        text: value.text.trim(),
        occurredAt: toIsoTimestamp(value.occurredAt),
        visibility: value.visibility,
        correctsEventId: this.data.corrects?.id ?? null,
      })
      .subscribe({
        next: (event) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(event);
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
