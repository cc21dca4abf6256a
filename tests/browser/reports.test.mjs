// Issue #7 in Chromium: the team lead opens the quarter report, sees the stage funnel and the avoided
// evictions with their denominator, exports XLSX, and opens the print view; a worker sees only their
// own numbers. Axe on every page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessible, choose, screenshot, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

const app = useBofast();

describe('team-lead reporting', () => {
  it('the quarter report: funnel, avoided with its denominator, XLSX export and the print view', async () => {
    const page = await app.page({ user: 'teamleder' });
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-create').waitFor();
    await assertAccessible(page);
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
    await assertAccessible(page, 'report-dashboard-desktop');

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
    await assertAccessible(page);
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });

  it('a worker sees only their own numbers, on a phone', async () => {
    const page = await app.page({ viewport: VIEWPORTS.phone, user: 'oekonomi' });
    await page.goto('/mine-tal');
    await page.getByTestId('report-headline').waitFor();
    const forbidden = await page.evaluate(async () => (await fetch('/api/reports')).status);
    assert.equal(forbidden, 403);
    await assertAccessible(page, 'report-mine-phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'my numbers scroll sideways at phone width');
    await page.context().close();
  });
});
