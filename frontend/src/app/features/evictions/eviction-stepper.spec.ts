import { TestBed } from '@angular/core/testing';

import { EVICTION_STAGES, type EvictionCase } from '@bofast/contracts';

import { evictionCase, stageEntry } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { EvictionStepper } from './eviction-stepper';
import { buildSteps, daysLeftText } from './eviction-view';

const EVICTION: EvictionCase = evictionCase({
  currentStage: 'retsmoede',
  stages: [
    stageEntry({ stage: 'restance', date: '2026-03-02', amount: 2500, source: 'restanceliste' }),
    stageEntry({ stage: 'paakrav', date: '2026-03-16', source: 'brev' }),
    // Typed in after the påkrav: saved as entered and marked.
    stageEntry({ stage: 'rykker', date: '2026-03-09', source: 'beboer', outOfOrder: true }),
    stageEntry({
      stage: 'kommune_underrettet',
      date: '2026-03-20',
      notifiedBy: 'team',
      channel: 'digital_post',
    }),
    stageEntry({ stage: 'retsmoede', date: '2026-04-28', time: '10:00' }),
  ],
  deadlines: [
    { kind: 'paakrav_frist', date: '2026-03-30', time: null, daysLeft: 5, workingDaysLeft: 3 },
    { kind: 'tidligst_ophaevelse', date: '2026-03-31', time: null, daysLeft: 0, workingDaysLeft: 0 },
    { kind: 'retsmoede', date: '2026-04-28', time: '10:00', daysLeft: -3, workingDaysLeft: 0 },
  ],
});

function render(eviction: EvictionCase = EVICTION) {
  TestBed.configureTestingModule({ imports: [EvictionStepper], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  const fixture = TestBed.createComponent(EvictionStepper);
  fixture.componentRef.setInput('eviction', eviction);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const step = (stage: string) => el.querySelector<HTMLElement>(`[data-testid="eviction-step"][data-stage="${stage}"]`);
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { el, step, text };
}

describe(EvictionStepper.name, () => {
  it('should list all eight stages in chain order as an ordered list', () => {
    const { el, text } = render();
    const list = el.querySelector('ol[data-testid="eviction-stepper"]');
    expect(list?.getAttribute('aria-label')).toBe('Udsættelsessagens trin');
    const steps = Array.from(el.querySelectorAll('[data-testid="eviction-step"]'));
    expect(steps.map((s) => s.getAttribute('data-stage'))).toEqual([...EVICTION_STAGES]);
    expect(steps.map((s) => text(s.querySelector('[data-testid="eviction-step-name"]')))).toEqual([
      'Restance',
      'Rykker',
      'Påkrav',
      'Ophævelse',
      'Kommunen underrettet',
      'Udsættelsesbegæring indgivet',
      'Retsmøde i fogedretten',
      'Udsættelse berammet',
    ]);
    expect(steps.map((s) => s.getAttribute('data-state'))).toEqual([
      'done',
      'done',
      'done',
      'skipped',
      'done',
      'skipped',
      'current',
      'pending',
    ]);
    expect(steps[6].getAttribute('aria-current')).toBe('step');
    expect(steps.filter((s) => s.hasAttribute('aria-current'))).toHaveLength(1);
    // The state is read out, not only shown by colour.
    expect(text(steps[3])).toContain('(ikke registreret)');
  });

  it('should show the recorded dates in Danish, the time, the amount and the kommune notification', () => {
    const { step, text } = render();
    expect(text(step('restance')?.querySelector('[data-testid="eviction-step-date"]'))).toBe('man. 2. mar. 2026');
    expect(text(step('restance')?.querySelector('[data-testid="eviction-step-amount"]'))).toBe('2.500,00 kr.');
    expect(text(step('restance'))).toContain('Kilde: Restanceliste');
    expect(step('retsmoede')?.querySelector('time')?.getAttribute('datetime')).toBe('2026-04-28');
    expect(text(step('retsmoede')?.querySelector('[data-testid="eviction-step-time"]'))).toBe('kl. 10:00');
    expect(text(step('kommune_underrettet')?.querySelector('[data-testid="eviction-step-notified"]'))).toBe(
      'Underrettet af Boligsocialt team via Digital Post',
    );
  });

  it('should mark the entry recorded out of order', () => {
    const { el, step, text } = render();
    expect(text(step('rykker')?.querySelector('[data-testid="eviction-step-out-of-order"]'))).toBe(
      'Uden for rækkefølge',
    );
    expect(el.querySelectorAll('[data-testid="eviction-step-out-of-order"]')).toHaveLength(1);
  });

  it('should show each deadline on its step with the days left and working days', () => {
    const { step, text } = render();
    const paakrav = step('paakrav')?.querySelector('[data-testid="eviction-deadline"]');
    expect(text(paakrav)).toBe('Påkravets betalingsfrist: man. 30. mar. 2026 · om 5 dage (3 hverdage)');
    const ophaevelse = step('ophaevelse')?.querySelector('[data-testid="eviction-deadline"]');
    expect(text(ophaevelse)).toBe('Tidligst ophævelse: tirs. 31. mar. 2026 · i dag');
    const retsmoede = step('retsmoede')?.querySelector('[data-testid="eviction-deadline"]');
    expect(text(retsmoede)).toBe('Retsmøde: tirs. 28. apr. 2026 kl. 10:00 · 3 dage over');
    expect(retsmoede?.classList).toContain('overdue');
  });

  it('should print the law references from LEGAL_REFERENCES, with (kontrollér) when unverified', () => {
    const { step, text } = render();
    const law = (stage: string) =>
      Array.from(step(stage)?.querySelectorAll('[data-testid="legal-ref-law"]') ?? []).map((n) => text(n));
    expect(law('paakrav')).toEqual(['almenlejeloven § 90, stk. 2 (kontrollér)']);
    expect(law('ophaevelse')).toEqual(['almenlejeloven § 90, stk. 1, nr. 1']);
    expect(law('kommune_underrettet')).toEqual([
      'almenlejeloven § 92, stk. 2 (indsat ved L 92 2008-09) (kontrollér)',
      'retssikkerhedsloven § 5 a (kontrollér)',
    ]);
    expect(law('rykker')).toEqual([]);
    expect(text(step('paakrav')?.querySelector('[data-testid="legal-ref"] p'))).toContain('14 dages frist');
  });
});

describe('daysLeftText', () => {
  it.each([
    [5, 'evictions.days.inMany', { n: 5 }],
    [1, 'evictions.days.tomorrow', {}],
    [0, 'evictions.days.today', {}],
    [-1, 'evictions.days.overdueOne', {}],
    [-3, 'evictions.days.overdueMany', { n: 3 }],
  ])('should describe %i days left', (days, key, params) => {
    expect(daysLeftText(days)).toEqual({ key, params });
  });
});

describe('buildSteps', () => {
  it('should mark nothing current when no stage is recorded', () => {
    const steps = buildSteps({ stages: [], deadlines: [], currentStage: null });
    expect(steps.map((s) => s.state)).toEqual(Array(8).fill('pending'));
  });
});
