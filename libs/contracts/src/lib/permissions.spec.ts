import { ALL_PERMISSIONS, getPermissions, hasPermission, Permission, ROLE_PERMISSIONS } from './permissions';
import { ALL_ROLES, CASE_WORKER_ROLES, Role } from './roles';

describe('permissions', () => {
  it('should give every role a permission list', () => {
    for (const role of ALL_ROLES) expect(Array.isArray(ROLE_PERMISSIONS[role])).toBe(true);
  });

  it('should only grant permissions from the vocabulary', () => {
    for (const role of ALL_ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(ALL_PERMISSIONS).toContain(p);
    }
  });

  it('should deny an unknown role everything', () => {
    expect(getPermissions('hacker')).toEqual([]);
    expect(hasPermission('hacker', Permission.SelfRead)).toBe(false);
    expect(hasPermission(null, Permission.SelfRead)).toBe(false);
  });

  it.each([
    [Role.Admin, Permission.UserManage, true],
    [Role.Dpo, Permission.UserManage, false],
    [Role.Dpo, Permission.AccessLogExport, true],
    [Role.SocialVicevaert, Permission.AccessLogRead, false],
    [Role.Boligorganisation, Permission.TeamRead, false],
  ])('should answer %s has %s = %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });
});

describe('CASE_WORKER_ROLES', () => {
  it('should be exactly the roles that may write cases', () => {
    const writers = ALL_ROLES.filter((role) => getPermissions(role).includes(Permission.CaseWrite));
    expect([...CASE_WORKER_ROLES].sort()).toEqual([...writers].sort());
  });
});
