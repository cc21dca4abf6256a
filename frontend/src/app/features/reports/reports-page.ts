import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { type IndicatorDefinition, Permission, type ReportSummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { DefinitionDialog, type DefinitionDialogData } from './definition-dialog';
import { DefinitionRule } from './report-definition';
import { ReportForm } from './report-form';
import { formatPeriod, formatTimestamp } from './report-format';
import { DEFINITIONS_URL, REPORTS_URL } from './reports-api';

/** /rapporter: make a report, the stored reports, and (administrator) the versions of the definition. */
@Component({
  selector: 'bf-reports-page',
  imports: [
    DefinitionRule,
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    ReportForm,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('reports')],
  templateUrl: './reports-page.html',
  styleUrl: './reports-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPage {
  private readonly dialogs = injectDialogs();
  protected readonly language = inject(LanguageStore).language;
  protected readonly canDefine = inject(AuthStore).can(Permission.ReportDefine);
  protected readonly columns = ['title', 'period', 'scope', 'audience', 'definition', 'created'];

  protected readonly reports = httpResource<ReportSummary[]>(() => REPORTS_URL, { defaultValue: [] });
  protected readonly definitions = httpResource<IndicatorDefinition[]>(
    () => (this.canDefine ? DEFINITIONS_URL : undefined),
    { defaultValue: [] },
  );

  protected period(r: ReportSummary): string {
    return formatPeriod(r.from, r.to, this.language());
  }

  protected when(iso: string): string {
    return formatTimestamp(iso, this.language());
  }

  protected versions(r: ReportSummary): string {
    return r.definitions.map((d) => `v${d.version}`).join(', ');
  }

  protected newVersion(): void {
    const current = this.definitions.value().at(-1) ?? null;
    this.dialogs
      .open<DefinitionDialog, DefinitionDialogData, IndicatorDefinition>(DefinitionDialog, {
        width: '40rem',
        data: { current },
      })
      .subscribe(() => {
        this.definitions.reload();
      });
  }
}
