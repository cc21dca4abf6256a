import type { Routes } from '@angular/router';

import { VisitsPage } from './visits-page';

export default [{ path: '', component: VisitsPage }] satisfies Routes;
