import type { Route } from '@angular/router';

import { Permission } from '@bofast/contracts';

import { authGuard, guestGuard, permissionGuard } from './core/guards/auth-guard';
import { NotFoundPage } from './core/not-found/not-found-page';
import { Shell } from './core/shell/shell';

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: 'login.title',
    loadComponent: () => import('./features/login/login-page').then((m) => m.LoginPage),
  },
  {
    // The one-time activation link an admin hands over (public: the user has no password yet).
    path: 'aktiver/:token',
    title: 'activation.title',
    loadComponent: () => import('./features/activation/activation-page').then((m) => m.ActivationPage),
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
        title: 'nav.home',
        canActivate: [permissionGuard(Permission.SelfRead)],
        loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
      },
      {
        path: 'cases',
        title: 'nav.cases',
        canActivate: [permissionGuard(Permission.CaseRead)],
        loadChildren: () => import('./features/cases/cases.routes'),
      },
      {
        path: 'besoeg',
        title: 'nav.visits',
        canActivate: [permissionGuard(Permission.CaseRead)],
        loadChildren: () => import('./features/visits/visits.routes'),
      },
      {
        path: 'henvisninger',
        canActivate: [permissionGuard(Permission.CaseRead)],
        loadChildren: () => import('./features/referrals/referrals.routes'),
      },
      {
        path: 'partner',
        title: 'nav.partner',
        canActivate: [permissionGuard(Permission.PartnerPortal)],
        loadChildren: () => import('./features/partner-portal/partner-portal.routes'),
      },
      {
        path: 'partnere',
        title: 'nav.partners',
        canActivate: [permissionGuard(Permission.OrganisationRead)],
        loadChildren: () => import('./features/partners/partners.routes'),
      },
      {
        path: 'signals',
        title: 'nav.signals',
        canActivate: [permissionGuard(Permission.SignalRead)],
        loadChildren: () => import('./features/signals/signals.routes'),
      },
      {
        path: 'udsaettelser',
        title: 'nav.evictions',
        canActivate: [permissionGuard(Permission.EvictionRead)],
        loadChildren: () => import('./features/evictions/evictions.routes'),
      },
      {
        path: 'rapporter',
        title: 'nav.reports',
        canActivate: [permissionGuard(Permission.ReportRead)],
        loadChildren: () => import('./features/reports/reports.routes'),
      },
      {
        path: 'mine-tal',
        title: 'nav.myNumbers',
        canActivate: [permissionGuard(Permission.ReportOwn)],
        loadChildren: () => import('./features/reports/my-numbers.routes'),
      },
      {
        path: 'search',
        title: 'nav.search',
        canActivate: [permissionGuard(Permission.PersonRead)],
        loadComponent: () => import('./features/people/search-page').then((m) => m.SearchPage),
      },
      {
        path: 'persons/:id',
        title: 'person.title',
        canActivate: [permissionGuard(Permission.PersonRead)],
        loadComponent: () => import('./features/people/person-page').then((m) => m.PersonPage),
      },
      {
        path: 'tenancies/:id',
        title: 'tenancy.title',
        canActivate: [permissionGuard(Permission.TenancyRead)],
        loadComponent: () => import('./features/people/tenancy-page').then((m) => m.TenancyPage),
      },
      {
        path: 'me',
        title: 'nav.me',
        canActivate: [permissionGuard(Permission.SelfRead)],
        loadComponent: () => import('./features/me/me-page').then((m) => m.MePage),
      },
      {
        path: 'admin/users',
        title: 'nav.users',
        canActivate: [permissionGuard(Permission.UserRead)],
        loadChildren: () => import('./features/users/users.routes'),
      },
      {
        path: 'admin/teams',
        title: 'nav.teams',
        canActivate: [permissionGuard(Permission.TeamRead)],
        loadChildren: () => import('./features/teams/teams.routes'),
      },
      {
        path: 'admin/case-types',
        title: 'nav.caseTypes',
        canActivate: [permissionGuard(Permission.CaseTypeManage)],
        loadChildren: () => import('./features/case-types/case-types.routes'),
      },
      {
        path: 'admin/organisations',
        title: 'nav.organisations',
        canActivate: [permissionGuard(Permission.OrganisationManage)],
        loadChildren: () => import('./features/organisations/organisations.routes'),
      },
      {
        path: 'restance',
        loadChildren: () => import('./features/restance/restance.routes'),
      },
      {
        path: 'admin/import-profiles',
        title: 'nav.importProfiles',
        canActivate: [permissionGuard(Permission.RestanceConfigure)],
        loadComponent: () => import('./features/restance/import-profiles-page').then((m) => m.ImportProfilesPage),
      },
      {
        path: 'admin/jobs',
        title: 'nav.jobs',
        canActivate: [permissionGuard(Permission.JobRead)],
        loadComponent: () => import('./features/jobs/failed-jobs-page').then((m) => m.FailedJobsPage),
      },
      {
        path: 'audit',
        title: 'nav.audit',
        canActivate: [permissionGuard(Permission.AccessLogRead)],
        loadChildren: () => import('./features/audit/audit.routes'),
      },
      { path: 'not-found', title: 'notFound.title', component: NotFoundPage },
      { path: '**', title: 'notFound.title', component: NotFoundPage },
    ],
  },
];
