import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { type ReportResult, SUSTAINED_CHECK_MONTHS } from '@bofast/contracts';

import { MissingValue } from './missing-value';
import { CellPipe, formatCell, formatShare } from './report-format';

export type DrilldownIndicator = 'involved' | 'avoided';

/** The headline: avoided evictions always with the denominator ("Involveret i 41 … · undgået 30"). */
@Component({
  selector: 'bf-report-headline',
  imports: [CellPipe, MissingValue, TranslocoPipe],
  template: `
    @let ev = evictions();
    <p class="headline" data-testid="report-headline">
      {{ 'reports.headline.text' | transloco: { involved: involvedText(), avoided: avoidedText() } }}
    </p>
    <dl class="kpis">
      <div class="kpi">
        <dt>{{ 'reports.headline.involved' | transloco }}</dt>
        <dd>
          @if (drillable()) {
            <button
              type="button"
              class="number link"
              (click)="drill.emit('involved')"
              [attr.aria-label]="'reports.headline.showInvolved' | transloco: { n: involvedText() }"
              data-testid="report-involved"
            >
              {{ ev.involved | cell }}
            </button>
          } @else {
            <span class="number" data-testid="report-involved">{{ ev.involved | cell }}</span>
          }
        </dd>
      </div>
      <div class="kpi">
        <dt>{{ 'reports.headline.avoided' | transloco }}</dt>
        <dd>
          @if (drillable()) {
            <button
              type="button"
              class="number link"
              (click)="drill.emit('avoided')"
              [attr.aria-label]="'reports.headline.showAvoided' | transloco: { n: avoidedText() }"
              data-testid="report-avoided"
            >
              {{ ev.avoided | cell }}
            </button>
          } @else {
            <span class="number" data-testid="report-avoided">{{ ev.avoided | cell }}</span>
          }
        </dd>
      </div>
      <div class="kpi">
        <dt>{{ 'reports.headline.share' | transloco }}</dt>
        <dd class="number" data-testid="report-share">
          @if (ev.avoidedShare === null) {
            <bf-missing-value [reason]="'reports.headline.shareMissing' | transloco" />
          } @else {
            {{ share() }}
          }
        </dd>
      </div>
      <div class="kpi">
        <dt>{{ 'reports.headline.sustained' | transloco: { months: sustainedMonths() } }}</dt>
        <dd>
          <span class="number" data-testid="report-sustained">{{ ev.sustained.stillResident | cell }}</span>
          <span class="detail">{{
            'reports.headline.sustainedOf'
              | transloco: { checked: formatCell(ev.sustained.checked), due: formatCell(ev.sustained.due) }
          }}</span>
        </dd>
      </div>
      <div class="kpi">
        <dt>{{ 'reports.headline.pending' | transloco }}</dt>
        <dd>
          <span class="number" data-testid="report-pending">{{ ev.pendingApproval | cell }}</span>
          <span class="detail">{{ 'reports.headline.pendingHint' | transloco }}</span>
        </dd>
      </div>
      <div class="kpi">
        <dt>{{ 'reports.headline.households' | transloco }}</dt>
        <dd>
          <span class="number" data-testid="report-households">{{ ev.households | cell }}</span>
          <span class="detail">{{ 'reports.headline.householdsHint' | transloco }}</span>
        </dd>
      </div>
    </dl>
    @if (drillable()) {
      <p class="bf-muted drill-hint">{{ 'reports.headline.drillHint' | transloco }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .headline {
      font: var(--mat-sys-headline-small);
      margin: 0 0 1rem;
    }

    .kpis {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr));
      gap: 0.75rem;
      margin: 0;
    }

    .kpi {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
      break-inside: avoid;

      dt {
        font: var(--mat-sys-label-large);
        color: var(--mat-sys-on-surface-variant);
      }

      dd {
        margin: 0.25rem 0 0;
        display: flex;
        flex-direction: column;
      }
    }

    .number {
      font: var(--mat-sys-headline-medium);
      font-weight: 600;
    }

    button.number {
      align-self: flex-start;
      padding: 0 0.25rem;
      margin-left: -0.25rem;
      border: none;
      border-radius: 4px;
      background: none;
      color: var(--mat-sys-primary);
      text-decoration: underline;
      cursor: pointer;

      &:hover,
      &:focus-visible {
        background: var(--mat-sys-primary-container);
      }
    }

    .detail {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }

    .drill-hint {
      font: var(--mat-sys-body-small);
      margin: 0.5rem 0 0;
    }

    @media print {
      .drill-hint {
        display: none;
      }

      button.number {
        color: inherit;
        text-decoration: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportHeadline {
  readonly evictions = input.required<ReportResult['evictions']>();
  readonly sustainedMonths = input(SUSTAINED_CHECK_MONTHS);
  /** Whether the counts open the cases behind them (team leads with case access). */
  readonly drillable = input(false);
  readonly drill = output<DrilldownIndicator>();

  protected readonly formatCell = formatCell;
  protected readonly involvedText = computed(() => formatCell(this.evictions().involved));
  protected readonly avoidedText = computed(() => formatCell(this.evictions().avoided));
  protected readonly share = computed(() => formatShare(this.evictions().avoidedShare));
}
