import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import type { DrilldownQuery, DrilldownRow } from '@bofast/contracts';

import { todayIso } from '../../core/format/dates';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { drilldownRequest } from './reports-api';

export interface DrilldownDialogData {
  query: DrilldownQuery;
  /** The count as the report shows it, e.g. "30" or "<5". */
  count: string;
}

/** The udsættelsessager behind "involveret" or "undgået", with links; the API access-logs the view. */
@Component({
  selector: 'bf-drilldown-dialog',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'reports.drilldown.title.' + data.query.indicator | transloco: { n: data.count } }}</h2>
    <mat-dialog-content data-testid="report-drilldown">
      <p class="logged" role="note" data-testid="report-drilldown-logged">
        {{ 'reports.drilldown.logged' | transloco }}
      </p>
      @if (rows.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'common.loading' | transloco" />
      } @else if (rows.error()) {
        <p class="bf-form-error" role="alert">{{ 'reports.drilldown.failed' | transloco }}</p>
      } @else {
        <p class="bf-muted">{{ 'reports.drilldown.count' | transloco: { n: rows.value().length } }}</p>
        <ul class="bf-plain-list">
          @for (row of rows.value(); track row.evictionId) {
            <li class="row" data-testid="report-drilldown-row">
              <a
                [routerLink]="['/udsaettelser', row.evictionId]"
                mat-dialog-close
                data-testid="report-drilldown-open"
                >{{ row.address }}</a
              >
              <span class="bf-muted meta">
                {{ row.afdeling }}
                @if (row.currentStage) {
                  · {{ 'evictionStage.' + row.currentStage | transloco }}
                }
                · {{ 'evictionStatus.' + row.status | transloco }}
                @if (row.outcome) {
                  · {{ 'evictionOutcome.' + row.outcome | transloco }}
                }
                @if (row.decidedAt) {
                  · {{ 'reports.drilldown.decided' | transloco: { date: day(row.decidedAt) } }}
                }
              </span>
            </li>
          } @empty {
            <li class="bf-muted">{{ 'reports.drilldown.none' | transloco }}</li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | transloco }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .logged {
      padding: 0.5rem 0.75rem;
      border-radius: 4px;
      background: var(--mat-sys-surface-container);
    }

    .row {
      display: flex;
      flex-direction: column;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }

    .meta {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DrilldownDialog {
  protected readonly data = inject<DrilldownDialogData>(MAT_DIALOG_DATA);
  private readonly language = inject(LanguageStore).language;

  protected readonly rows = httpResource<DrilldownRow[]>(() => drilldownRequest(this.data.query), {
    defaultValue: [],
  });

  protected day(iso: string): string {
    return formatDay(todayIso(new Date(iso)), this.language());
  }
}
