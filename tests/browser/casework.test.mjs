// Issue #3 end to end in Chromium: a social vicevært registers a neighbour's signal, logs two
// contact attempts, converts it to a case, records written consent for Jobcenter (økonomi, bolig),
// adds a note and a handleplan action, and sees all of it in order on the timeline. Desktop and phone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessible, choose, dialogReady, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

const app = useBofast();

const RUNS = [
  { name: 'desktop', viewport: VIEWPORTS.desktop, address: 'Engparken 7', resident: 'Birthe Jensen' },
  { name: 'phone', viewport: VIEWPORTS.phone, address: 'Skovhaven 2', resident: 'Kasper Vinther' },
];

describe('a social vicevært from signal to case', () => {
  for (const run of RUNS) {
    it(`works end to end at ${run.name} width`, async () => {
      const page = await app.page({ viewport: run.viewport, user: 'vicevaert' });

      // 1. Register the neighbour's signal about a tenancy.
      await page.goto('/signals/new');
      await page.getByTestId('signal-source-nabo').click();
      await page.getByTestId('signal-subject-search').fill(run.address);
      await page.getByTestId('signal-subject-option').first().click();
      await page.getByTestId('signal-description').fill('Naboen har ikke set beboeren i en uge.');
      await assertAccessible(page, `signal-new-${run.name}`);
      await page.getByTestId('signal-submit').click();
      await page.waitForURL(/\/signals\/[0-9a-f-]{36}$/);

      // 2. Two contact attempts.
      for (const [channel, outcome, count] of [
        ['doerbank', 'ikke_hjemme', 1],
        ['telefon', 'kontakt_etableret', 2],
      ]) {
        await page.getByTestId(`contact-channel-${channel}`).click();
        await page.getByTestId(`contact-outcome-${outcome}`).click();
        await page.getByTestId('contact-submit').click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="contact-attempt-row"]').length === n,
          count,
        );
      }
      await assertAccessible(page, `signal-detail-${run.name}`);

      // 3. Convert it to a case with a new person.
      await page.getByTestId('signal-convert').click();
      await choose(page, 'convert-case-type', 'Social støtte/brobygning');
      await page.getByTestId('convert-new-person-name').fill(run.resident);
      await page.getByTestId('convert-submit').click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      await page.getByTestId('case-header').waitFor();
      await page.getByTestId('consent-banner').waitFor();

      // 4. Written consent for Jobcenter Fjordby, økonomi and bolig.
      await page.getByTestId('consent-banner-register').click();
      await dialogReady(page, 'consent-dialog');
      await page.getByTestId('consent-recipients').click();
      await page.getByRole('option', { name: /Jobcenter Fjordby/ }).click();
      await page.keyboard.press('Escape');
      await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
      for (const id of ['consent-category-oekonomi', 'consent-category-bolig', 'consent-purpose-kontakt_myndighed']) {
        await page.getByTestId(id).getByRole('checkbox').check();
      }
      await page.getByTestId('consent-direction-videregive').click();
      await page.getByTestId('consent-form-skriftlig').click();
      await assertAccessible(page, `consent-dialog-${run.name}`);
      await page.getByTestId('consent-submit').click();
      await page
        .getByTestId('consent-dialog')
        .waitFor({ state: 'detached' })
        .catch((e) => assert.fail(`${e.message}\nAPI errors: ${page.apiErrors.join('\n')}`));
      await page.locator('[data-testid="timeline-event"][data-type="consent_given"]').waitFor();

      // 5. A note.
      await page.getByTestId('action-note').click();
      await page.getByTestId('note-text').fill('Aftalt hjemmebesøg på torsdag med tolk.');
      await page.getByTestId('note-submit').click();
      await page.locator('[data-testid="timeline-event"][data-type="note"]').waitFor();

      // 6. A handleplan action.
      await page.getByTestId('action-description').fill('Ringe til jobcentret sammen med beboeren');
      await choose(page, 'action-owner', /Medarbejder/);
      await page.getByTestId('action-submit').click();
      await page.getByTestId('action-row').first().waitFor();
      await page.locator('[data-testid="timeline-event"][data-type="action_added"]').waitFor();

      // 7. Everything on the timeline, newest first.
      const types = await page
        .locator('[data-testid="timeline-event"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
      const relevant = types.filter((t) =>
        ['action_added', 'note', 'consent_given', 'case_opened', 'contact_attempt', 'signal_received'].includes(t),
      );
      assert.deepEqual(relevant, [
        'action_added',
        'note',
        'consent_given',
        'case_opened',
        'contact_attempt',
        'contact_attempt',
        'signal_received',
      ]);
      const banner = await page.getByTestId('consent-banner').count();
      assert.equal(banner, 0, 'the consent banner disappears once a valid consent exists');
      await assertAccessible(page, `case-page-${run.name}`);
      assert.deepEqual(page.consoleErrors, []);
      if (run.name === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
        assert.equal(overflow, false, 'the case page scrolls sideways at phone width');
      }
      await page.context().close();
    });
  }

  it('the case list, search and person page are accessible', async () => {
    const page = await app.page({ user: 'oekonomi' });
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('cases-table').waitFor();
    await page.getByTestId('case-row').first().waitFor();
    await assertAccessible(page, 'cases-desktop');
    await page.getByTestId('nav-search').click();
    await page.getByTestId('search-q').fill('Fatima');
    await page.getByTestId('search-person-row').first().click();
    await page.getByTestId('person-cpr').waitFor();
    await assertAccessible(page, 'person-desktop');
    await page.context().close();
  });
});
