import { TestBed } from '@angular/core/testing';

import { upcomingItem } from '../../../testing/eviction-fixtures';
import { provideAppTesting } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { EvictionCalendar, buildMonthGrid, isoWeek, monthGridRange, shiftMonth } from './eviction-calendar';

const APRIL_2026 = { year: 2026, month: 4 };
const ITEMS = [
  upcomingItem({
    evictionId: 'e1',
    deadline: { kind: 'retsmoede', date: '2026-04-14', time: '10:00', daysLeft: 4, workingDaysLeft: 2 },
  }),
  upcomingItem({
    evictionId: 'e2',
    address: 'Havnegade 8',
    deadline: { kind: 'fraflytning', date: '2026-04-30', time: null, daysLeft: 20, workingDaysLeft: 13 },
  }),
];

describe('buildMonthGrid', () => {
  it('should lay out April 2026 in Monday-first weeks with ISO week numbers', () => {
    const weeks = buildMonthGrid(APRIL_2026, [], '2026-04-10');
    expect(weeks.map((w) => w.isoWeek)).toEqual([14, 15, 16, 17, 18]);
    expect(weeks[0].days[0].date).toBe('2026-03-30');
    expect(weeks[0].days[0].inMonth).toBe(false);
    expect(weeks[0].days[2].date).toBe('2026-04-01');
    expect(weeks[4].days[6].date).toBe('2026-05-03');
    expect(weeks.every((w) => w.days.length === 7)).toBe(true);
    expect(
      weeks
        .flatMap((w) => w.days)
        .filter((d) => d.isToday)
        .map((d) => d.date),
    ).toEqual(['2026-04-10']);
  });

  it('should name the Easter holidays and mark weekends', () => {
    const days = buildMonthGrid(APRIL_2026, [], '2026-04-10').flatMap((w) => w.days);
    const holidays = days.filter((d) => d.holiday).map((d) => [d.date, d.holiday]);
    expect(holidays).toEqual([
      ['2026-04-02', 'Skærtorsdag'],
      ['2026-04-03', 'Langfredag'],
      ['2026-04-05', 'Påskedag'],
      ['2026-04-06', '2. påskedag'],
    ]);
    expect(days.find((d) => d.date === '2026-04-04')?.isWeekend).toBe(true);
    expect(days.find((d) => d.date === '2026-04-03')?.isWeekend).toBe(false);
  });

  it('should put each item on its day', () => {
    const days = buildMonthGrid(APRIL_2026, ITEMS, '2026-04-10').flatMap((w) => w.days);
    expect(days.find((d) => d.date === '2026-04-14')?.items.map((i) => i.evictionId)).toEqual(['e1']);
    expect(days.find((d) => d.date === '2026-04-30')?.items.map((i) => i.evictionId)).toEqual(['e2']);
    expect(days.filter((d) => d.items.length > 0)).toHaveLength(2);
  });

  it.each([
    ['2026-01-01', 1],
    ['2026-12-31', 53],
    ['2027-01-03', 53],
    ['2027-01-04', 1],
    ['2024-12-30', 1],
  ])('should give %s ISO week %i', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('should span whole weeks and move across years', () => {
    expect(monthGridRange(APRIL_2026)).toEqual({ from: '2026-03-30', to: '2026-05-03' });
    expect(monthGridRange({ year: 2026, month: 2 })).toEqual({ from: '2026-01-26', to: '2026-03-01' });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
  });
});

describe(EvictionCalendar.name, () => {
  function render() {
    TestBed.configureTestingModule({ imports: [EvictionCalendar], providers: provideAppTesting() });
    TestBed.runInInjectionContext(registerIcons);
    const fixture = TestBed.createComponent(EvictionCalendar);
    fixture.componentRef.setInput('month', APRIL_2026);
    fixture.componentRef.setInput('items', ITEMS);
    fixture.componentRef.setInput('today', '2026-04-10');
    const changes: unknown[] = [];
    fixture.componentInstance.monthChange.subscribe((m) => changes.push(m));
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const cell = (date: string) => el.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${date}"]`);
    return { fixture, el, cell, changes };
  }

  it('should show Danish weekday headers Monday first and the month title', () => {
    const { el } = render();
    expect(el.querySelector('[data-testid="calendar-title"]')?.textContent?.trim()).toBe('april 2026');
    const headers = Array.from(el.querySelectorAll('thead th .visually-hidden')).map((h) => h.textContent?.trim());
    expect(headers).toEqual(['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']);
    const weekNumbers = Array.from(el.querySelectorAll('[data-testid="calendar-week-number"]')).map((n) =>
      n.textContent?.trim(),
    );
    expect(weekNumbers).toEqual(['14', '15', '16', '17', '18']);
  });

  it('should shade Langfredag with its name and label every cell', () => {
    const { cell } = render();
    const langfredag = cell('2026-04-03');
    expect(langfredag?.classList).toContain('holiday');
    expect(langfredag?.querySelector('[data-testid="calendar-holiday"]')?.textContent?.trim()).toBe('Langfredag');
    expect(langfredag?.getAttribute('aria-label')).toBe('fredag den 3. april 2026, Langfredag');
    expect(cell('2026-04-04')?.classList).toContain('weekend');
    expect(cell('2026-03-30')?.classList).toContain('outside');
    expect(cell('2026-04-10')?.getAttribute('aria-current')).toBe('date');
    expect(cell('2026-04-10')?.getAttribute('aria-label')).toBe('fredag den 10. april 2026, i dag');
  });

  it('should put the items on their day and link them to the eviction case', () => {
    const { cell, el } = render();
    const links = cell('2026-04-14')?.querySelectorAll<HTMLAnchorElement>('[data-testid="calendar-item"]') ?? [];
    expect(links).toHaveLength(1);
    expect(links[0].textContent?.replace(/\s+/g, ' ').trim()).toBe('10:00 Retsmøde · Fjordvej 3, 1. tv.');
    expect(links[0].getAttribute('href')).toBe('/udsaettelser/e1');
    expect(cell('2026-04-14')?.getAttribute('aria-label')).toBe('tirsdag den 14. april 2026, frister: 1');
    expect(cell('2026-04-30')?.textContent).toContain('Havnegade 8');
    expect(el.querySelectorAll('[data-testid="calendar-item"]')).toHaveLength(2);
  });

  it('should ask for the previous and next month', () => {
    const { el, changes } = render();
    el.querySelector<HTMLButtonElement>('[data-testid="calendar-prev"]')?.click();
    el.querySelector<HTMLButtonElement>('[data-testid="calendar-next"]')?.click();
    expect(changes).toEqual([
      { year: 2026, month: 3 },
      { year: 2026, month: 5 },
    ]);
    expect(el.querySelector('[data-testid="calendar-prev"]')?.getAttribute('aria-label')).toBe('Forrige måned');
  });
});
