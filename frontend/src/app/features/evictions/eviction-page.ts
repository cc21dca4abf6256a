import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { EvictionCard } from './eviction-card';

/** /udsaettelser/:id — one udsættelsessag with links to its cases; the card's title is the page heading. */
@Component({
  selector: 'bf-eviction-page',
  imports: [EvictionCard, RouterLink, TranslocoPipe],
  template: `
    <p class="back">
      <a routerLink="/udsaettelser" data-testid="eviction-back">{{ 'evictions.upcomingTitle' | transloco }}</a>
    </p>
    <bf-eviction-card [evictionId]="id()" [headingLevel]="1" [pageLoad]="true" />
  `,
  styles: `
    .back {
      margin: 0.5rem 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionPage {
  readonly id = input.required<string>();
}
