import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTooltipModule } from '@angular/material/tooltip';

/** "–" for an amount or share that cannot be shown, with the reason as a tooltip (and in print). */
@Component({
  selector: 'bf-missing-value',
  imports: [MatTooltipModule],
  template: `<span class="missing" tabindex="0" [matTooltip]="reason()" data-testid="missing-value">–</span
    ><span class="print-reason"> ({{ reason() }})</span>`,
  styles: `
    .missing {
      cursor: help;
      text-decoration: underline dotted;
    }

    .print-reason {
      display: none;
      font-size: 0.75em;
      font-weight: normal;
    }

    @media print {
      .print-reason {
        display: inline;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MissingValue {
  readonly reason = input.required<string>();
}
