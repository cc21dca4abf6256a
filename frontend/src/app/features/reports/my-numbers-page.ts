import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { type IndicatorDefinition, Permission, type ReportResult, SUSTAINED_CHECK_MONTHS } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { todayIso } from '../../core/format/dates';
import { LanguageStore } from '../../core/i18n/language-store';
import { ReportDefinition } from './report-definition';
import { formatPeriod } from './report-format';
import { PERIOD_PRESETS, type Period, type PeriodPreset, presetPeriod } from './report-period';
import { ReportResultView } from './report-result';
import { DEFINITIONS_URL, myNumbersRequest } from './reports-api';

/** /mine-tal — a worker's own numbers for a period (their cases, visits and contacts; never the team's). */
@Component({
  selector: 'bf-my-numbers-page',
  imports: [
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReportDefinition,
    ReportResultView,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('reports')],
  templateUrl: './my-numbers-page.html',
  styleUrl: './my-numbers-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyNumbersPage {
  protected readonly language = inject(LanguageStore).language;
  private readonly canReadDefinitions = inject(AuthStore).can(Permission.ReportRead);

  // Not an input: the router binds every input of a routed component (an unmatched one to undefined).
  private readonly today = todayIso();

  protected readonly presets = PERIOD_PRESETS;
  protected readonly preset = signal<PeriodPreset>('thisMonth');
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');

  /** The period asked for, or null while a custom period is incomplete or reversed. */
  protected readonly period = computed<Period | null>(() => {
    const preset = this.preset();
    if (preset !== 'custom') return presetPeriod(preset, this.today);
    const from = this.customFrom();
    const to = this.customTo();
    return from && to && from <= to ? { from, to } : null;
  });
  protected readonly periodText = computed(() => {
    const period = this.period();
    return period ? formatPeriod(period.from, period.to, this.language()) : null;
  });

  protected readonly numbers = httpResource<ReportResult>(() => {
    const period = this.period();
    return period ? myNumbersRequest(period) : undefined;
  });
  private readonly definitions = httpResource<IndicatorDefinition[]>(
    () => (this.canReadDefinitions ? DEFINITIONS_URL : undefined),
    { defaultValue: [] },
  );
  /** Own numbers use the newest version of the definition. */
  protected readonly latest = computed(() => this.definitions.value().slice(-1));
  protected readonly sustainedMonths = computed(() => this.latest()[0]?.rule.sustainedMonths ?? SUSTAINED_CHECK_MONTHS);

  protected setCustom(which: 'from' | 'to', event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    (which === 'from' ? this.customFrom : this.customTo).set(value);
  }
}
