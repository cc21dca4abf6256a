import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type EvictionCase, EvictionOutcome, isAvoided } from '@bofast/contracts';

import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { EvictionsApi, dialogErrorMessage, isVersionConflict } from './evictions-api';
import { requiredText } from './eviction-view';

/** The dialog result: the updated eviction case, or 'conflict' when someone else saved first. */
export type EvictionDialogResult = EvictionCase | 'conflict';

/** "Foreslå udfald": "undgået" outcomes wait for a team lead; the others close the case at once. */
@Component({
  selector: 'bf-outcome-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'evictions.outcomeDialogTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="outcome-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="outcome-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'evictions.outcome' | transloco }}</mat-label>
          <mat-select formControlName="outcome" data-testid="outcome-select">
            @for (o of outcomes; track o) {
              <mat-option [value]="o" [attr.data-testid]="'outcome-option-' + o">{{
                'evictionOutcome.' + o | transloco
              }}</mat-option>
            }
          </mat-select>
          @if (needsApproval()) {
            <mat-hint data-testid="outcome-approval-hint">{{ 'evictions.outcomeNeedsApproval' | transloco }}</mat-hint>
          } @else if (outcome()) {
            <mat-hint>{{ 'evictions.outcomeCloses' | transloco }}</mat-hint>
          }
          <mat-error [bfFieldErrors]="form.controls.outcome" [testIds]="{ server: 'outcome-server-error' }" />
        </mat-form-field>
        @if (isMovedOut()) {
          <mat-form-field>
            <mat-label>{{ 'evictions.rehousingNote' | transloco }}</mat-label>
            <textarea matInput formControlName="rehousingNote" rows="3" data-testid="outcome-rehousing"></textarea>
            <mat-hint>{{ 'evictions.rehousingHint' | transloco }}</mat-hint>
            <mat-error
              [bfFieldErrors]="form.controls.rehousingNote"
              [messages]="{ required: 'evictions.rehousingRequired' }"
              [testIds]="{ required: 'outcome-rehousing-required' }"
            />
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'evictions.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="outcome-note"></textarea>
          <mat-error [bfFieldErrors]="form.controls.note" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="outcome-submit">
          {{ (needsApproval() ? 'evictions.sendForApproval' : 'evictions.recordOutcome') | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutcomeDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<OutcomeDialog, EvictionDialogResult>>(MatDialogRef);
  private readonly eviction = inject<EvictionCase>(MAT_DIALOG_DATA);
  protected readonly outcomes = Object.values(EvictionOutcome);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    outcome: ['' as EvictionOutcome | '', Validators.required],
    rehousingNote: [{ value: '', disabled: true }, [Validators.required, requiredText, Validators.maxLength(2000)]],
    note: ['', Validators.maxLength(2000)],
  });

  protected readonly outcome = toSignal(this.form.controls.outcome.valueChanges, {
    initialValue: this.form.controls.outcome.value,
  });
  protected readonly needsApproval = computed(() => isAvoided(this.outcome() || null));
  protected readonly isMovedOut = computed(() => this.outcome() === 'fraflyttet_frivilligt');

  constructor() {
    this.form.controls.outcome.valueChanges.subscribe((outcome) => {
      const rehousing = this.form.controls.rehousingNote;
      if (outcome === 'fraflyttet_frivilligt') rehousing.enable({ emitEvent: false });
      else rehousing.disable({ emitEvent: false });
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const outcome = value.outcome as EvictionOutcome;
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .proposeOutcome(this.eviction.id, {
        outcome,
        note: value.note.trim() || null,
        rehousingNote: outcome === 'fraflyttet_frivilligt' ? value.rehousingNote.trim() || null : null,
        version: this.eviction.version,
      })
      .subscribe({
        next: (updated) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(updated);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isVersionConflict(error)) this.dialogRef.close('conflict');
          else this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }
}
