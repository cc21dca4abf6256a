import type { Routes } from '@angular/router';

import { TeamsPage } from './teams-page';

export default [{ path: '', component: TeamsPage }] satisfies Routes;
