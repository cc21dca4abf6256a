// Issue #5 end to end in Chromium: a worker records påkrav and ophævelse from the landlord's letters,
// notes the kommune notification and a court date, sees it in "Kommende udsættelser" with the right
// days left (and in the month calendar), proposes "undgået – aftale"; the team lead approves it; the
// case timeline shows every step. Desktop, plus the eviction panel at phone width; axe on every page.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { assertAccessible, choose, dialogReady, openCase, VIEWPORTS } from './support/browser.mjs';
import { useBofast } from './support/fixture.mjs';

const app = useBofast();

const DAY = 86_400_000;
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
const plus = (iso, days) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);

async function recordStage(page, { stage, date, time, amount, notifiedBy, channel }) {
  await page.getByTestId('eviction-record-stage').click();
  await dialogReady(page, 'stage-dialog');
  await choose(page, 'stage-select', stage);
  await page.getByTestId('stage-date').fill(date);
  if (time) await page.getByTestId('stage-time').fill(time);
  if (amount) await page.getByTestId('stage-amount').fill(amount);
  if (notifiedBy) await choose(page, 'stage-notified-by', notifiedBy);
  if (channel) await choose(page, 'stage-channel', channel);
  await page.getByTestId('stage-submit').click();
  await page
    .getByTestId('stage-dialog')
    .waitFor({ state: 'detached' })
    .catch((e) => assert.fail(`${e.message}\nAPI errors: ${page.apiErrors.join('\n')}`));
  // Warnings (if any) are shown after saving; none are expected for letters in order.
  assert.equal(await page.getByTestId('eviction-warnings').count(), 0, 'no warnings for stages in order');
}

