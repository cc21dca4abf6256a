import type { Routes } from '@angular/router';

import { Permission } from '@bofast/contracts';

import { permissionGuard } from '../../core/guards/auth-guard';
import { SignalFormPage } from './signal-form-page';
import { SignalPage } from './signal-page';
import { SignalsPage } from './signals-page';

export default [
  { path: '', component: SignalsPage },
  {
    path: 'new',
    title: 'signals.newTitle',
    canActivate: [permissionGuard(Permission.SignalWrite)],
    component: SignalFormPage,
  },
  { path: ':id', title: 'signals.signalTitle', component: SignalPage },
] satisfies Routes;
