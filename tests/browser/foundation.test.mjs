// Browser tests for the foundation: every demo role logs in and sees its menu; the admin creates a
// user who then logs in; axe finds no serious violations; screenshots at desktop and phone width.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { dialogReady, launch, login, newPage, screenshot, seriousViolations, VIEWPORTS } from './support/browser.mjs';
import { startBofast } from './support/server.mjs';

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

let server;
let browser;

before(async () => {
  server = await startBofast();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('login page', () => {
  it('is Danish, accessible, and rejects a wrong password with a clear message', async () => {
    const page = await newPage(browser, server.baseUrl);
    await page.goto('/');
    await page.waitForURL(/\/login/);
    assert.equal(await page.getAttribute('html', 'lang'), 'da');
    await page.getByTestId('login-username').waitFor();
    await screenshot(page, 'login-desktop');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('login-username').fill('vicevaert');
    await page.getByTestId('login-password').fill('forkert-adgangskode');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /Forkert brugernavn eller adgangskode/);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('switches to English', async () => {
    const page = await newPage(browser, server.baseUrl);
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
      const page = await newPage(browser, server.baseUrl);
      await login(page, username);
      await page.getByTestId('welcome-card').waitFor();
      for (const key of ALL_NAV) {
        const visible = await page.getByTestId(`nav-${key}`).isVisible();
        assert.equal(visible, menu.includes(key), `${username}: nav-${key} visible=${visible}`);
      }
      if (['vicevaert', 'admin', 'dpo'].includes(username)) {
        await screenshot(page, `shell-${username}-desktop`);
        assert.deepEqual(await seriousViolations(page), []);
      }
      assert.deepEqual(page.consoleErrors, []);
      await page.context().close();
    });
  }

  it('a role without the permission gets the not-found page for an admin URL', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'vicevaert');
    await page.goto('/admin/users');
    await page.getByTestId('not-found').waitFor();
    await page.context().close();
  });
});

describe('administration', () => {
  it('admin creates a user who then logs in', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'admin');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    await page.getByTestId('user-create').click();
    await dialogReady(page, 'user-dialog');
    await page.getByTestId('user-username').fill('sara.jensen');
    await page.getByTestId('user-display-name').fill('Sara Jensen');
    await page.getByTestId('user-email').fill('sara.jensen@fjordly.example');
    await page.getByTestId('user-role').click();
    await page.getByTestId('user-role-option-social_vicevaert').click();
    await page.getByTestId('user-password').fill('Velkommen-til-Bofast-1');
    await screenshot(page, 'admin-create-user-dialog');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('user-dialog-submit').click();
    await page.getByTestId('user-row-sara.jensen').waitFor();
    await screenshot(page, 'admin-users-desktop');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await login(page, 'sara.jensen', 'Velkommen-til-Bofast-1');
    await page.getByTestId('welcome-card').waitFor();
    assert.match(await page.getByTestId('current-user-name').innerText(), /Sara Jensen/);
    await page.context().close();
  });

  it('the DPO sees the access log with the admin’s actions', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'dpo');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.getByTestId('audit-row').first().waitFor();
    await screenshot(page, 'audit-desktop');
    assert.deepEqual(await seriousViolations(page), []);
    await page.context().close();
  });
});

describe('phone width', () => {
  it('works at 390 px: login, hamburger navigation, Min side with sessions', async () => {
    const page = await newPage(browser, server.baseUrl, VIEWPORTS.phone);
    await page.goto('/login');
    await page.getByTestId('login-username').waitFor();
    await screenshot(page, 'login-phone');
    await login(page, 'vicevaert');
    await page.getByTestId('welcome-card').waitFor();
    await screenshot(page, 'shell-vicevaert-phone');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-me').click();
    await page.getByTestId('sessions-table').waitFor();
    await page.getByTestId('session-current').waitFor();
    await screenshot(page, 'me-phone');
    assert.deepEqual(await seriousViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'the page scrolls sideways at phone width');
    await page.context().close();
  });
});

describe('privacy in application logs', () => {
  it('logs requests without names, e-mail addresses or search terms', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'admin');
    await page.goto('/admin/users');
    const searched = page.waitForResponse((r) => r.url().includes('search=Larsen') && r.status() === 200);
    await page.getByTestId('user-search').fill('Larsen');
    await searched;
    await page.getByTestId('user-row-vicevaert').waitFor();
    await page.context().close();
    const log = server.output();
    assert.match(log, /"path":"\/api\/users"/, 'request logging is on, so the check below means something');
    for (const personal of ['Larsen', 'Sara Jensen', 'sara.jensen@', 'fjordly.example', 'search=']) {
      assert.equal(log.includes(personal), false, `application log contains "${personal}"`);
    }
  });
});
