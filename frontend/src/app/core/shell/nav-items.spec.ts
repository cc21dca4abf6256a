import { Role, getPermissions } from '@bofast/contracts';

import { visibleNavItems } from './nav-items';

describe('visibleNavItems', () => {
  it.each([
    [Role.Dpo, ['home', 'users', 'audit', 'me']],
    [Role.Boligorganisation, ['home', 'restance-import', 'me']],
    [Role.Admin, ['home', 'users', 'teams', 'case-types', 'organisations', 'import-profiles', 'me']],
    [
      Role.Teamleder,
      ['home', 'cases', 'signals', 'search', 'evictions', 'restance', 'restance-import', 'users', 'teams', 'me'],
    ],
    [Role.SocialVicevaert, ['home', 'cases', 'signals', 'search', 'evictions', 'me']],
    [Role.KommunalPartner, ['home', 'me']],
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

  it('should show nothing when the user has no permissions', () => {
    expect(visibleNavItems([])).toEqual([]);
  });
});
