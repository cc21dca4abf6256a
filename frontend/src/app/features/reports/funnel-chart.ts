import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { Cell } from '@bofast/contracts';

import { CellPipe, SERIES_COLORS, cellNumber, formatCell } from './report-format';

export interface FunnelStep {
  key: string;
  label: string;
  value: Cell;
}

const WIDTH = 480;
const ROW = 46;
const BAR = 20;
const VALUE_SPACE = 56;

/** The stage funnel påkrav → ophævelse → fogedret → udfald as horizontal bars in an accessible SVG. */
@Component({
  selector: 'bf-funnel-chart',
  imports: [CellPipe, TranslocoPipe],
  template: `
    <figure>
      <svg
        role="img"
        [attr.aria-label]="ariaLabel()"
        [attr.viewBox]="'0 0 ' + width + ' ' + height()"
        data-testid="report-funnel"
      >
        @for (bar of bars(); track bar.key) {
          <text class="label" x="0" [attr.y]="bar.y - 6">{{ bar.label }}</text>
          <rect
            class="bar"
            x="0"
            [attr.y]="bar.y"
            [attr.width]="bar.width"
            [attr.height]="barHeight"
            rx="2"
            [attr.fill]="color"
            data-testid="funnel-bar"
          />
          <text class="value" [attr.x]="bar.width + 6" [attr.y]="bar.y + barHeight - 5">{{ bar.text }}</text>
        }
      </svg>
      <details class="chart-data" [open]="tableOpen()">
        <summary>{{ 'reports.chart.showNumbers' | transloco }}</summary>
        <table class="data-table">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'reports.funnel.step' | transloco }}</th>
              <th scope="col">{{ 'reports.funnel.cases' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (step of steps(); track step.key) {
              <tr>
                <th scope="row">{{ step.label }}</th>
                <td>{{ step.value | cell }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    </figure>
  `,
  styleUrl: './chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelChart {
  readonly steps = input.required<FunnelStep[]>();
  /** The chart's name, the start of its aria-label. */
  readonly caption = input.required<string>();
  readonly tableOpen = input(false);

  protected readonly width = WIDTH;
  protected readonly barHeight = BAR;
  protected readonly color = SERIES_COLORS[0];
  protected readonly height = computed(() => this.steps().length * ROW + 4);

  protected readonly bars = computed(() => {
    const steps = this.steps();
    const max = Math.max(1, ...steps.map((s) => cellNumber(s.value) ?? 0));
    const scale = (WIDTH - VALUE_SPACE) / max;
    return steps.map((step, i) => {
      const n = cellNumber(step.value) ?? 0;
      return {
        key: step.key,
        label: step.label,
        text: formatCell(step.value),
        y: i * ROW + 22,
        // A non-zero count keeps a visible sliver; a suppressed one draws no length it does not have.
        width: n > 0 ? Math.max(2, n * scale) : 0,
      };
    });
  });

  protected readonly ariaLabel = computed(
    () =>
      `${this.caption()}: ${this.steps()
        .map((s) => `${s.label} ${formatCell(s.value)}`)
        .join(', ')}`,
  );
}
