import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { type IndicatorDefinition, Permission, type ReportSummary } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
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
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
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
    this.dialog
      .open<DefinitionDialog, DefinitionDialogData, IndicatorDefinition>(DefinitionDialog, {
        maxWidth: '95vw',
        width: '40rem',
        autoFocus: 'first-tabbable',
        data: { current },
        injector: this.injector,
      })
      .afterClosed()
      .subscribe((created) => {
        if (created) this.definitions.reload();
      });
  }
}
