import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { loadReportsTranslations } from './report-i18n';
import { ReportPage } from './report-page';
import { ReportPrintPage } from './report-print-page';
import { ReportsPage } from './reports-page';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('reports')],
    resolve: { translations: loadReportsTranslations },
    children: [
      { path: '', component: ReportsPage },
      { path: ':id', title: 'reports.reportTitle', component: ReportPage },
      { path: ':id/print', title: 'reports.printTitle', component: ReportPrintPage },
    ],
  },
] satisfies Routes;
