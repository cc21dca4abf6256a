import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import {
  type IndicatorDefinition,
  Permission,
  type Report,
  type ReproduceResult,
  SUSTAINED_CHECK_MONTHS,
} from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { DrilldownDialog, type DrilldownDialogData } from './drilldown-dialog';
import { ReportDefinition, usedDefinitions } from './report-definition';
import { formatCell, formatPeriod, formatTimestamp } from './report-format';
import type { DrilldownIndicator } from './report-headline';
import { ReportResultView } from './report-result';
import { DEFINITIONS_URL, ReportsApi, reportExportUrl, reportUrl } from './reports-api';

/** /rapporter/:id — a stored report: headline, charts, tables, estimate; export, print, reproduce, drill down. */
@Component({
  selector: 'bf-report-page',
  imports: [
    MatButtonModule,
    MatChipsModule,
    MatProgressBarModule,
    ReportDefinition,
    ReportResultView,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('reports')],
  templateUrl: './report-page.html',
  styleUrl: './report-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPage {
  private readonly api = inject(ReportsApi);
  private readonly dialogs = injectDialogs();
  protected readonly language = inject(LanguageStore).language;
  /** Case-level rows only for roles that may read the cases (team leads, not the administrator). */
  protected readonly canDrill = inject(AuthStore).can(Permission.CaseRead);

  readonly id = input.required<string>();

  protected readonly report = httpResource<Report>(() => ({ url: reportUrl(this.id()), context: pageLoadContext() }));
  private readonly allDefinitions = httpResource<IndicatorDefinition[]>(() => DEFINITIONS_URL, { defaultValue: [] });

  protected readonly definitions = computed(() =>
    this.report.hasValue() ? usedDefinitions(this.report.value(), this.allDefinitions.value()) : [],
  );
  protected readonly sustainedMonths = computed(
    () => this.definitions()[0]?.rule.sustainedMonths ?? SUSTAINED_CHECK_MONTHS,
  );

  protected readonly isReproducing = signal(false);
  protected readonly reproduced = signal<ReproduceResult | null>(null);
  protected readonly reproduceFailed = signal(false);

  protected xlsxUrl(): string {
    return reportExportUrl(this.id(), 'xlsx');
  }

  protected csvUrl(): string {
    return reportExportUrl(this.id(), 'csv');
  }

  protected period(report: Report): string {
    return formatPeriod(report.request.from, report.request.to, this.language());
  }

  protected when(iso: string): string {
    return formatTimestamp(iso, this.language());
  }

  protected versions(report: Report): string {
    return report.definitions.map((d) => `v${d.version}`).join(', ');
  }

  protected reproduce(): void {
    this.isReproducing.set(true);
    this.reproduced.set(null);
    this.reproduceFailed.set(false);
    this.api.reproduce(this.id()).subscribe({
      next: (result) => {
        this.isReproducing.set(false);
        this.reproduced.set(result);
      },
      error: () => {
        this.isReproducing.set(false);
        this.reproduceFailed.set(true);
      },
    });
  }

  protected openDrilldown(indicator: DrilldownIndicator): void {
    if (!this.canDrill || !this.report.hasValue()) return;
    const { request, result } = this.report.value();
    this.dialogs.open<DrilldownDialog, DrilldownDialogData, unknown>(DrilldownDialog, {
      width: '40rem',
      autoFocus: 'dialog',
      data: {
        query: {
          from: request.from,
          to: request.to,
          scopeType: request.scopeType,
          scopeId: request.scopeId ?? null,
          indicator,
        },
        count: formatCell(result.evictions[indicator]),
      },
    });
  }
}
