// Debian's Chromium driven by playwright-core (never a downloaded browser), plus axe and screenshots.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { ROOT } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts/screenshots');
export const DEMO_PASSWORD = 'Bofast-demo-2026';
export const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

export async function launch() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser, baseUrl, viewport = VIEWPORTS.desktop) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'da-DK' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // Console errors (a CSP block, a failed chunk, an uncaught exception) fail the tests that check them.
  page.consoleErrors = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && !/status of 40[134]/.test(m.text()) && page.consoleErrors.push(m.text()),
  );
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  // API answers of 400 and up, for the failure message when a step does not go through.
  page.apiErrors = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/') && r.status() >= 400 && !r.url().endsWith('/api/auth/me')) {
      page.apiErrors.push(
        `${r.status()} ${r.request().method()} ${new URL(r.url()).pathname} ${(await r.text().catch(() => '')).slice(0, 300)}`,
      );
    }
  });
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Serious and critical WCAG 2.1 A/AA violations on the current page. */
export async function seriousViolations(page) {
  // Judge the settled page: a snackbar or dialog still fading in has, for a moment, a contrast it never
  // has at rest. Finite animations and transitions are awaited (at most 2 s); spinners run on.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
}

/** Fails on serious or critical WCAG 2.1 A/AA violations; with `name`, saves a screenshot first. */
export async function assertAccessible(page, name) {
  if (name) await screenshot(page, name);
  assert.deepEqual(await seriousViolations(page), []);
}

export async function login(page, username, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Waits for a Material dialog to be open and ready for typing: it moves focus into itself only after its
 * opening animation, and text typed before that can land in whichever field it then focuses.
 */
export async function dialogReady(page, testId) {
  const dialog = page.getByTestId(testId);
  await dialog.waitFor();
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement) ?? false,
    testId,
  );
  return dialog;
}

/** Picks an option in a Material select and waits for its panel to close. */
export async function choose(page, selectTestId, optionName) {
  await page.getByTestId(selectTestId).click();
  await page.getByRole('option', { name: optionName }).click();
  await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
}

/** Opens the first case in the case list whose row mentions `personName`. */
export async function openCase(page, personName) {
  await page.goto('/cases');
  await page.getByTestId('case-row').filter({ hasText: personName }).first().click();
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
  await page.getByTestId('case-header').waitFor();
}
