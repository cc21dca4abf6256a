import type { Routes } from '@angular/router';

import { AuditPage } from './audit-page';

export default [
  { path: '', component: AuditPage },
  {
    path: 'privilegerede-aendringer',
    title: 'privileged.title',
    loadComponent: () => import('./privileged-changes-page').then((m) => m.PrivilegedChangesPage),
  },
] satisfies Routes;
