import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { ContactChannel, ContactOutcome, TimelineEvent } from '@bofast/contracts';

import { nowLocal, toIsoTimestamp } from '../../core/format/dates';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../signals/signals-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CasesApi } from './cases-api';

/** Records a contact attempt on a case; closes with the new event. */
@Component({
  selector: 'bf-contact-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatButtonToggleModule, MatDialogModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'contact.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <fieldset class="bf-field-group">
          <legend id="case-channel-label">{{ 'contact.channel' | transloco }}</legend>
          <mat-button-toggle-group
            formControlName="channel"
            aria-labelledby="case-channel-label"
            class="bf-toggle-wrap"
            hideSingleSelectionIndicator
          >
            @for (channel of channels; track channel) {
              <mat-button-toggle [value]="channel" [attr.data-testid]="'contact-channel-' + channel">{{
                'contactChannel.' + channel | transloco
              }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
          @if (form.controls.channel.touched && form.controls.channel.invalid) {
            <p class="bf-form-error" role="alert">{{ 'contact.channelRequired' | transloco }}</p>
          }
        </fieldset>
        <fieldset class="bf-field-group">
          <legend id="case-outcome-label">{{ 'contact.outcome' | transloco }}</legend>
          <mat-button-toggle-group
            formControlName="outcome"
            aria-labelledby="case-outcome-label"
            class="bf-toggle-wrap"
            hideSingleSelectionIndicator
          >
            @for (outcome of outcomes; track outcome) {
              <mat-button-toggle [value]="outcome" [attr.data-testid]="'contact-outcome-' + outcome">{{
                'contactOutcome.' + outcome | transloco
              }}</mat-button-toggle>
            }
          </mat-button-toggle-group>
          @if (form.controls.outcome.touched && form.controls.outcome.invalid) {
            <p class="bf-form-error" role="alert">{{ 'contact.outcomeRequired' | transloco }}</p>
          }
        </fieldset>
        <mat-form-field class="full">
          <mat-label>{{ 'contact.occurredAt' | transloco }}</mat-label>
          <input matInput type="datetime-local" formControlName="occurredAt" data-testid="contact-occurred-at" />
          <mat-error [bfFieldErrors]="form.controls.occurredAt" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="contact-submit">
          {{ 'contact.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: '.full { width: 100%; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactDialog {
  private readonly cases = inject(CasesApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ContactDialog, TimelineEvent>>(MatDialogRef);
  private readonly caseId = inject<string>(MAT_DIALOG_DATA);
  protected readonly channels = CONTACT_CHANNELS;
  protected readonly outcomes = CONTACT_OUTCOMES;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    channel: ['' as ContactChannel | '', Validators.required],
    outcome: ['' as ContactOutcome | '', Validators.required],
    occurredAt: [nowLocal(), Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.cases
      .addContactAttempt(this.caseId, {
        channel: value.channel as ContactChannel,
        outcome: value.outcome as ContactOutcome,
        occurredAt: toIsoTimestamp(value.occurredAt),
      })
      .subscribe({
        next: (event) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(event);
        },
        error: () => {
          this.isSubmitting.set(false);
          this.errorMessage.set(this.transloco.translate('errors.unknown'));
        },
      });
  }
}
