import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import { type ReportResult, SUSTAINED_CHECK_MONTHS } from '@bofast/contracts';

import { type BarGroup, BarChart } from './bar-chart';
import { type FunnelStep, FunnelChart } from './funnel-chart';
import { type DrilldownIndicator, ReportHeadline } from './report-headline';
import { ReportEstimate } from './report-estimate';
import { presentOutcomes } from './report-format';
import { injectTranslate } from './report-i18n';
import { funnelSteps, trendSeries } from './report-series';
import { ReportTables } from './report-tables';
import { type TrendSeries, TrendChart } from './trend-chart';

const REFERRAL_KEYS = ['sent', 'accepted', 'declined', 'completed', 'noShow', 'open'] as const;

/** A report's numbers: the headline, the charts, the tables behind them and (for teams) the estimate. */
@Component({
  selector: 'bf-report-result',
  imports: [BarChart, FunnelChart, ReportEstimate, ReportHeadline, ReportTables, TrendChart, TranslocoPipe],
  template: `
    @let r = result();
    <section class="panel" aria-labelledby="result-evictions">
      <h2 id="result-evictions">{{ 'reports.headline.title' | transloco }}</h2>
      <bf-report-headline
        [evictions]="r.evictions"
        [sustainedMonths]="sustainedMonths()"
        [drillable]="drillable()"
        (drill)="drill.emit($event)"
      />
    </section>

    <div class="charts">
      <section class="panel" aria-labelledby="result-trend">
        <h2 id="result-trend">{{ 'reports.trend.title' | transloco }}</h2>
        <bf-trend-chart [months]="months()" [series]="trendSeries()" [caption]="t()('reports.trend.title')" />
      </section>
      <section class="panel" aria-labelledby="result-funnel">
        <h2 id="result-funnel">{{ 'reports.funnel.title' | transloco }}</h2>
        <p class="bf-muted note">{{ 'reports.funnel.note' | transloco }}</p>
        <bf-funnel-chart [steps]="funnelSteps()" [caption]="t()('reports.funnel.title')" />
      </section>
      <section class="panel" aria-labelledby="result-stage-outcomes">
        <h2 id="result-stage-outcomes">{{ 'reports.stageOutcomes.title' | transloco }}</h2>
        <bf-bar-chart
          [series]="stageSeries()"
          [groups]="stageGroups()"
          [caption]="t()('reports.stageOutcomes.title')"
          [groupHeader]="t()('reports.tables.stageReached')"
          testId="report-stage-outcomes"
        />
      </section>
      <section class="panel" aria-labelledby="result-partners">
        <h2 id="result-partners">{{ 'reports.partners.title' | transloco }}</h2>
        <bf-bar-chart
          [series]="referralSeries()"
          [groups]="partnerGroups()"
          [caption]="t()('reports.partners.title')"
          [groupHeader]="t()('reports.tables.partner')"
          testId="report-partners"
        />
      </section>
    </div>

    <bf-report-tables [result]="r" />

    @if (showEstimate()) {
      <div class="panel">
        <bf-report-estimate [estimate]="r.estimate" />
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .panel {
      margin: 0 0 1.5rem;
    }

    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: 0 2rem;
    }

    .note {
      font: var(--mat-sys-body-small);
      margin: 0 0 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportResultView {
  readonly result = input.required<ReportResult>();
  readonly sustainedMonths = input(SUSTAINED_CHECK_MONTHS);
  readonly drillable = input(false);
  /** The socio-economic estimate belongs to team reports, not to a worker's own numbers. */
  readonly showEstimate = input(true);
  readonly drill = output<DrilldownIndicator>();

  protected readonly t = injectTranslate();

  protected readonly months = computed(() => this.result().trend.map((m) => m.month));

  protected readonly trendSeries = computed<TrendSeries[]>(() => trendSeries(this.result(), this.t()));
  protected readonly funnelSteps = computed<FunnelStep[]>(() => funnelSteps(this.result(), this.t()));

  /** Involved and avoided per furthest stage, then each outcome that occurs. */
  private readonly stageOutcomes = computed(() => presentOutcomes(this.result().evictions.byStage));

  protected readonly stageSeries = computed(() => {
    const t = this.t();
    return [
      t('reports.tables.involved'),
      t('reports.tables.avoided'),
      ...this.stageOutcomes().map((o) => t(`evictionOutcome.${o}`)),
    ];
  });

  protected readonly stageGroups = computed<BarGroup[]>(() => {
    const t = this.t();
    const outcomes = this.stageOutcomes();
    return this.result().evictions.byStage.map((s) => ({
      label: t(`reports.stageReached.${s.stage}`),
      values: [s.involved, s.avoided, ...outcomes.map((o) => s.outcomes[o] ?? 0)],
    }));
  });

  protected readonly referralSeries = computed(() => {
    const t = this.t();
    return REFERRAL_KEYS.map((key) => t(`reports.referral.${key}`));
  });

  protected readonly partnerGroups = computed<BarGroup[]>(() =>
    this.result().referrals.byPartner.map((p) => ({
      label: p.partner,
      values: REFERRAL_KEYS.map((key) => p[key]),
    })),
  );
}
