// One Bofast server and one Chromium per test file, started before its tests and stopped after them.
import { after, before } from 'node:test';

import { launch, login, newPage } from './browser.mjs';
import { startBofast } from './server.mjs';

/**
 * Registers the file's `before`/`after` hooks and returns the fixture: `app.server` (baseUrl,
 * databaseUrl, output()) and `app.browser` once `before` has run, and `app.page()` for a fresh page in a
 * context of its own, logged in when a user is given.
 */
export function useBofast() {
  const app = {
    server: undefined,
    browser: undefined,
    /** A new page at `viewport` (default desktop); with `user`, logged in as that demo user. */
    async page({ viewport, user } = {}) {
      const page = await newPage(app.browser, app.server.baseUrl, viewport);
      if (user) await login(page, user);
      return page;
    },
  };
  before(async () => {
    app.server = await startBofast();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
