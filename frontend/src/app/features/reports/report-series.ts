import type { ReportResult } from '@bofast/contracts';

import type { FunnelStep } from './funnel-chart';
import type { Translate } from './report-i18n';
import type { TrendSeries } from './trend-chart';

const TREND_KEYS = ['casesOpened', 'contacts', 'involved', 'avoided'] as const;

/** The four monthly lines of the trend chart. */
export function trendSeries(result: ReportResult, t: Translate): TrendSeries[] {
  return TREND_KEYS.map((key) => ({
    key,
    label: t(`reports.trend.${key}`),
    values: result.trend.map((m) => m[key]),
  }));
}

/** påkrav → ophævelse → fogedret → udfald. */
export function funnelSteps(result: ReportResult, t: Translate): FunnelStep[] {
  const f = result.evictions.funnel;
  return [
    { key: 'paakrav', label: t('reports.stageReached.paakrav'), value: f.paakrav },
    { key: 'ophaevelse', label: t('reports.stageReached.ophaevelse'), value: f.ophaevelse },
    { key: 'fogedret', label: t('reports.stageReached.fogedret'), value: f.fogedret },
    { key: 'outcome', label: t('reports.funnel.outcome'), value: f.outcome },
  ];
}
