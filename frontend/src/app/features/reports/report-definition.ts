import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';

import {
  type AvoidedEvictionRule,
  type IndicatorDefinition,
  type Report,
  SUSTAINED_CHECK_MONTHS,
} from '@bofast/contracts';

import { LanguageStore } from '../../core/i18n/language-store';
import { formatTimestamp } from './report-format';

/** Version 1 of "undgået udsættelse" (docs/evictions.md), shown where the stored versions cannot be read. */
export const DEFAULT_RULE: AvoidedEvictionRule = {
  involvedMinStage: 'paakrav',
  avoidedOutcomes: ['undgaaet_betalt', 'undgaaet_aftale', 'undgaaet_tilbagekaldt', 'undgaaet_afvist'],
  requireApproval: true,
  sustainedMonths: SUSTAINED_CHECK_MONTHS,
};

/** The definition versions a report was made with, from the list of all versions. */
export function usedDefinitions(report: Report, all: IndicatorDefinition[]): IndicatorDefinition[] {
  return report.definitions.flatMap((used) => all.filter((d) => d.key === used.key && d.version === used.version));
}

/** The three parts of a rule in words: involved, avoided, sustained. */
@Component({
  selector: 'bf-definition-rule',
  imports: [TranslocoPipe],
  template: `
    @let r = rule();
    <ul>
      <li>
        <strong>{{ 'reports.definition.involvedLabel' | transloco }}</strong>
        {{ 'reports.definition.involved' | transloco: { stage: ('evictionStage.' + r.involvedMinStage | transloco) } }}
      </li>
      <li>
        <strong>{{ 'reports.definition.avoidedLabel' | transloco }}</strong>
        {{ 'reports.definition.avoided' | transloco }}
        @for (o of r.avoidedOutcomes; track o; let last = $last) {
          «{{ 'evictionOutcome.' + o | transloco }}»{{ last ? '' : ', ' }}
        }
        {{ (r.requireApproval ? 'reports.definition.approval' : 'reports.definition.noApproval') | transloco }}
      </li>
      <li>
        <strong>{{ 'reports.definition.sustainedLabel' | transloco }}</strong>
        {{ 'reports.definition.sustained' | transloco: { months: r.sustainedMonths } }}
      </li>
    </ul>
  `,
  styles: `
    ul {
      margin: 0 0 0.5rem;
      padding-left: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionRule {
  readonly rule = input.required<AvoidedEvictionRule>();
}

/** "Sådan tæller vi": the rule of each definition version the numbers were made with. */
@Component({
  selector: 'bf-report-definition',
  imports: [DefinitionRule, TranslocoPipe],
  template: `
    <section class="definition" aria-labelledby="definition-title" data-testid="report-definition">
      <h2 id="definition-title">{{ 'reports.definition.title' | transloco }}</h2>
      @for (d of definitions(); track d.version) {
        <div class="version" data-testid="report-definition-version">
          <h3>
            {{ 'reports.definition.version' | transloco: { version: d.version } }}
            <span class="bf-muted meta">
              {{ 'reports.definition.created' | transloco: { at: when(d.createdAt) } }}
              @if (d.createdBy) {
                · {{ d.createdBy }}
              }
            </span>
          </h3>
          @if (d.description) {
            <p class="description">{{ d.description }}</p>
          }
          <bf-definition-rule [rule]="d.rule" />
        </div>
      } @empty {
        <bf-definition-rule [rule]="fallbackRule" />
        @if (fallbackNote()) {
          <p class="bf-muted">{{ fallbackNote() }}</p>
        }
      }
      <ul class="always">
        <li>{{ 'reports.definition.notCounted' | transloco }}</li>
        <li>{{ 'reports.definition.perStage' | transloco }}</li>
        <li>{{ 'reports.definition.households' | transloco }}</li>
        <li>{{ 'reports.definition.denominator' | transloco }}</li>
        <li>{{ 'reports.definition.stored' | transloco }}</li>
      </ul>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }

    .definition {
      break-inside: avoid;
    }

    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0.5rem 0 0.25rem;
    }

    .meta {
      font: var(--mat-sys-body-small);
    }

    .description {
      margin: 0 0 0.25rem;
    }

    ul {
      margin: 0 0 0.5rem;
      padding-left: 1.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportDefinition {
  private readonly language = inject(LanguageStore).language;

  /** The versions the numbers used; none → the rule of version 1 with `fallbackNote`. */
  readonly definitions = input<IndicatorDefinition[]>([]);
  readonly fallbackNote = input<string | null>(null);

  protected readonly fallbackRule = DEFAULT_RULE;

  protected when(iso: string): string {
    return formatTimestamp(iso, this.language());
  }
}
