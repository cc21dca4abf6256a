import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { Handoff } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatTimestamp } from '../restance/restance-store';
import { handoffsUrl } from './handoffs-api';

/** The case's handoff history, newest first, with each handover note. */
@Component({
  selector: 'bf-handoffs-list',
  imports: [TranslocoPipe],
  template: `
    <ol class="bf-plain-list" [attr.aria-busy]="handoffs.isLoading()" data-testid="handoff-list">
      @for (h of handoffs.value(); track h.id) {
        <li class="item" data-testid="handoff-row">
          <p class="head">
            <strong>{{ h.from.userName }} → {{ h.to.userName }}</strong>
            @if (h.kind === 'team') {
              <span> ({{ h.from.teamName }} → {{ h.to.teamName }})</span>
            }
          </p>
          <p class="bf-muted meta">
            {{ 'handoffKind.' + h.kind | transloco }} ·
            <time [attr.datetime]="h.at">{{ timestamp(h.at, language()) }}</time>
            @if (h.by) {
              · {{ 'handoff.by' | transloco: { name: h.by.displayName } }}
            }
          </p>
          <p class="note" data-testid="handoff-row-note">{{ h.note }}</p>
        </li>
      } @empty {
        <li class="bf-muted">{{ (handoffs.isLoading() ? 'common.loading' : 'handoff.none') | transloco }}</li>
      }
    </ol>
  `,
  styles: `
    .item {
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);

      p {
        margin: 0.125rem 0;
        overflow-wrap: anywhere;
      }
    }
    .note {
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandoffsList {
  protected readonly language = inject(LanguageStore).language;
  protected readonly timestamp = formatTimestamp;

  readonly caseId = input.required<string>();

  protected readonly handoffs = httpResource<Handoff[]>(() => handoffsUrl(this.caseId()), { defaultValue: [] });

  reload(): void {
    this.handoffs.reload();
  }
}
