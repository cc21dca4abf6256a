// Issue #6 end to end in Chromium: a social vicevært on a phone logs an unannounced home visit,
// records the resident's consent, and refers him to Jobcenter Fjordby sharing økonomi and
// beskæftigelse; the jobcenter user logs in, sees only that referral, accepts it and reports the
// first meeting; the case timeline shows every step. A visit typed with the connection down is kept
// on the phone and sent when it is back. Axe on every page touched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessible, choose, dialogReady, login, openCase, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

const app = useBofast();

const noSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

describe('visit, consent, referral and the partner portal', () => {
  it('works end to end from the stairwell to the jobcenter and back', async () => {
    const page = await app.page({ viewport: VIEWPORTS.phone, user: 'vicevaert' });
    await openCase(page, 'Henrik Sørensen');
    const caseUrl = page.url();

    // 1. An unannounced home visit, logged on the phone.
    await page.getByTestId('visit-register').click();
    await dialogReady(page, 'visit-dialog');
    await page.getByTestId('visit-status-gennemfoert').click();
    await page.getByTestId('visit-location-hjem').click();
    await page.getByTestId('visit-summary').fill('Uanmeldt besøg. Henrik vil gerne have hjælp til at finde arbejde.');
    await assertAccessible(page, 'visit-dialog-phone');
    await page.getByTestId('visit-submit').click();
    await page
      .getByTestId('visit-dialog')
      .waitFor({ state: 'detached' })
      .catch((e) => assert.fail(`${e.message}\nAPI errors: ${page.apiErrors.join('\n')}`));
    await page.getByTestId('visit-row').first().waitFor();
    await page.locator('[data-testid="timeline-event"][data-type="visit"]').first().waitFor();

    // 2. His written consent for Jobcenter Fjordby: økonomi and beskæftigelse, to pass on.
    await page.getByTestId('consent-banner-register').click();
    await dialogReady(page, 'consent-dialog');
    await page.getByTestId('consent-recipients').click();
    await page.getByRole('option', { name: /Jobcenter Fjordby/ }).click();
    await page.keyboard.press('Escape');
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    for (const id of [
      'consent-category-oekonomi',
      'consent-category-beskaeftigelse',
      'consent-purpose-videregivelse',
    ]) {
      await page.getByTestId(id).getByRole('checkbox').check();
    }
    await page.getByTestId('consent-direction-videregive').click();
    await page.getByTestId('consent-form-skriftlig').click();
    await page.getByTestId('consent-submit').click();
    await page.getByTestId('consent-dialog').waitFor({ state: 'detached' });
    await page.locator('[data-testid="timeline-event"][data-type="consent_given"]').first().waitFor();

    // 3. The referral, sharing økonomi (the arrears) and beskæftigelse (a note).
    await page.getByTestId('referral-new').click();
    await dialogReady(page, 'referral-dialog');
    await choose(page, 'referral-partner', /Jobcenter Fjordby/);
    await choose(page, 'referral-method', /Formel henvisning/i);
    await page.getByTestId('referral-reason').fill('Ønsker hjælp til at komme i arbejde efter sin kones død.');
    await page.getByTestId('referral-field-arrears').getByRole('checkbox').check();
    await page
      .getByTestId('referral-note-beskaeftigelse')
      .fill('Førtidspensionist; vil gerne have et frivilligt job eller flexjob.');
    assert.match(
      await page.getByTestId('referral-shared-summary').innerText(),
      /(?=.*[Øø]konomi)(?=.*[Bb]eskæftigelse)/s,
    );
    await assertAccessible(page, 'referral-dialog-phone');
    await page.getByTestId('referral-submit').click();
    await page.getByTestId('referral-dialog').waitFor({ state: 'detached' });
    const row = page.getByTestId('referral-row').filter({ hasText: 'Jobcenter Fjordby' }).first();
    await row.getByTestId('referral-send').click();
    await row.getByTestId('referral-status').filter({ hasText: /Sendt/ }).waitFor();
    await assertAccessible(page, 'case-referral-phone');
    assert.equal(await noSideways(page), true, 'the case page scrolls sideways at phone width');
    await page.context().close();

    // 4. The jobcenter user sees only that referral, with only the shared data; accepts; reports the meeting.
    const partner = await app.page({ user: 'partner' });
    await partner.getByTestId('nav-partner').click();
    await partner.getByTestId('partner-referral-row').first().waitFor();
    assert.equal(await partner.getByTestId('partner-referral-row').count(), 1, 'the partner sees exactly one referral');
    assert.equal(await partner.getByTestId('nav-cases').count(), 0, 'no case-work navigation for partners');
    await assertAccessible(partner, 'partner-list-desktop');
    await partner.getByTestId('partner-referral-row').first().click();
    const resident = partner.getByTestId('partner-resident');
    await resident.waitFor();
    assert.match(await resident.innerText(), /Henrik Sørensen/);
    assert.doesNotMatch(await resident.innerText(), /Skovhaven 8/, 'the address was not shared');
    await partner.getByTestId('partner-action-accepteret').click();
    if (await partner.getByTestId('partner-action-submit').count())
      await partner.getByTestId('partner-action-submit').click();
    await partner
      .getByTestId('partner-history')
      .filter({ hasText: /Accepteret/ })
      .waitFor();
    await partner.getByTestId('partner-action-forloeb_i_gang').click();
    await partner.getByTestId('partner-first-meeting').fill('2026-12-03T09:00');
    await partner.getByTestId('partner-action-submit').click();
    await partner
      .getByTestId('partner-history')
      .filter({ hasText: /Forløb i gang/ })
      .waitFor();
    await assertAccessible(partner, 'partner-referral-desktop');
    assert.deepEqual(partner.consoleErrors, []);
    await partner.context().close();

    // 5. Back on the case: every step on the timeline.
    const back = await app.page({ user: 'vicevaert' });
    await back.goto(caseUrl);
    await back.locator('[data-testid="timeline-event"][data-type="referral"]').first().waitFor();
    const types = await back
      .locator('[data-testid="timeline-event"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    const steps = types.filter((x) => ['visit', 'consent_given', 'referral'].includes(x));
    assert.deepEqual(steps, ['referral', 'referral', 'referral', 'referral', 'consent_given', 'visit']);
    await assertAccessible(back, 'case-timeline-referral-desktop');
    await back.context().close();
  });

  it('keeps a visit typed with the connection down and sends it when the connection is back', async () => {
    const context = await app.browser.newContext({
      baseURL: app.server.baseUrl,
      viewport: VIEWPORTS.phone,
      locale: 'da-DK',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await login(page, 'vicevaert');
    await openCase(page, 'Henrik Sørensen');
    await page.getByTestId('visit-register').click();
    await dialogReady(page, 'visit-dialog');
    await page.getByTestId('visit-status-ingen_hjemme').click();
    await page.getByTestId('visit-location-hjem').click();
    await page.getByTestId('visit-summary').fill('Ingen åbnede; visitkort i døren.');
    // The connection drops just as the visit is sent.
    await context.route('**/api/cases/*/visits', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('visit-submit').click();
    await page.getByTestId('visit-offline-notice').waitFor();
    // Reload on the phone (the tab was closed): the draft is still there.
    await context.unroute('**/api/cases/*/visits');
    await context.route('**/api/cases/*/visits', (route) =>
      route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.reload();
    await page.getByTestId('case-header').waitFor();
    const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
    assert.match(stored, /visitkort i døren/, 'the draft is kept on the device');
    // The connection comes back: the draft is sent once and removed from the device.
    await context.unroute('**/api/cases/*/visits');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page
      .getByTestId('visit-row')
      .filter({ hasText: /visitkort i døren/ })
      .waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => !Object.values(localStorage).some((v) => v.includes('visitkort i døren')));
    const visits = await page.evaluate(async () => {
      const res = await fetch('/api/visits?mine=true');
      return (await res.json()).filter((v) => (v.summary ?? '').includes('visitkort i døren')).length;
    });
    assert.equal(visits, 1, 'exactly one visit reached the server');
    await context.close();
  });
});
