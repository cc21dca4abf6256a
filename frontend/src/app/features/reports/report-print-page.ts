import { DOCUMENT } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { type IndicatorDefinition, type Report, SUSTAINED_CHECK_MONTHS } from '@bofast/contracts';

import { todayIso } from '../../core/format/dates';
import { pageLoadContext } from '../../core/http/http-context';
import { LanguageStore } from '../../core/i18n/language-store';
import { formatDay } from '../evictions/eviction-view';
import { type FunnelStep, FunnelChart } from './funnel-chart';
import { ReportDefinition, usedDefinitions } from './report-definition';
import { ReportEstimate } from './report-estimate';
import { formatPeriod } from './report-format';
import { ReportHeadline } from './report-headline';
import { injectTranslate } from './report-i18n';
import { funnelSteps, trendSeries } from './report-series';
import { type ReportTableSection, ReportTables } from './report-tables';
import { DEFINITIONS_URL, reportUrl } from './reports-api';
import { type TrendSeries, TrendChart } from './trend-chart';

const PRINT_SECTIONS: readonly ReportTableSection[] = ['evictions', 'people', 'restance', 'referrals'];

/** /rapporter/:id/print — an A4 layout for the styregruppe: key numbers, two charts, key tables, estimate, definition. */
@Component({
  selector: 'bf-report-print-page',
  imports: [
    FunnelChart,
    MatButtonModule,
    MatProgressBarModule,
    ReportDefinition,
    ReportEstimate,
    ReportHeadline,
    ReportTables,
    RouterLink,
    TrendChart,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('reports')],
  templateUrl: './report-print-page.html',
  styleUrl: './report-print-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportPrintPage {
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageStore).language;
  protected readonly t = injectTranslate();

  readonly id = input.required<string>();

  protected readonly report = httpResource<Report>(() => ({ url: reportUrl(this.id()), context: pageLoadContext() }));
  private readonly allDefinitions = httpResource<IndicatorDefinition[]>(() => DEFINITIONS_URL, { defaultValue: [] });

  protected readonly sections = PRINT_SECTIONS;
  protected readonly printedOn = computed(() => formatDay(todayIso(), this.language(), 'long'));
  protected readonly definitions = computed(() =>
    this.report.hasValue() ? usedDefinitions(this.report.value(), this.allDefinitions.value()) : [],
  );
  protected readonly sustainedMonths = computed(
    () => this.definitions()[0]?.rule.sustainedMonths ?? SUSTAINED_CHECK_MONTHS,
  );

  protected readonly months = computed(() =>
    this.report.hasValue() ? this.report.value().result.trend.map((m) => m.month) : [],
  );
  protected readonly trendSeries = computed<TrendSeries[]>(() =>
    this.report.hasValue() ? trendSeries(this.report.value().result, this.t()) : [],
  );
  protected readonly funnelSteps = computed<FunnelStep[]>(() =>
    this.report.hasValue() ? funnelSteps(this.report.value().result, this.t()) : [],
  );

  protected period(report: Report): string {
    return formatPeriod(report.request.from, report.request.to, this.language());
  }

  protected versions(report: Report): string {
    return report.definitions.map((d) => `v${d.version}`).join(', ');
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
