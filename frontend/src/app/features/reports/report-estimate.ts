import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { ReportResult } from '@bofast/contracts';

import { MissingValue } from './missing-value';
import { CellPipe, formatKroner } from './report-format';

/** The socio-economic estimate: a low–high range in kroner, every assumption and the attribution caveat, all visible. */
@Component({
  selector: 'bf-report-estimate',
  imports: [CellPipe, MissingValue, TranslocoPipe],
  template: `
    @let e = estimate();
    <section class="estimate" aria-labelledby="estimate-title" data-testid="report-estimate">
      <h2 id="estimate-title">{{ 'reports.estimate.title' | transloco }}</h2>
      <p class="range" data-testid="report-estimate-range">
        @if (e.low === null || e.high === null) {
          {{ 'reports.estimate.range' | transloco }}:
          <bf-missing-value [reason]="'reports.estimate.missing' | transloco" />
        } @else {
          {{ 'reports.estimate.rangeText' | transloco: { low: kr(e.low), high: kr(e.high) } }}
        }
      </p>
      <dl class="params">
        <div>
          <dt>{{ 'reports.estimate.avoided' | transloco }}</dt>
          <dd>{{ e.avoided | cell }}</dd>
        </div>
        <div>
          <dt>{{ 'reports.estimate.costBo' | transloco }}</dt>
          <dd>{{ kr(e.costBoligorganisation) }}</dd>
        </div>
        <div>
          <dt>{{ 'reports.estimate.costKommune' | transloco }}</dt>
          <dd>{{ kr(e.costKommune) }}</dd>
        </div>
      </dl>
      <h3>{{ 'reports.estimate.assumptions' | transloco }}</h3>
      <ul data-testid="report-estimate-assumptions">
        @for (a of e.assumptions; track a) {
          <li>{{ a }}</li>
        }
      </ul>
      <p class="caveat" role="note" data-testid="report-estimate-caveat">
        <strong>{{ 'reports.estimate.caveatLabel' | transloco }}</strong> {{ e.caveat }}
      </p>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }

    .estimate {
      break-inside: avoid;
    }

    .range {
      font: var(--mat-sys-title-large);
      margin: 0 0 0.5rem;
    }

    .params {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 0 0 0.75rem;

      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0;
      }
    }

    h3 {
      font: var(--mat-sys-title-small);
      margin: 0.5rem 0 0.25rem;
    }

    ul {
      margin: 0 0 0.75rem;
      padding-left: 1.25rem;
    }

    .caveat {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-left: 4px solid var(--mat-sys-tertiary);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }

    @media print {
      .caveat {
        background: none;
        color: inherit;
        border: 1px solid #555;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportEstimate {
  readonly estimate = input.required<ReportResult['estimate']>();

  protected readonly kr = formatKroner;
}
