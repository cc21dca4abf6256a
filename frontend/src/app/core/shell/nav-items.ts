import { Permission, hasPermission } from '@bofast/contracts';

export interface NavItem {
  key: string;
  path: string;
  labelKey: string;
  permission: Permission;
  exact: boolean;
}

/** The one navigation definition; the sidenav shows the items the user's permissions allow. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    key: 'home',
    path: '/',
    labelKey: 'nav.home',
    permission: Permission.SelfRead,
    exact: true,
  },
  {
    key: 'partner',
    path: '/partner',
    labelKey: 'nav.partner',
    permission: Permission.PartnerPortal,
    exact: false,
  },
  {
    key: 'cases',
    path: '/cases',
    labelKey: 'nav.cases',
    permission: Permission.CaseRead,
    exact: false,
  },
  {
    key: 'visits',
    path: '/besoeg',
    labelKey: 'nav.visits',
    permission: Permission.CaseRead,
    exact: false,
  },
  {
    key: 'signals',
    path: '/signals',
    labelKey: 'nav.signals',
    permission: Permission.SignalRead,
    exact: false,
  },
  {
    key: 'search',
    path: '/search',
    labelKey: 'nav.search',
    permission: Permission.PersonRead,
    exact: false,
  },
  {
    key: 'evictions',
    path: '/udsaettelser',
    labelKey: 'nav.evictions',
    permission: Permission.EvictionRead,
    exact: false,
  },
  {
    key: 'restance',
    path: '/restance',
    labelKey: 'nav.restance',
    permission: Permission.RestanceRead,
    exact: true,
  },
  {
    key: 'restance-import',
    path: '/restance/import',
    labelKey: 'nav.restanceImport',
    permission: Permission.RestanceImport,
    exact: false,
  },
  {
    key: 'partners',
    path: '/partnere',
    labelKey: 'nav.partners',
    permission: Permission.OrganisationRead,
    exact: false,
  },
  {
    key: 'reports',
    path: '/rapporter',
    labelKey: 'nav.reports',
    permission: Permission.ReportRead,
    exact: false,
  },
  {
    key: 'mine',
    path: '/mine-tal',
    labelKey: 'nav.myNumbers',
    permission: Permission.ReportOwn,
    exact: false,
  },
  {
    key: 'users',
    path: '/admin/users',
    labelKey: 'nav.users',
    permission: Permission.UserRead,
    exact: false,
  },
  {
    key: 'teams',
    path: '/admin/teams',
    labelKey: 'nav.teams',
    permission: Permission.TeamRead,
    exact: false,
  },
  {
    key: 'case-types',
    path: '/admin/case-types',
    labelKey: 'nav.caseTypes',
    permission: Permission.CaseTypeManage,
    exact: false,
  },
  {
    key: 'organisations',
    path: '/admin/organisations',
    labelKey: 'nav.organisations',
    permission: Permission.OrganisationManage,
    exact: false,
  },
  {
    key: 'import-profiles',
    path: '/admin/import-profiles',
    labelKey: 'nav.importProfiles',
    permission: Permission.RestanceConfigure,
    exact: false,
  },
  {
    key: 'jobs',
    path: '/admin/jobs',
    labelKey: 'nav.jobs',
    permission: Permission.JobRead,
    exact: false,
  },
  {
    key: 'audit',
    path: '/audit',
    labelKey: 'nav.audit',
    permission: Permission.AccessLogRead,
    exact: false,
  },
  {
    key: 'me',
    path: '/me',
    labelKey: 'nav.me',
    permission: Permission.SelfRead,
    exact: false,
  },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => hasPermission(permissions, item.permission));
}
