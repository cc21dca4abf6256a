import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoPipe } from '@jsverse/transloco';
import { ContactChannel, ContactOutcome, CreateContactAttemptRequest } from '@bofast/contracts';

import { nowLocal, toIsoTimestamp } from '../core/format/dates';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../features/signals/signals-store';
import { FORM_FIELD_IMPORTS } from './forms/field-errors';

/**
 * The quick "kontaktforsøg" form (channel, outcome, when) used on a signal and on a restanceliste row.
 * It emits the request; the page sends it and calls `reset()` when the server has accepted it.
 */
@Component({
  selector: 'bf-contact-attempt-form',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatButtonToggleModule, TranslocoPipe],
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="contact-form">
      <fieldset class="bf-field-group">
        <legend [id]="testIdPrefix() + 'channel-label'">{{ 'contact.channel' | transloco }}</legend>
        <mat-button-toggle-group
          formControlName="channel"
          [attr.aria-labelledby]="testIdPrefix() + 'channel-label'"
          class="bf-toggle-wrap"
          hideSingleSelectionIndicator
        >
          @for (channel of channels; track channel) {
            <mat-button-toggle [value]="channel" [attr.data-testid]="testIdPrefix() + 'contact-channel-' + channel">{{
              'contactChannel.' + channel | transloco
            }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        @if (form.controls.channel.touched && form.controls.channel.invalid) {
          <p class="bf-form-error" role="alert">{{ 'contact.channelRequired' | transloco }}</p>
        }
      </fieldset>
      <fieldset class="bf-field-group">
        <legend [id]="testIdPrefix() + 'outcome-label'">{{ 'contact.outcome' | transloco }}</legend>
        <mat-button-toggle-group
          formControlName="outcome"
          [attr.aria-labelledby]="testIdPrefix() + 'outcome-label'"
          class="bf-toggle-wrap"
          hideSingleSelectionIndicator
        >
          @for (outcome of outcomes; track outcome) {
            <mat-button-toggle [value]="outcome" [attr.data-testid]="testIdPrefix() + 'contact-outcome-' + outcome">{{
              'contactOutcome.' + outcome | transloco
            }}</mat-button-toggle>
          }
        </mat-button-toggle-group>
        @if (form.controls.outcome.touched && form.controls.outcome.invalid) {
          <p class="bf-form-error" role="alert">{{ 'contact.outcomeRequired' | transloco }}</p>
        }
      </fieldset>
      <mat-form-field>
        <mat-label>{{ 'contact.occurredAt' | transloco }}</mat-label>
        <input
          matInput
          type="datetime-local"
          formControlName="occurredAt"
          [attr.data-testid]="testIdPrefix() + 'contact-occurred-at'"
        />
        <mat-error [bfFieldErrors]="form.controls.occurredAt" />
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="busy()" [attr.data-testid]="testIdPrefix() + 'contact-submit'">
        {{ 'contact.submit' | transloco }}
      </button>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactAttemptForm {
  /** Prefix for ids and data-testids, so two forms never share one. */
  readonly testIdPrefix = input('');
  readonly busy = input(false);
  readonly submitted = output<CreateContactAttemptRequest>();

  protected readonly channels = CONTACT_CHANNELS;
  protected readonly outcomes = CONTACT_OUTCOMES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    channel: ['' as ContactChannel | '', Validators.required],
    outcome: ['' as ContactOutcome | '', Validators.required],
    occurredAt: [nowLocal(), Validators.required],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.submitted.emit({
      channel: value.channel as ContactChannel,
      outcome: value.outcome as ContactOutcome,
      occurredAt: toIsoTimestamp(value.occurredAt),
    });
  }

  reset(): void {
    this.form.reset({ channel: '', outcome: '', occurredAt: nowLocal() });
  }
}
