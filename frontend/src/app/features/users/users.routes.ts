import type { Routes } from '@angular/router';

import { UsersPage } from './users-page';

export default [{ path: '', component: UsersPage }] satisfies Routes;
