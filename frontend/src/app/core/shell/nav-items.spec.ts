import { Role, getPermissions } from '@bofast/contracts';

import { visibleNavItems } from './nav-items';

describe('visibleNavItems', () => {
  it.each([
    [Role.Dpo, ['home', 'users', 'audit', 'me']],
    [Role.Boligorganisation, ['home', 'restance-import', 'me']],
    [
      Role.Admin,
      ['home', 'partners', 'reports', 'users', 'teams', 'case-types', 'organisations', 'import-profiles', 'jobs', 'me'],
    ],
    [
      Role.Teamleder,
      [
        'home',
        'cases',
        'visits',
        'signals',
        'search',
        'evictions',
        'restance',
        'restance-import',
        'partners',
        'reports',
        'mine',
        'users',
        'teams',
        'me',
      ],
    ],
    [Role.SocialVicevaert, ['home', 'cases', 'visits', 'signals', 'search', 'evictions', 'partners', 'mine', 'me']],
    [Role.KommunalPartner, ['home', 'partner', 'me']],
  ])('should show the permitted items when the role is %s', (role, expected) => {
    expect(visibleNavItems(getPermissions(role)).map((item) => item.key)).toEqual(expected);
  });

  it.each(Object.values(Role).filter((role) => role !== Role.Admin))(
    'should hide Sagstyper and Organisationer when the role is %s',
    (role) => {
      const keys = visibleNavItems(getPermissions(role)).map((item) => item.key);
      expect(keys).not.toContain('case-types');
      expect(keys).not.toContain('organisations');
    },
  );

  it('should keep case-work navigation from the partner role', () => {
    const keys = visibleNavItems(getPermissions(Role.KommunalPartner)).map((item) => item.key);
    for (const key of ['cases', 'visits', 'signals', 'search', 'evictions', 'partners'])
      expect(keys).not.toContain(key);
  });

  it('should show Mine tal to every case worker and Rapporter only to team leads and the administrator', () => {
    for (const role of [Role.SocialVicevaert, Role.Beboerraadgiver, Role.OekonomiskRaadgiver, Role.Teamleder]) {
      expect(visibleNavItems(getPermissions(role)).map((item) => item.key)).toContain('mine');
    }
    const withReports = Object.values(Role).filter((role) =>
      visibleNavItems(getPermissions(role)).some((item) => item.key === 'reports'),
    );
    expect(withReports.sort()).toEqual([Role.Admin, Role.Teamleder].sort());
  });

  it('should show nothing when the user has no permissions', () => {
    expect(visibleNavItems([])).toEqual([]);
  });
});
