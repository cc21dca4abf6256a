import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { TimelineEvent } from '@bofast/contracts';

import { provideAppTesting } from '../../../testing/testing-providers';
import { LanguageStore } from '../../core/i18n/language-store';
import { registerIcons } from '../../core/shell/icons';
import { CaseTimeline } from './case-timeline';

function event(overrides: Partial<TimelineEvent>): TimelineEvent {
  return {
    id: 'e',
    type: 'note',
    occurredAt: '2025-03-01T10:00:00Z',
    recordedAt: '2025-03-02T10:00:00Z',
    author: { id: 'u1', displayName: 'Rita Rådgiver' },
    visibility: 'team',
    text: 'Tekst',
    data: {},
    correctsEventId: null,
    correctedByEventIds: [],
    ...overrides,
  };
}

// Jest cannot load the ESM Danish locale data, so dates format in English here.
const STUB_LANGUAGE = { provide: LanguageStore, useValue: { language: signal('en') } };

describe(CaseTimeline.name, () => {
  it('should mark corrected events and link corrections to them', async () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      event({ id: 'e2', type: 'correction', text: 'Rettet tekst', correctsEventId: 'e1' }),
      event({ id: 'e1', text: 'Forkert tekst', correctedByEventIds: ['e2'] }),
    ]);
    fixture.componentRef.setInput('total', 2);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;

    const rows = el.querySelectorAll('[data-testid="timeline-event"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].getAttribute('data-type')).toBe('correction');
    expect(rows[0].querySelector('[data-testid="timeline-correction-badge"]')?.textContent).toContain('Rettelse');
    const link = rows[0].querySelector<HTMLAnchorElement>('[data-testid="timeline-correction-link"]');
    expect(link?.getAttribute('href')).toBe('#event-e1');
    expect(rows[1].id).toBe('event-e1');
    expect(rows[1].querySelector('[data-testid="timeline-corrected-badge"]')?.textContent).toContain('Rettet');
    expect(rows[1].querySelector('[data-testid="timeline-corrected-by-link"]')?.getAttribute('href')).toBe('#event-e2');
    expect(rows[1].textContent).toContain('registreret');
    expect(rows[1].textContent).toContain('Rita Rådgiver');
    expect(el.querySelector('[data-testid="timeline-more"]')).toBeNull();
  });

  it('should offer Vis flere when there are more events', () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [event({ id: 'a' })]);
    fixture.componentRef.setInput('total', 5);
    fixture.detectChanges();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="timeline-more"]')?.textContent,
    ).toContain('Vis flere');
  });

  it('should describe arrears updates and offer them in the type filter', () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      event({
        id: 'a1',
        type: 'arrears_update',
        text: null,
        author: null,
        data: { listDate: '2026-11-01', amount: 2500, previousAmount: 2000, change: 'steget', months: 2 },
      }),
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="timeline-filter-arrears_update"]')?.textContent).toContain(
      'Restance opdateret',
    );
    const text = el.querySelector('[data-testid="timeline-arrears"]')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text).toBe('Liste 2026-11-01: 2.500,00 kr. (før 2.000,00 kr.) · Steget');
  });

  it('should describe payment agreements and help applications from their data', () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      event({
        id: 'p2',
        type: 'payment_agreement',
        text: null,
        data: {
          agreementId: 'a1',
          from: 'aftalt',
          to: 'misligholdt',
          principal: 2500,
          installment: 250,
          creditor: 'kreditor',
        },
      }),
      event({
        id: 'p1',
        type: 'payment_agreement',
        text: null,
        data: {
          agreementId: 'a1',
          status: 'forhandles',
          principal: 2500,
          installment: 250,
          creditor: 'boligorganisation',
        },
      }),
      event({
        id: 'h1',
        type: 'help_application',
        text: null,
        data: {
          applicationId: 'h1',
          type: 'enkeltydelse',
          from: 'indsendt',
          to: 'bevilget',
          authority: 'Jobcenter Aarhus',
        },
      }),
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const texts = (id: string) =>
      Array.from(el.querySelectorAll(`[data-testid="${id}"]`)).map((n) => n.textContent?.replace(/\s+/g, ' ').trim());
    expect(texts('timeline-agreement')).toEqual([
      'Anden kreditor: 2.500,00 kr., afdrag 250,00 kr. · Aftalt → Misligholdt',
      'Boligorganisation: 2.500,00 kr., afdrag 250,00 kr. · Forhandles',
    ]);
    expect(texts('timeline-application')).toEqual([
      'Enkeltydelse (aktivloven § 81) · Jobcenter Aarhus · Indsendt → Bevilget',
    ]);
    expect(el.querySelector('[data-testid="timeline-filter-payment_agreement"]')?.textContent).toContain(
      'Afdragsordning',
    );
    expect(el.querySelector('[data-testid="timeline-filter-help_application"]')?.textContent).toContain(
      'Ansøgning om hjælp',
    );
  });

  it('should describe eviction stages, outcomes, the sustained check and the link, each linking to the udsættelsessag', () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      event({
        id: 'v1',
        type: 'eviction_stage',
        text: null,
        data: {
          evictionId: 'ev1',
          stage: 'paakrav',
          date: '2026-03-16',
          time: null,
          amount: 2500,
          source: 'restanceliste',
          listDate: '2026-10-01',
          outOfOrder: true,
        },
      }),
      event({
        id: 'v2',
        type: 'eviction_stage',
        text: null,
        data: { evictionId: 'ev1', stage: 'udsaettelse_berammet', date: '2026-05-12', time: '09:30', source: 'brev' },
      }),
      event({
        id: 'v3',
        type: 'eviction_outcome',
        text: null,
        data: {
          evictionId: 'ev1',
          action: 'approved',
          outcome: 'undgaaet_betalt',
          note: null,
          sustainedDue: '2026-10-01',
        },
      }),
      event({
        id: 'v4',
        type: 'eviction_outcome',
        text: null,
        data: { evictionId: 'ev1', action: 'returned', outcome: 'undgaaet_aftale', reason: 'Mangler aftalen' },
      }),
      event({
        id: 'v5',
        type: 'eviction_sustained',
        text: null,
        data: { evictionId: 'ev1', stillResident: true, source: 'restanceliste' },
      }),
      event({ id: 'v6', type: 'eviction_linked', text: null, data: { evictionId: 'ev1' } }),
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const texts = (id: string) =>
      Array.from(el.querySelectorAll(`[data-testid="${id}"]`)).map((n) => n.textContent?.replace(/\s+/g, ' ').trim());
    // Dates follow the UI language; the stub is English here.
    expect(texts('timeline-eviction-stage')).toEqual([
      'Påkrav: Mon, 16 Mar 2026 · 2.500,00 kr. · Kilde: Restanceliste (liste 1 Oct 2026)',
      'Udsættelse berammet: Tue, 12 May 2026 kl. 09:30 · Kilde: Brev fra boligorganisationen',
    ]);
    expect(texts('timeline-eviction-out-of-order')).toEqual(['Uden for rækkefølge']);
    expect(texts('timeline-eviction-outcome')).toEqual([
      'Udfald godkendt: Undgået – betalt før ophævelse · Opfølgning fra 1 Oct 2026',
      'Forslag sendt tilbage: Undgået – aftale/fortsættelse efter ophævelse · Begrundelse: Mangler aftalen',
    ]);
    expect(texts('timeline-eviction-sustained')).toEqual([
      'Opfølgning: bor de der stadig? Bor der stadig · Kilde: Restanceliste',
    ]);
    expect(texts('timeline-eviction-linked')).toEqual(['Sagen er knyttet til en udsættelsessag']);
    const links = Array.from(el.querySelectorAll('[data-testid="timeline-eviction-link"]'));
    expect(links).toHaveLength(6);
    expect(links[0].getAttribute('href')).toBe('/udsaettelser/ev1');
    expect(el.querySelector('[data-testid="timeline-filter-eviction_stage"]')?.textContent).toContain(
      'Udsættelsessag: trin',
    );
  });
  it('should describe visits, referrals, their messages, handoffs and follow-ups, and filter on them', () => {
    TestBed.configureTestingModule({ imports: [CaseTimeline], providers: [...provideAppTesting(), STUB_LANGUAGE] });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      event({
        id: 'v1',
        type: 'visit',
        text: 'Talt om huslejen.',
        data: {
          visitId: 'v1',
          status: 'gennemfoert',
          locationType: 'hjem',
          announced: false,
          participants: ['husstand', 'husstand', 'tolk'],
          followUps: 2,
        },
      }),
      event({
        id: 'r2',
        type: 'referral',
        text: null,
        data: {
          referralId: 'r1',
          status: 'afvist',
          from: 'modtaget',
          side: 'partner',
          partner: 'Jobcenter Fjordby',
          reason: 'Ikke i målgruppen',
          outcome: null,
          firstMeetingAt: null,
          underretning: false,
        },
      }),
      event({
        id: 'r3',
        type: 'referral',
        text: null,
        data: { referralId: 'r3', status: 'sendt', underretning: true, legalBasis: 'Serviceloven § 133' },
      }),
      event({
        id: 'm1',
        type: 'referral_message',
        text: 'Første samtale gik godt.',
        data: { referralId: 'r1', side: 'partner', partner: 'Jobcenter Fjordby' },
      }),
      event({ id: 'hd1', type: 'handoff', text: 'Louise tager over.', data: { kind: 'medarbejder' } }),
      event({ id: 't1', type: 'task', text: 'Ring til jobcentret', data: { status: 'udfoert', source: 'besoeg' } }),
    ]);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const text = (id: string) =>
      Array.from(el.querySelectorAll(`[data-testid="${id}"]`)).map((n) => n.textContent?.replace(/\s+/g, ' ').trim());
    expect(text('timeline-visit')).toEqual([
      'Gennemført · Hjem · Uvarslet · Deltagere: Husstand, Tolk · 2 opfølgninger',
    ]);
    expect(text('timeline-referral')).toEqual(['Jobcenter Fjordby: Modtaget → Afvist (Partner)', 'Underretning Sendt']);
    expect(text('timeline-referral-reason')).toEqual(['Begrundelse: Ikke i målgruppen']);
    expect(text('timeline-referral-legal-basis')).toEqual(['Hjemmel: Serviceloven § 133']);
    expect(text('timeline-referral-message')).toEqual(['Besked fra Jobcenter Fjordby']);
    expect(text('timeline-handoff')).toEqual(['Overdraget til en anden medarbejder']);
    expect(text('timeline-task')).toEqual(['Opfølgning udført · Fra besøg']);
    const rows = el.querySelectorAll('[data-testid="timeline-event"]');
    expect(rows[0].textContent).toContain('Talt om huslejen.');
    expect(rows[3].textContent).toContain('Første samtale gik godt.');
    for (const [type, label] of [
      ['visit', 'Besøg'],
      ['referral', 'Henvisning'],
      ['referral_message', 'Besked om henvisning'],
      ['handoff', 'Overdragelse'],
      ['task', 'Opfølgning'],
    ]) {
      expect(el.querySelector(`[data-testid="timeline-filter-${type}"]`)?.textContent).toContain(label);
    }
  });
});
