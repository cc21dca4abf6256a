import type { Routes } from '@angular/router';

import { CasePage } from './case-page';
import { CasesPage } from './cases-page';

export default [
  { path: '', component: CasesPage },
  { path: ':id', title: 'cases.caseTitle', component: CasePage },
] satisfies Routes;
