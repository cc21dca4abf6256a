import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { ReferralStatusEntry } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatTimestamp } from '../restance/restance-store';

/** The steps of a referral: status, when, who (and which side), and the reason given. */
@Component({
  selector: 'bf-referral-history',
  imports: [TranslocoPipe],
  template: `
    <ol class="bf-plain-list history" [attr.data-testid]="testId()">
      @for (h of history(); track $index) {
        <li data-testid="referral-history-entry">
          <strong>{{ 'referralStatus.' + h.status | transloco }}</strong>
          <span class="bf-muted">
            · <time [attr.datetime]="h.at">{{ timestamp(h.at, language()) }}</time>
            @if (h.by) {
              · {{ h.by }}
            }
            ({{ 'referralSide.' + h.side | transloco }})
          </span>
          @if (h.reason) {
            <p class="reason">{{ h.reason }}</p>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .history li {
      padding: 0.25rem 0 0.25rem 0.75rem;
      border-inline-start: 2px solid var(--mat-sys-outline-variant);
    }
    .reason {
      margin: 0.125rem 0 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReferralHistory {
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;

  readonly history = input.required<ReferralStatusEntry[]>();
  readonly testId = input('referral-history');
}
