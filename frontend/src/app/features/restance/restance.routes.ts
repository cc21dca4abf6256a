import type { Routes } from '@angular/router';

import { Permission } from '@bofast/contracts';

import { permissionGuard } from '../../core/guards/auth-guard';
import { ImportPage } from './import-page';
import { RowPage } from './row-page';
import { WeightsPage } from './weights-page';
import { WorklistPage } from './worklist-page';

// Each child names its own permission: a boligorganisation user may import but not read the worklist.
export default [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.restance',
    canActivate: [permissionGuard(Permission.RestanceRead)],
    component: WorklistPage,
  },
  {
    path: 'import',
    title: 'restance.importTitle',
    canActivate: [permissionGuard(Permission.RestanceImport)],
    component: ImportPage,
  },
  {
    path: 'weights',
    title: 'triage.title',
    canActivate: [permissionGuard(Permission.TriageConfigure)],
    component: WeightsPage,
  },
  {
    path: 'rows/:id',
    title: 'restance.rowTitle',
    canActivate: [permissionGuard(Permission.RestanceRead)],
    component: RowPage,
  },
] satisfies Routes;
