// Issue #7 in Chromium: the team lead opens the quarter report, sees the stage funnel and the avoided
// evictions with their denominator, exports XLSX, and opens the print view; a worker sees only their
// own numbers. Axe on every page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { choose, launch, login, newPage, screenshot, seriousViolations, VIEWPORTS } from './support/browser.mjs';
import { startBofast } from './support/server.mjs';

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

describe('team-lead reporting', () => {
  it('the quarter report: funnel, avoided with its denominator, XLSX export and the print view', async () => {
    const page = await newPage(browser, server.baseUrl);
    await login(page, 'teamleder');
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-create').waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await choose(page, 'report-period-preset', /Dette kvartal/);
    await choose(page, 'report-scope-type', /^Team$/);
    await choose(page, 'report-scope-id', /Engparken og Skovhaven/);
    await page.getByTestId('report-audience-intern').click();
    await page.getByTestId('report-create').click();
    await page.waitForURL(/\/rapporter\/[0-9a-f-]{36}$/);
    const headline = page.getByTestId('report-headline');
    await headline.waitFor();
    assert.match(await headline.innerText(), /Involveret i \d+ udsættelsessager · undgået \d+/);
    await page.getByTestId('report-funnel').waitFor();
    await page.getByTestId('report-trend').waitFor();
    await screenshot(page, 'report-dashboard-desktop');
    assert.deepEqual(await seriousViolations(page), []);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export-xlsx').click(),
    ]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const path = await download.path();
    assert.ok(path, 'the XLSX was downloaded');

    await page.getByTestId('report-reproduce').click();
    await page
      .getByTestId('report-reproduce-result')
      .filter({ hasText: /præcist/ })
      .waitFor();

    await page.getByTestId('report-print').click();
    await page.getByTestId('report-print-page').waitFor();
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'report-print');
    await page.emulateMedia({ media: 'screen' });
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('a worker sees only their own numbers, on a phone', async () => {
    const page = await newPage(browser, server.baseUrl, VIEWPORTS.phone);
    await login(page, 'oekonomi');
    await page.goto('/mine-tal');
    await page.getByTestId('report-headline').waitFor();
    const forbidden = await page.evaluate(async () => (await fetch('/api/reports')).status);
    assert.equal(forbidden, 403);
    await screenshot(page, 'report-mine-phone');
    assert.deepEqual(await seriousViolations(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'my numbers scroll sideways at phone width');
    await page.context().close();
  });
});
