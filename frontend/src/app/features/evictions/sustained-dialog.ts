import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatRadioModule } from '@angular/material/radio';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { EvictionCase } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { EvictionsApi, dialogErrorMessage, isVersionConflict } from './evictions-api';
import { formatDay } from './eviction-view';
import type { EvictionDialogResult } from './outcome-dialog';

/** "Registrér opfølgning": some months after an avoided eviction, does the household still live there? */
@Component({
  selector: 'bf-sustained-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatRadioModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'evictions.sustainedDialogTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="sustained-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="sustained-error">{{ message }}</p>
        }
        @if (eviction.sustained; as s) {
          <p>{{ 'evictions.sustainedDue' | transloco: { date: day(s.dueDate, language()) } }}</p>
        }
        <fieldset class="bf-field-group">
          <legend id="sustained-question">{{ 'evictions.stillResidentQuestion' | transloco }}</legend>
          <mat-radio-group formControlName="stillResident" aria-labelledby="sustained-question" class="radios">
            <mat-radio-button [value]="true" data-testid="sustained-yes">{{
              'evictions.stillResidentYes' | transloco
            }}</mat-radio-button>
            <mat-radio-button [value]="false" data-testid="sustained-no">{{
              'evictions.stillResidentNo' | transloco
            }}</mat-radio-button>
          </mat-radio-group>
          @if (form.controls.stillResident.touched && form.controls.stillResident.invalid) {
            <p class="bf-form-error" role="alert">{{ 'common.required' | transloco }}</p>
          }
        </fieldset>
        <mat-form-field>
          <mat-label>{{ 'evictions.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="sustained-note"></textarea>
          <mat-error [bfFieldErrors]="form.controls.note" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="sustained-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .radios {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SustainedDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<SustainedDialog, EvictionDialogResult>>(MatDialogRef);
  protected readonly eviction = inject<EvictionCase>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguageStore).language;
  protected readonly day = formatDay;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    stillResident: [null as boolean | null, Validators.required],
    note: ['', Validators.maxLength(1000)],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .sustainedCheck(this.eviction.id, {
        stillResident: value.stillResident === true,
        note: value.note.trim() || null,
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
