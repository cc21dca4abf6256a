import type { Routes } from '@angular/router';

import { PartnersPage } from './partners-page';

export default [{ path: '', component: PartnersPage }] satisfies Routes;