describe('udsættelsessag from letters to an approved avoided eviction', () => {
  it('works end to end for the worker and the team lead', async () => {
    const t = today();
    const court = plus(t, 10);
    const page = await app.page({ user: 'vicevaert' });
    await openCase(page, 'Henrik Sørensen');

    // 1. Open the udsættelsessag on the case's tenancy.
    await page.getByTestId('eviction-create').click();
    await dialogReady(page, 'eviction-create-dialog');
    await page.getByTestId('eviction-create-submit').click();
    await page.getByTestId('eviction-card').waitFor();
    await assertAccessible(page);

    // 2. The letters: påkrav, ophævelse, the kommune notification, then the court date.
    await recordStage(page, { stage: 'Påkrav', date: plus(t, -30), amount: '9.850,00' });
    await recordStage(page, { stage: 'Ophævelse', date: plus(t, -8), amount: '12.300,00' });
    await recordStage(page, {
      stage: 'Kommunen underrettet',
      date: plus(t, -7),
      notifiedBy: /Boligorganisation/,
      channel: /Digital Post/,
    });
    await recordStage(page, { stage: /Retsmøde/, date: court, time: '09:30' });
    const step = page.getByTestId('eviction-step').filter({ hasText: /Retsmøde/ });
    await step.getByTestId('eviction-step-date').waitFor();
    const deadline = page.getByTestId('eviction-next-deadline');
    assert.match(await deadline.innerText(), /om 10 dage/);
    await assertAccessible(page, 'eviction-case-desktop');

    // 3. "Kommende udsættelser": the court date with the right days left, and in the calendar.
    await page.getByTestId('nav-evictions').click();
    await page.getByTestId('upcoming-list').waitFor();
    const item = page
      .getByTestId('upcoming-item')
      .filter({ hasText: 'Skovhaven 8' })
      .filter({ has: page.locator(`time[datetime="${court}"]`) });
    await item.waitFor();
    assert.match(await item.getByTestId('upcoming-days-left').innerText(), /om 10 dage/);
    assert.match(await item.innerText(), /09:30/);
    await assertAccessible(page, 'evictions-upcoming-desktop');
    await page.getByTestId('evictions-view-calendar').click();
    await page.getByTestId('calendar-grid').waitFor();
    if (court.slice(0, 7) !== t.slice(0, 7)) await page.getByTestId('calendar-next').click();
    await page
      .locator(`[data-testid="calendar-day"][data-date="${court}"] [data-testid="calendar-item"]`)
      .first()
      .waitFor();
    await assertAccessible(page, 'evictions-calendar-desktop');

    // 4. Back on the case: propose "undgået – aftale/fortsættelse efter ophævelse".
    await openCase(page, 'Henrik Sørensen');
    await page.getByTestId('eviction-propose-outcome').click();
    await dialogReady(page, 'outcome-dialog');
    await choose(page, 'outcome-select', /aftale\/fortsættelse/);
    await page.getByTestId('outcome-note').fill('Afdragsordning aftalt; boligorganisationen fortsætter lejemålet.');
    await assertAccessible(page);
    await page.getByTestId('outcome-submit').click();
    await page.getByTestId('outcome-dialog').waitFor({ state: 'detached' });
    await page
      .getByTestId('eviction-status')
      .filter({ hasText: /Afventer godkendelse/ })
      .waitFor();
    assert.equal(await page.getByTestId('eviction-approve').count(), 0, 'a worker cannot approve');
    const caseUrl = page.url();
    await page.context().close();

    // 5. The team lead approves it from "Afventer godkendelse".
    const leadPage = await app.page({ user: 'teamleder' });
    await leadPage.goto('/udsaettelser');
    await leadPage.getByTestId('evictions-pending-item').filter({ hasText: 'Skovhaven 8' }).getByRole('link').click();
    await leadPage.getByTestId('eviction-approve').click();
    await dialogReady(leadPage, 'decision-dialog');
    await assertAccessible(leadPage);
    await leadPage.getByTestId('decision-submit').click();
    await leadPage.getByTestId('decision-dialog').waitFor({ state: 'detached' });
    await leadPage
      .getByTestId('eviction-status')
      .filter({ hasText: /Afsluttet/ })
      .waitFor();
    await leadPage.getByTestId('eviction-sustained-state').waitFor();

    // 6. The case timeline shows every step.
    await leadPage.goto(caseUrl);
    await leadPage.locator('[data-testid="timeline-event"][data-type="eviction_outcome"]').first().waitFor();
    const events = await leadPage
      .locator('[data-testid="timeline-event"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
    const eviction = events.filter((x) => x.startsWith('eviction_'));
    assert.deepEqual(eviction, [
      'eviction_outcome',
      'eviction_outcome',
      'eviction_stage',
      'eviction_stage',
      'eviction_stage',
      'eviction_stage',
      'eviction_linked',
    ]);
    await assertAccessible(leadPage, 'eviction-timeline-desktop');
    assert.deepEqual(leadPage.consoleErrors, []);
    await leadPage.context().close();
  });

  it('shows the eviction panel and the upcoming list at phone width without sideways scrolling', async () => {
    const page = await app.page({ viewport: VIEWPORTS.phone, user: 'oekonomi' });
    await openCase(page, 'Fatima Ali');
    await page.getByTestId('eviction-stepper').waitFor();
    await assertAccessible(page, 'eviction-case-phone');
    // Hand the udsættelsessag to a colleague.
    await page.getByTestId('eviction-edit').click();
    await dialogReady(page, 'eviction-edit-dialog');
    await choose(page, 'eviction-edit-responsible', 'Ahmad Hassan');
    await assertAccessible(page);
    await page.getByTestId('eviction-edit-submit').click();
    await page.getByTestId('eviction-edit-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('eviction-card').filter({ hasText: 'Ahmad Hassan' }).waitFor();
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'the case page scrolls sideways at phone width');
    await page.goto('/udsaettelser');
    await page.getByTestId('upcoming-item').first().waitFor();
    // The seeded fogedsag without a kommune notification is flagged.
    await page
      .getByTestId('upcoming-item')
      .filter({ hasText: 'Engparken 7' })
      .getByTestId('upcoming-flag-kommune')
      .waitFor();
    await assertAccessible(page, 'evictions-upcoming-phone');
    await page.getByTestId('evictions-view-calendar').click();
    await page.getByTestId('calendar-list').or(page.getByTestId('calendar-grid')).first().waitFor();
    await assertAccessible(page, 'evictions-calendar-phone');
    overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'the upcoming page scrolls sideways at phone width');
    assert.deepEqual(page.consoleErrors, []);
    await page.context().close();
  });
});
