import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';

import { type Page, Role, type UserSummary } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { UsersPage } from './users-page';

const ROW: UserSummary = {
  id: 'u1',
  username: 'vicevaert',
  displayName: 'Vibeke Vicevært',
  email: null,
  role: Role.SocialVicevaert,
  isActive: false,
  teams: [{ id: 't1', name: 'Team Nord' }],
  partnerOrganisation: null,
  boligorganisation: null,
  lastLoginAt: null,
  version: 3,
};

async function setup(role: Role) {
  TestBed.configureTestingModule({
    imports: [UsersPage],
    providers: provideAppTesting(),
  });
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(UsersPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  // httpResource keeps the app unstable until answered, so tick instead of awaiting stability.
  TestBed.tick();
  const list = http.expectOne((r) => r.url === '/api/users');
  expect(list.request.params.get('page')).toBe('1');
  expect(list.request.params.get('pageSize')).toBe('20');
  const page: Page<UserSummary> = {
    items: [ROW],
    total: 1,
    page: 1,
    pageSize: 20,
  };
  list.flush(page);
  await fixture.whenStable();
  return {
    fixture,
    http,
    loader: TestbedHarnessEnvironment.loader(fixture),
    rootLoader: TestbedHarnessEnvironment.documentRootLoader(fixture),
  };
}

describe(UsersPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should list users with Danish role and status labels', async () => {
    const { loader } = await setup(Role.Admin);
    const table = await loader.getHarness(MatTableHarness);
    const [row] = await table.getRows();
    const cells = await row.getCellTextByColumnName();
    expect(cells['name']).toBe('Vibeke Vicevært');
    expect(cells['role']).toBe('Social vicevært');
    expect(cells['status']).toBe('Deaktiveret');
    expect(cells['lastLogin']).toBe('Aldrig');
  });

  it('should hide create and row actions when the user may only read', async () => {
    const { loader } = await setup(Role.Dpo);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[data-testid="user-create"]' }))).toEqual(
      [],
    );
    const table = await loader.getHarness(MatTableHarness);
    expect(await table.getHeaderRows().then((rows) => rows[0].getCellTextByIndex())).not.toContain('Handlinger');
  });

  it('should show Brugernavnet er i brug when creating answers 409', async () => {
    const { rootLoader, http, fixture } = await setup(Role.Admin);
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('[data-testid="user-create"]')?.click();
    TestBed.tick();
    http.expectOne('/api/teams').flush([]);
    http.expectOne('/api/organisations/partners').flush([]);
    const dialog = await rootLoader.getHarness(MatDialogHarness);

    const input = (id: string) => dialog.getHarness(MatInputHarness.with({ selector: `[data-testid="${id}"]` }));
    await (await input('user-username')).setValue('vicevaert');
    await (await input('user-display-name')).setValue('Ny Bruger');
    const role = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid="user-role"]' }));
    await role.open();
    await role.clickOptions({ text: 'Beboerrådgiver' });
    await (
      await dialog.getHarness(
        MatButtonHarness.with({
          selector: '[data-testid="user-dialog-submit"]',
        }),
      )
    ).click();

    const create = http.expectOne('/api/users');
    expect(create.request.method).toBe('POST');
    expect(create.request.body).toMatchObject({
      username: 'vicevaert',
      role: Role.Beboerraadgiver,
    });
    create.flush(
      { statusCode: 409, code: 'username_taken', message: 'Conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="user-username-taken"]')?.textContent).toContain(
      'Brugernavnet er i brug',
    );
    await dialog.close();
  });
});
