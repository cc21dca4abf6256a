import type { Routes } from '@angular/router';

import { OrganisationsPage } from './organisations-page';

export default [{ path: '', component: OrganisationsPage }] satisfies Routes;
