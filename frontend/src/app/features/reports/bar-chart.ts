import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { Cell } from '@bofast/contracts';

import { CellPipe, SERIES_COLORS, cellNumber, formatCell } from './report-format';

export interface BarGroup {
  label: string;
  /** One value per series, in the order of `series`. */
  values: Cell[];
}

const WIDTH = 480;
const GROUP_LABEL = 24;
const BAR = 16;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const VALUE_SPACE = 44;

/**
 * Grouped horizontal bars (one group per partner or stage, one bar per series) in an accessible SVG:
 * the series overlap (an accepted referral may also be completed), so they are never stacked.
 */
@Component({
  selector: 'bf-bar-chart',
  imports: [CellPipe, TranslocoPipe],
  template: `
    <figure>
      @if (groups().length === 0) {
        <p class="bf-muted empty">{{ 'reports.chart.noData' | transloco }}</p>
      } @else {
        <ul class="legend" aria-hidden="true">
          @for (s of legend(); track s.label) {
            <li><span class="swatch" [style.background]="s.color"></span>{{ s.label }}</li>
          }
        </ul>
        <svg
          role="img"
          [attr.aria-label]="ariaLabel()"
          [attr.viewBox]="'0 0 ' + width + ' ' + height()"
          [attr.data-testid]="testId()"
        >
          @for (g of layout(); track $index) {
            <text class="label" x="0" [attr.y]="g.y + 17">{{ g.label }}</text>
            @for (b of g.bars; track $index) {
              <rect
                x="0"
                [attr.y]="b.y"
                [attr.width]="b.width"
                [attr.height]="barHeight"
                rx="2"
                [attr.fill]="b.color"
                data-testid="bar"
              >
                <title>{{ b.title }}</title>
              </rect>
              <text class="small" [attr.x]="b.width + 4" [attr.y]="b.y + barHeight - 3">{{ b.text }}</text>
            }
          }
        </svg>
        <details class="chart-data" [open]="tableOpen()">
          <summary>{{ 'reports.chart.showNumbers' | transloco }}</summary>
          <div
            class="bf-table-scroll"
            tabindex="0"
            role="region"
            [attr.aria-label]="'reports.chart.showNumbers' | transloco"
          >
            <table class="data-table">
              <caption class="visually-hidden">
                {{
                  caption()
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ groupHeader() }}</th>
                  @for (s of series(); track s) {
                    <th scope="col">{{ s }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (g of groups(); track $index) {
                  <tr>
                    <th scope="row">{{ g.label }}</th>
                    @for (v of g.values; track $index) {
                      <td>{{ v | cell }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </details>
      }
    </figure>
  `,
  styleUrl: './chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  /** Series labels, e.g. Sendt, Accepteret, … */
  readonly series = input.required<string[]>();
  readonly groups = input.required<BarGroup[]>();
  readonly caption = input.required<string>();
  /** The header of the table's first column (Partner, Trin). */
  readonly groupHeader = input.required<string>();
  readonly testId = input<string | null>(null);
  readonly tableOpen = input(false);

  protected readonly width = WIDTH;
  protected readonly barHeight = BAR;

  protected readonly legend = computed(() =>
    this.series().map((label, i) => ({ label, color: SERIES_COLORS[i % SERIES_COLORS.length] })),
  );

  private readonly groupHeight = computed(() => GROUP_LABEL + this.series().length * (BAR + BAR_GAP) + GROUP_GAP);
  protected readonly height = computed(() => this.groups().length * this.groupHeight());

  protected readonly layout = computed(() => {
    const series = this.series();
    const groups = this.groups();
    const max = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => cellNumber(v) ?? 0)));
    const scale = (WIDTH - VALUE_SPACE) / max;
    return groups.map((g, gi) => {
      const y = gi * this.groupHeight();
      return {
        label: g.label,
        y,
        bars: series.map((label, si) => {
          const n = cellNumber(g.values[si]) ?? 0;
          const text = formatCell(g.values[si]);
          return {
            y: y + GROUP_LABEL + si * (BAR + BAR_GAP),
            width: n > 0 ? Math.max(2, n * scale) : 0,
            color: SERIES_COLORS[si % SERIES_COLORS.length],
            text,
            title: `${g.label}, ${label}: ${text}`,
          };
        }),
      };
    });
  });

  protected readonly ariaLabel = computed(() => {
    const series = this.series();
    const groups = this.groups().map(
      (g) => `${g.label}: ${series.map((s, i) => `${s} ${formatCell(g.values[i])}`).join(', ')}`,
    );
    return `${this.caption()}. ${groups.join('; ')}.`;
  });
}
