// Issue #4 in Chromium: an økonomisk rådgiver uploads the month's restanceliste, sees the preview and
// the progress, commits, filters the worklist to "ny + påkrav", opens a row, logs a contact attempt
// and converts it to a case.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessible, screenshot, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

const app = useBofast();

const LIST = [
  'Afd.;Lejemålsnr.;Lejer;Adresse;Restance;Antal mdr;Påkrav;Ophævelse;Betalingsaftale',
  '12;12-0103;Fatima Ali;Engparken 3, 1. th.;4.250,00;2;05-11-2026;;nej',
  '12;12-0901;Karl Kruse;Engparken 9, st. th.;7.800,50;3;01.11.26;;nej',
  '14;14-0203;Henrik Sørensen;Skovhaven 2, 3. th.;1.100,00;1;;;nej',
  '14;14-0999;Ukendt Beløb;Skovhaven 9;12,34,5;1;;;nej',
  ';;I alt;;13.150,50;;;;',
].join('\r\n');

describe('the monthly restanceliste', () => {
  it('an økonomisk rådgiver imports a list and works a row into a case', async () => {
    const page = await app.page({ user: 'oekonomi' });
    await page.getByTestId('nav-restance-import').click();
    await page.getByTestId('restance-month').fill('2026-11');
    await page
      .getByTestId('restance-file')
      .setInputFiles({ name: 'restance-nov.csv', mimeType: 'text/csv', buffer: Buffer.from(LIST, 'latin1') });
    await page.getByTestId('restance-preview').click();
    await page.getByTestId('restance-preview-card').waitFor();
    assert.match(await page.getByTestId('preview-count-new').innerText(), /3/);
    assert.match(await page.getByTestId('preview-count-rejected').innerText(), /1/);
    await page.getByTestId('preview-error-row').first().waitFor();
    await assertAccessible(page, 'restance-preview-desktop');
    await page.getByTestId('restance-commit').click();
    await page.getByTestId('restance-result').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('restance-result-status').innerText(), /Indlæst/);
    await screenshot(page, 'restance-result-desktop');

    await page.getByTestId('restance-open-worklist').click();
    await page.getByTestId('worklist-table').waitFor();
    assert.match(await page.getByTestId('worklist-list-date').innerText(), /november 2026/i);
    await page.getByTestId('worklist-change-ny').click();
    await page.getByTestId('worklist-paakrav').getByRole('switch').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="worklist-row"]').length === 2);
    await assertAccessible(page, 'restance-worklist-desktop');
    await page.getByTestId('worklist-row').filter({ hasText: 'Karl Kruse' }).getByTestId('worklist-open').click();
    await page.getByTestId('row-reasons').waitFor();
    assert.ok((await page.getByTestId('row-reason').count()) >= 3, 'the priority is explained');

    await page.getByTestId('row-contact-channel-doerbank').click();
    await page.getByTestId('row-contact-outcome-kontakt_etableret').click();
    await page.getByTestId('row-contact-submit').click();
    await page.waitForFunction(() =>
      /1/.test(document.querySelector('[data-testid="row-attempts"]')?.textContent ?? ''),
    );
    await page.getByTestId('row-convert').click();
    await page.getByTestId('row-convert-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.getByTestId('case-header').waitFor();
    assert.match(await page.getByTestId('case-header').innerText(), /Karl Kruse/);
    await page.locator('[data-testid="timeline-event"][data-type="arrears_update"]').waitFor();

    // An afdragsordning with the boligorganisation, typed the Danish way.
    await page.getByTestId('agreement-create').click();
    await page.getByTestId('agreement-creditor').click();
    await page.getByTestId('agreement-creditor-boligorganisation').click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    await page.getByTestId('agreement-principal').fill('7.800,50');
    await page.getByTestId('agreement-installment').fill('650,00');
    await page.getByTestId('agreement-start').fill('2026-12-01');
    await page.getByTestId('agreement-submit').click();
    await page.getByTestId('agreement-row').waitFor();
    assert.match(await page.getByTestId('agreement-principal-text').innerText(), /7\.800,50/);
    await page.locator('[data-testid="timeline-event"][data-type="payment_agreement"]').waitFor();
    await assertAccessible(page, 'restance-case-desktop');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('the worklist is usable at phone width', async () => {
    const page = await app.page({ viewport: VIEWPORTS.phone, user: 'oekonomi' });
    await page.goto('/restance');
    await page.getByTestId('worklist-table').waitFor();
    await page.getByTestId('worklist-row').first().waitFor();
    await assertAccessible(page, 'restance-worklist-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'the worklist page scrolls sideways at phone width');
    // Each row is a card with its values under their column names: nothing to scroll sideways for.
    const cards = await page.evaluate(() => {
      const table = document.querySelector('[data-testid="worklist-table"]');
      const scroller = table.parentElement;
      const row = document.querySelector('[data-testid="worklist-row"]');
      const label = getComputedStyle(row.querySelector('td[data-label]'), '::before').content;
      return {
        display: getComputedStyle(row).display,
        sideways: scroller.scrollWidth > scroller.clientWidth + 1,
        label,
      };
    });
    assert.deepEqual(cards, { display: 'grid', sideways: false, label: '"Prioritet"' });
    await page.context().close();
  });

  it('the boligorganisation uploads but never sees the worklist', async () => {
    const page = await app.page({ user: 'boligorg' });
    assert.equal(await page.getByTestId('nav-restance').count(), 0);
    await page.getByTestId('nav-restance-import').click();
    await page.getByTestId('restance-history').waitFor();
    await assertAccessible(page);
    await page.goto('/restance');
    await page.getByTestId('not-found').waitFor();
    await page.context().close();
  });
});
