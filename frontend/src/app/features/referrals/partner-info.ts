import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { PartnerDirectoryEntry } from '@bofast/contracts';

/** What the partner directory says about a partner: services, how it takes referrals, response time, contacts. */
@Component({
  selector: 'bf-partner-info',
  imports: [TranslocoPipe],
  template: `
    @let p = partner();
    <dl class="bf-dl info">
      <dt>{{ 'partners.services' | transloco }}</dt>
      <dd data-testid="partner-info-services">
        @for (s of p.services; track s; let last = $last) {
          {{ s }}{{ last ? '' : ', ' }}
        } @empty {
          {{ 'common.none' | transloco }}
        }
      </dd>
      <dt>{{ 'partners.channels' | transloco }}</dt>
      <dd data-testid="partner-info-channels">
        @for (c of p.channels; track c; let last = $last) {
          {{ 'partnerChannel.' + c | transloco }}{{ last ? '' : ', ' }}
        } @empty {
          {{ 'common.none' | transloco }}
        }
      </dd>
      <dt>{{ 'partners.responseDays' | transloco }}</dt>
      <dd>{{ 'partners.days' | transloco: { n: p.responseDays } }}</dd>
      @if (showContacts()) {
        <dt>{{ 'partners.contacts' | transloco }}</dt>
        <dd>
          <ul class="bf-plain-list">
            @for (c of p.contacts; track $index) {
              <li data-testid="partner-info-contact">
                <strong>{{ c.name }}</strong>
                @if (c.role) {
                  ({{ c.role }})
                }
                @if (c.phone) {
                  · <a [href]="'tel:' + c.phone">{{ c.phone }}</a>
                }
                @if (c.email) {
                  · <a [href]="'mailto:' + c.email">{{ c.email }}</a>
                }
              </li>
            } @empty {
              <li>{{ 'common.none' | transloco }}</li>
            }
          </ul>
        </dd>
      }
    </dl>
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 0.75rem;
    }
    // Stacked: the labels are long and the cards narrow.
    .info {
      grid-template-columns: 1fr;
      gap: 0;
    }
    dd {
      margin-bottom: 0.5rem;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartnerInfo {
  readonly partner = input.required<PartnerDirectoryEntry>();
  readonly showContacts = input(false);
}
