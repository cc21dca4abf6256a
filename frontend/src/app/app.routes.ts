import type { Route } from '@angular/router';

import { Permission } from '@bofast/contracts';

import { authGuard, guestGuard, permissionGuard } from './core/guards/auth-guard';
import { NotFoundPage } from './core/not-found/not-found-page';
import { Shell } from './core/shell/shell';

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: 'Bofast',
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: Shell,
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'Bofast',
        canActivate: [permissionGuard(Permission.SelfRead)],
        loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'me',
        title: 'Bofast',
        canActivate: [permissionGuard(Permission.SelfRead)],
        loadComponent: () => import('./features/me/me-page').then((m) => m.MePage),
      },
      {
        path: 'admin/users',
        title: 'Bofast',
        canActivate: [permissionGuard(Permission.UserRead)],
        loadChildren: () => import('./features/users/users.routes'),
      },
      {
        path: 'admin/teams',
        title: 'Bofast',
        canActivate: [permissionGuard(Permission.TeamRead)],
        loadChildren: () => import('./features/teams/teams.routes'),
      },
      {
        path: 'audit',
        title: 'Bofast',
        canActivate: [permissionGuard(Permission.AccessLogRead)],
        loadChildren: () => import('./features/audit/audit.routes'),
      },
      { path: 'not-found', component: NotFoundPage },
      { path: '**', component: NotFoundPage },
    ],
  },
];
