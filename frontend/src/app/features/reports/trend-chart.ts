import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { Cell } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { CellPipe, SERIES_COLORS, cellNumber, formatCell, formatMonthKey } from './report-format';

export interface TrendSeries {
  key: string;
  label: string;
  values: Cell[];
}

const WIDTH = 480;
const HEIGHT = 240;
const LEFT = 44;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 46;
/** At most this many month labels on the axis; the table has them all. */
const MAX_LABELS = 7;
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;
type Marker = (typeof MARKERS)[number];

/** 0 → 1, 7 → 10, 23 → 25, 140 → 200: a round top for the y axis. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * power >= value) ?? 10;
  return step * power;
}

function markerPath(marker: Marker, x: number, y: number): string {
  const r = 4;
  switch (marker) {
    case 'square':
      return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
    case 'triangle':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y + r}H${x - r - 1}z`;
    case 'diamond':
      return `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}z`;
    default:
      return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  }
}

/** Monthly trend lines (cases opened, contacts, involved, avoided) in an accessible SVG with its table. */
@Component({
  selector: 'bf-trend-chart',
  imports: [CellPipe, TranslocoPipe],
  template: `
    <figure>
      <ul class="legend" aria-hidden="true">
        @for (s of lines(); track s.key) {
          <li>
            <svg class="legend-mark" viewBox="0 0 20 12" width="20" height="12">
              <line
                x1="0"
                y1="6"
                x2="20"
                y2="6"
                [attr.stroke]="s.color"
                stroke-width="2"
                [attr.stroke-dasharray]="s.dash"
              />
              <path [attr.d]="s.legendMarker" [attr.fill]="s.color" />
            </svg>
            {{ s.label }}
          </li>
        }
      </ul>
      <svg role="img" [attr.aria-label]="ariaLabel()" [attr.viewBox]="viewBox" data-testid="report-trend">
        @for (tick of ticks(); track tick.value) {
          <line class="grid" [attr.x1]="left" [attr.x2]="right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
          <text class="small" [attr.x]="left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.text }}</text>
        }
        <line class="axis" [attr.x1]="left" [attr.x2]="right" [attr.y1]="bottom" [attr.y2]="bottom" />
        @for (m of monthLabels(); track m.index) {
          <text class="small" [attr.x]="m.x" [attr.y]="bottom + 18" text-anchor="middle">
            {{ m.month }}
            @if (m.year) {
              <tspan [attr.x]="m.x" dy="15">{{ m.year }}</tspan>
            }
          </text>
        }
        @for (s of lines(); track s.key) {
          <path
            [attr.d]="s.path"
            fill="none"
            [attr.stroke]="s.color"
            stroke-width="2.5"
            [attr.stroke-dasharray]="s.dash"
            stroke-linejoin="round"
          />
          @for (p of s.points; track p.index) {
            <path [attr.d]="p.marker" [attr.fill]="s.color" data-testid="trend-point">
              <title>{{ p.title }}</title>
            </path>
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
                <th scope="col">{{ 'reports.trend.month' | transloco }}</th>
                @for (s of series(); track s.key) {
                  <th scope="col">{{ s.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (month of months(); track month; let i = $index) {
                <tr>
                  <th scope="row">{{ monthText(month) }}</th>
                  @for (s of series(); track s.key) {
                    <td>{{ s.values[i] | cell }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  `,
  styleUrl: './chart.scss',
  styles: `
    .legend-mark {
      display: inline-block;
      width: 20px;
      height: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  private readonly language = inject(LanguageStore).language;

  /** Months as yyyy-MM, in order; every series has one value per month. */
  readonly months = input.required<string[]>();
  readonly series = input.required<TrendSeries[]>();
  readonly caption = input.required<string>();
  readonly tableOpen = input(false);

  protected readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
  protected readonly left = LEFT;
  protected readonly right = WIDTH - RIGHT;
  protected readonly bottom = HEIGHT - BOTTOM;

  private readonly max = computed(() =>
    niceMax(Math.max(0, ...this.series().flatMap((s) => s.values.map((v) => cellNumber(v) ?? 0)))),
  );

  private x(index: number): number {
    const n = this.months().length;
    return n <= 1 ? (LEFT + WIDTH - RIGHT) / 2 : LEFT + (index * (WIDTH - RIGHT - LEFT)) / (n - 1);
  }

  private y(value: number): number {
    return HEIGHT - BOTTOM - (value / this.max()) * (HEIGHT - BOTTOM - TOP);
  }

  protected readonly ticks = computed(() => {
    const max = this.max();
    return [0, 0.25, 0.5, 0.75, 1]
      .map((f) => max * f)
      .filter((v) => Number.isInteger(v))
      .map((value) => ({ value, y: this.y(value), text: formatCell(value) }));
  });

  /** Month names on the axis; the year under the first label and wherever a new year starts. */
  protected readonly monthLabels = computed(() => {
    const months = this.months();
    const every = Math.ceil(months.length / MAX_LABELS);
    const language = this.language() === 'en' ? 'en-GB' : 'da-DK';
    const name = new Intl.DateTimeFormat(language, { month: 'short' });
    return months
      .map((month, index) => ({ index, month }))
      .filter((m) => m.index % every === 0)
      .map((m, i, shown) => {
        const [year, mm] = m.month.split('-').map(Number);
        const newYear = i === 0 || shown[i - 1].month.slice(0, 4) !== m.month.slice(0, 4);
        return {
          index: m.index,
          x: this.x(m.index),
          month: name.format(new Date(year, mm - 1, 1)),
          year: newYear ? String(year) : null,
        };
      });
  });

  protected readonly lines = computed(() =>
    this.series().map((s, si) => {
      const color = SERIES_COLORS[si % SERIES_COLORS.length];
      const marker = MARKERS[si % MARKERS.length];
      let path = '';
      let pen = false;
      const points: { index: number; marker: string; title: string }[] = [];
      s.values.forEach((value, index) => {
        const n = cellNumber(value);
        // A suppressed month ("<5") has no height to draw: the line breaks there.
        if (n === null) {
          pen = false;
          return;
        }
        const x = this.x(index);
        const y = this.y(n);
        path += `${pen ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
        pen = true;
        points.push({
          index,
          marker: markerPath(marker, x, y),
          title: `${s.label}, ${this.monthText(this.months()[index] ?? '')}: ${formatCell(value)}`,
        });
      });
      return {
        key: s.key,
        label: s.label,
        color,
        dash: si % 2 === 1 ? '6 3' : null,
        path,
        points,
        legendMarker: markerPath(marker, 10, 6),
      };
    }),
  );

  protected readonly ariaLabel = computed(() => {
    const months = this.months();
    const span = months.length
      ? `${this.monthText(months[0], 'long')} – ${this.monthText(months[months.length - 1], 'long')}`
      : '';
    const parts = this.series().map((s) => `${s.label}: ${s.values.map(formatCell).join(', ')}`);
    return `${this.caption()}, ${span}. ${parts.join('. ')}.`;
  });

  protected monthText(month: string, style: 'short' | 'long' = 'short'): string {
    return formatMonthKey(month, this.language(), style);
  }
}
