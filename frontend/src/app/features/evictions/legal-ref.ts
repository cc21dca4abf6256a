import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { LegalReference } from '@bofast/contracts';

/** A paragraph reference from LEGAL_REFERENCES; unverified ones say "(kontrollér)". The text opens on demand. */
@Component({
  selector: 'bf-legal-ref',
  imports: [TranslocoPipe],
  template: `
    <details class="legal" data-testid="legal-ref">
      <summary>
        <span data-testid="legal-ref-law"
          >{{ reference().law }}
          @if (!reference().verified) {
            ({{ 'evictions.verify' | transloco }})
          }
        </span>
      </summary>
      <p>{{ reference().text }}</p>
    </details>
  `,
  styles: `
    .legal {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      margin: 0.125rem 0;

      summary {
        cursor: pointer;
        width: fit-content;
      }

      p {
        margin: 0.125rem 0 0.25rem 1rem;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LegalRef {
  readonly reference = input.required<LegalReference>();
}
