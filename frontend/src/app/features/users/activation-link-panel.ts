import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';

import type { ActivationLink } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';

/**
 * A one-time activation link, shown to the admin once: the link with a copy button, its expiry and how
 * to hand it over. Bofast keeps only a hash of it, so it cannot be shown again.
 */
@Component({
  selector: 'bf-activation-link-panel',
  imports: [DatePipe, MatButtonModule, MatFormFieldModule, MatInputModule, TranslocoPipe],
  template: `
    <div class="panel" data-testid="activation-link-panel">
      <p class="notice" role="status">{{ 'activation.showOnce' | transloco: { name: name() } }}</p>
      <mat-form-field class="link">
        <mat-label>{{ 'activation.link' | transloco }}</mat-label>
        <input
          matInput
          readonly
          [value]="link().activationUrl"
          data-testid="activation-link"
          (focus)="select($event)"
        />
        <mat-hint>
          {{ 'activation.expires' | transloco: { when: (link().expiresAt | date: 'medium' : undefined : language()) } }}
        </mat-hint>
      </mat-form-field>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="copy()" data-testid="activation-link-copy">
          {{ (copied() ? 'activation.copied' : 'activation.copy') | transloco }}
        </button>
        <span class="visually-hidden" aria-live="polite">{{ copied() ? ('activation.copied' | transloco) : '' }}</span>
      </div>
      <p class="hint">{{ 'activation.handOver' | transloco }}</p>
    </div>
  `,
  styles: `
    .panel {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .link {
      width: 100%;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    .notice {
      margin: 0;
      font-weight: 500;
    }
    .hint {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivationLinkPanel {
  private readonly clipboard = inject(Clipboard);
  protected readonly language = inject(LanguageStore).language;

  readonly link = input.required<ActivationLink>();
  readonly name = input.required<string>();
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.link().activationUrl));
  }

  protected select(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }
}
