import type { Routes } from '@angular/router';

import { CaseTypesPage } from './case-types-page';

export default [{ path: '', component: CaseTypesPage }] satisfies Routes;
