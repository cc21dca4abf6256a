import { ChangeDetectionStrategy, Component, inject, input, signal, viewChild } from '@angular/core';
import { FormControl, FormGroup, FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import type { ReferralMessage } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { readApiError } from '../../core/http/server-errors';
import { requiredText } from '../evictions/eviction-view';
import { formatTimestamp } from '../restance/restance-store';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';

let nextId = 0;

/** The message thread between the caseworker and the partner, and a box to write in. */
@Component({
  selector: 'bf-referral-messages',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, TranslocoPipe],
  template: `
    <ol class="bf-plain-list thread" [attr.aria-labelledby]="labelledBy()" data-testid="referral-messages">
      @for (m of messages(); track m.id) {
        <li class="message" [class.mine]="m.side === side()" data-testid="referral-message">
          <p class="meta">
            <strong>{{ m.author || ('referralSide.' + m.side | transloco) }}</strong>
            ({{ 'referralSide.' + m.side | transloco }}) ·
            <time [attr.datetime]="m.createdAt">{{ timestamp(m.createdAt, language()) }}</time>
          </p>
          <p class="text">{{ m.text }}</p>
        </li>
      } @empty {
        <li class="bf-muted">{{ 'referrals.noMessages' | transloco }}</li>
      }
    </ol>
    @if (canWrite()) {
      <form class="write" [formGroup]="form" (ngSubmit)="sendMessage()" novalidate>
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field class="field">
          <mat-label>{{ 'referrals.writeMessage' | transloco }}</mat-label>
          <textarea
            matInput
            [id]="inputId"
            formControlName="text"
            rows="2"
            data-testid="referral-message-text"
          ></textarea>
          <mat-error [bfFieldErrors]="text" />
        </mat-form-field>
        <button mat-stroked-button type="submit" [disabled]="isSending()" data-testid="referral-message-send">
          {{ 'referrals.sendMessage' | transloco }}
        </button>
      </form>
    }
  `,
  styles: `
    .thread {
      margin-bottom: 0.5rem;
    }
    .message {
      padding: 0.375rem 0.75rem;
      margin: 0.25rem 2rem 0.25rem 0;
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container);

      &.mine {
        margin: 0.25rem 0 0.25rem 2rem;
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
    }
    .text {
      margin: 0.125rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .write {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 0.5rem;
    }
    .field {
      flex: 1 1 14rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralMessages {
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;
  protected readonly inputId = `referral-message-${nextId++}`;

  readonly messages = input.required<ReferralMessage[]>();
  /** The side the user writes from; their messages are set apart. */
  readonly side = input.required<'team' | 'partner'>();
  readonly canWrite = input(false);
  readonly labelledBy = input<string | null>(null);
  /** Posts a message; the thread shows what the parent loads afterwards. */
  readonly post = input.required<(text: string) => Observable<unknown>>();

  protected readonly text = new FormControl('', { nonNullable: true, validators: requiredText });
  protected readonly form = new FormGroup({ text: this.text });
  // Resetting through the directive also clears "submitted", so the emptied box shows no error.
  private readonly formDir = viewChild(FormGroupDirective);
  protected readonly isSending = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected sendMessage(): void {
    if (this.text.invalid) {
      this.text.markAsTouched();
      return;
    }
    this.isSending.set(true);
    this.errorMessage.set(null);
    this.post()(this.text.value.trim()).subscribe({
      next: () => {
        this.isSending.set(false);
        this.formDir()?.resetForm({ text: '' });
      },
      error: (error: unknown) => {
        this.isSending.set(false);
        this.errorMessage.set(readApiError(error)?.message ?? this.transloco.translate('errors.unknown'));
      },
    });
  }
}
