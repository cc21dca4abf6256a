// Browser tests for the foundation: every demo role logs in and sees its menu; the admin creates a
// user, whose one-time activation link lets them set a password and log in; the DPO sees the
// privileged changes; axe finds no serious violations; screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import pg from 'pg';

import { assertAccessible, dialogReady, login, screenshot, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

// What each role must see in the side navigation (from ROLE_PERMISSIONS in @bofast/contracts).
const CASEWORK = ['cases', 'signals', 'search'];
const MENUS = {
  vicevaert: ['home', ...CASEWORK, 'me'],
  beboerraadgiver: ['home', ...CASEWORK, 'restance', 'me'],
  oekonomi: ['home', ...CASEWORK, 'restance', 'restance-import', 'me'],
  teamleder: ['home', ...CASEWORK, 'restance', 'restance-import', 'users', 'teams', 'me'],
  partner: ['home', 'me'],
  boligorg: ['home', 'restance-import', 'me'],
  admin: ['home', 'users', 'teams', 'case-types', 'organisations', 'import-profiles', 'me'],
  dpo: ['home', 'users', 'audit', 'me'],
};
const ALL_NAV = [...new Set(Object.values(MENUS).flat())];

const app = useBofast();

describe('login page', () => {
  it('is Danish, accessible, and rejects a wrong password with a clear message', async () => {
    const page = await app.page();
    await page.goto('/');
    await page.waitForURL(/\/login/);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    await page.getByTestId('login-username').waitFor();
    await assertAccessible(page, 'login-desktop');
    await page.getByTestId('login-username').fill('vicevaert');
    await page.getByTestId('login-password').fill('forkert-adgangskode');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /Forkert brugernavn eller adgangskode/);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await app.page();
    await page.goto('/login');
    await page.getByTestId('login-lang-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.getByTestId('login-submit').innerText(), /log in|sign in/i);
    await page.context().close();
  });
});

describe('each demo role', () => {
  for (const [username, menu] of Object.entries(MENUS)) {
    it(`${username} logs in and sees exactly its menu`, async () => {
      const page = await app.page({ user: username });
      await page.getByTestId('welcome-card').waitFor();
      for (const key of ALL_NAV) {
        const visible = await page.getByTestId(`nav-${key}`).isVisible();
        assert.equal(visible, menu.includes(key), `${username}: nav-${key} visible=${visible}`);
      }
      if (['vicevaert', 'admin', 'dpo'].includes(username)) {
        await assertAccessible(page, `shell-${username}-desktop`);
      }
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }

  it('a role without the permission gets the not-found page for an admin URL', async () => {
    const page = await app.page({ user: 'vicevaert' });
    await page.goto('/admin/users');
    await page.getByTestId('not-found').waitFor();
    await page.context().close();
  });
});

describe('administration', () => {
  it('admin creates a user and reads the activation link once; the user sets a password and logs in', async () => {
    const page = await app.page({ user: 'admin' });
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-create').click();
    await dialogReady(page, 'user-dialog');
    await page.getByTestId('user-username').fill('sara.jensen');
    await page.getByTestId('user-display-name').fill('Sara Jensen');
    await page.getByTestId('user-email').fill('sara.jensen@fjordly.example');
    await page.getByTestId('user-role').click();
    await page.getByTestId('user-role-option-social_vicevaert').click();
    await assertAccessible(page, 'admin-create-user-dialog');
    await page.getByTestId('user-dialog-submit').click();
    // The link is shown once, with a copy button and its expiry; the admin never types a password.
    const linkField = page.getByTestId('activation-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    assert.match(link, /\/aktiver\/[A-Za-z0-9_-]{43}$/);
    assert.match(await page.getByTestId('activation-link-panel').innerText(), /vises kun denne ene gang/);
    assert.match(await page.getByTestId('activation-link-panel').innerText(), /72 timer/);
    await page.getByTestId('activation-link-copy').click();
    await page.getByText('Linket er kopieret').first().waitFor();
    await assertAccessible(page, 'admin-activation-link');
    await page.getByTestId('activation-link-done').click();
    await page.getByTestId('user-row-sara.jensen').waitFor();
    await assertAccessible(page, 'admin-users-desktop');
    await page.context().close();

    // Sara opens the link in her own browser.
    const sara = await app.page();
    await sara.goto(new URL(link).pathname);
    await sara.getByTestId('activation-form').waitFor();
    assert.match(await sara.getByTestId('activation-intro').innerText(), /Sara Jensen.*sara\.jensen/s);
    await assertAccessible(sara, 'activation-page');
    // A too-common password is refused with the Danish message.
    await sara.getByTestId('activation-password').fill('qwerty123456');
    await sara.getByTestId('activation-confirm').fill('qwerty123456');
    await sara.getByTestId('activation-submit').click();
    await sara.getByTestId('activation-password-error').waitFor();
    assert.equal(
      (await sara.getByTestId('activation-password-error').innerText()).trim(),
      'Adgangskoden er for almindelig – vælg en anden',
    );
    await assertAccessible(sara);
    await sara.getByTestId('activation-password').fill('Saras-egen-sommerdag-7');
    await sara.getByTestId('activation-confirm').fill('Saras-egen-sommerdag-7');
    await sara.getByTestId('activation-submit').click();
    await sara.getByTestId('activation-done').waitFor();
    await sara.getByTestId('activation-to-login').click();
    await sara.waitForURL(/\/login/);
    await login(sara, 'sara.jensen', 'Saras-egen-sommerdag-7');
    await sara.getByTestId('welcome-card').waitFor();
    assert.match(await sara.getByTestId('current-user-name').innerText(), /Sara Jensen/);
    // The link worked once.
    const again = await app.page();
    await again.goto(new URL(link).pathname);
    await again.getByTestId('activation-problem').waitFor();
    assert.match(await again.getByTestId('activation-problem').innerText(), /findes ikke eller er allerede brugt/);
    await again.context().close();
    await sara.context().close();
  });

  it('a user who must change their password gets only Min side until they have', async () => {
    const db = new pg.Client({ connectionString: app.server.databaseUrl });
    await db.connect();
    await db.query(`UPDATE app_user SET must_change_password = true WHERE username = 'sara.jensen'`);
    await db.end();
    const page = await app.page();
    await login(page, 'sara.jensen', 'Saras-egen-sommerdag-7');
    await page.waitForURL(/\/me$/);
    await page.getByTestId('must-change-password').waitFor();
    await page.goto('/cases');
    await page.waitForURL(/\/me$/);
    await assertAccessible(page);
    await page.getByTestId('password-current').fill('Saras-egen-sommerdag-7');
    await page.getByTestId('password-new').fill('Saras-nye-vinterdag-8');
    await page.getByTestId('password-confirm').fill('Saras-nye-vinterdag-8');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('must-change-password').waitFor({ state: 'detached' });
    await page.goto('/cases');
    await page.getByTestId('cases-open-toggle').waitFor();
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('the DPO sees the privileged changes: who created and who activated the account', async () => {
    const page = await app.page({ user: 'dpo' });
    await page.goto('/audit');
    await page.getByTestId('audit-tab-privileged').click();
    await page.getByTestId('privileged-table').waitFor();
    await page.getByTestId('privileged-row').first().waitFor();
    const text = await page.getByTestId('privileged-table').innerText();
    assert.match(text, /Bruger oprettet/);
    assert.match(text, /Bruger aktiveret/);
    assert.match(text, /Aktiveringslink udstedt/);
    assert.match(text, /sara\.jensen/);
    await assertAccessible(page, 'audit-privileged-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByTestId('privileged-cards').waitFor();
    assert.match(await page.getByTestId('privileged-cards').innerText(), /Bruger aktiveret/);
    await assertAccessible(page, 'audit-privileged-phone');
    await page.context().close();
  });

  it('the DPO sees the access log with the admin’s actions', async () => {
    const page = await app.page({ user: 'dpo' });
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await assertAccessible(page, 'audit-desktop');
    await page.context().close();
  });
});

describe('phone width', () => {
  it('works at 390 px: login, hamburger navigation, Min side with sessions', async () => {
    const page = await app.page({ viewport: VIEWPORTS.phone });
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    await screenshot(page, 'login-phone');
    await login(page, 'vicevaert');
    await page.getByTestId('welcome-card').waitFor();
    await assertAccessible(page, 'shell-vicevaert-phone');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-me').click();
    await page.getByTestId('sessions-table').waitFor();
    await page.getByTestId('session-current').waitFor();
    await assertAccessible(page, 'me-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'the page scrolls sideways at phone width');
    await page.context().close();
  });
});

describe('privacy in application logs', () => {
  it('logs requests without names, e-mail addresses or search terms', async () => {
    const page = await app.page({ user: 'admin' });
    await page.goto('/admin/users');
    const searched = page.waitForResponse((r) => r.url().includes('search=Larsen') && r.status() === 200);
    await page.getByTestId('user-search').fill('Larsen');
    await searched;
    await page.getByTestId('user-row-vicevaert').waitFor();
    await page.context().close();
    const log = app.server.output();
    assert.match(log, /"path":"\/api\/users"/, 'request logging is on, so the check below means something');
    for (const personal of ['Larsen', 'Sara Jensen', 'sara.jensen@', 'fjordly.example', 'search=']) {
      assert.equal(log.includes(personal), false, `application log contains "${personal}"`);
    }
  });
});
