import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import type { Cell, EvictionOutcome, ReportResult } from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { CaseTypesStore } from '../cases/case-types-store';
import { MissingValue } from './missing-value';
import { CellPipe, formatKroner, formatMonthKey, formatNumber, presentOutcomes } from './report-format';

export type ReportTableSection = 'evictions' | 'restance' | 'referrals' | 'contacts' | 'cases' | 'people';

export const ALL_SECTIONS: readonly ReportTableSection[] = [
  'evictions',
  'people',
  'restance',
  'referrals',
  'contacts',
  'cases',
];

function entries(record: Record<string, Cell>): { key: string; value: Cell }[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

/** The tables behind the report's numbers, one section each; `sections` picks them (the print view shows fewer). */
@Component({
  selector: 'bf-report-tables',
  imports: [CellPipe, MissingValue, TranslocoPipe],
  templateUrl: './report-tables.html',
  styleUrl: './report-tables.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportTables {
  private readonly caseTypes = inject(CaseTypesStore);
  protected readonly language = inject(LanguageStore).language;

  readonly result = input.required<ReportResult>();
  readonly sections = input<readonly ReportTableSection[]>(ALL_SECTIONS);

  protected readonly kr = formatKroner;
  protected readonly num = formatNumber;

  protected show(section: ReportTableSection): boolean {
    return this.sections().includes(section);
  }

  protected readonly outcomes = computed(() => presentOutcomes(this.result().evictions.byStage));

  /** The three count tables of the contacts section: caption, the label prefix of their rows, rows. */
  protected readonly contactTables = computed(() => {
    const c = this.result().contacts;
    return [
      {
        caption: 'reports.tables.visitsByStatus',
        labelPrefix: 'reports.visitStatus.',
        rows: entries(c.visitsByStatus),
      },
      {
        caption: 'reports.tables.visitsByLocation',
        labelPrefix: 'reports.location.',
        rows: entries(c.visitsByLocation),
      },
      {
        caption: 'reports.tables.attemptsByOutcome',
        labelPrefix: 'contactOutcome.',
        rows: entries(c.contactAttemptsByOutcome),
      },
    ];
  });

  protected outcomeCell(outcomes: Partial<Record<EvictionOutcome, Cell>>, outcome: EvictionOutcome): Cell {
    return outcomes[outcome] ?? 0;
  }

  protected caseType(code: string): string {
    return this.caseTypes.label(code);
  }

  protected listMonth(listDate: string): string {
    return formatMonthKey(listDate.slice(0, 7), this.language(), 'long');
  }
}
