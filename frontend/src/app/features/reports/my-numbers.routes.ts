import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

import { MyNumbersPage } from './my-numbers-page';
import { loadReportsTranslations } from './report-i18n';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('reports')],
    resolve: { translations: loadReportsTranslations },
    component: MyNumbersPage,
  },
] satisfies Routes;
