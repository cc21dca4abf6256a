import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';

import { Role, addDays } from '@bofast/contracts';

import { evictionCase, upcomingItem } from '../../../testing/eviction-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { todayIso } from '../../core/format/dates';
import { registerIcons } from '../../core/shell/icons';
import { monthGridRange, monthOf } from './eviction-calendar';
import { UpcomingPage } from './upcoming-page';

const ITEMS = [
  upcomingItem({
    evictionId: 'e1',
    deadline: { kind: 'fraflytning', date: '2026-03-27', time: null, daysLeft: -3, workingDaysLeft: 0 },
    flags: { noKommuneNotification: true, noRecentContact: false, lastContactAt: null },
  }),
  upcomingItem({
    evictionId: 'e2',
    address: 'Havnegade 8',
    responsible: null,
    deadline: { kind: 'paakrav_frist', date: '2026-04-03', time: null, daysLeft: 4, workingDaysLeft: 2 },
  }),
];

const upcoming = (r: { url: string }) => r.url === '/api/evictions/upcoming';

async function setup(role: Role) {
  TestBed.configureTestingModule({ imports: [UpcomingPage], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(UpcomingPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  return { fixture, http, el, settle, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe(UpcomingPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should list the deadlines with weekday, days left, working days, flags and the overdue ones highlighted', async () => {
    const { http, el, settle } = await setup(Role.SocialVicevaert);
    const request: TestRequest = http.expectOne(upcoming);
    expect(request.request.params.keys()).toEqual([]);
    request.flush(ITEMS);
    await settle();
    expect(el.querySelector('[data-testid="evictions-pending"]')).toBeNull();
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="upcoming-item"]'));
    expect(rows).toHaveLength(2);
    const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();
    expect(text(rows[0].querySelector('[data-testid="upcoming-date"]'))).toBe('fre. 27. mar. 2026');
    expect(text(rows[0].querySelector('[data-testid="upcoming-days-left"]'))).toBe('3 dage over');
    expect(rows[0].classList).toContain('overdue');
    expect(text(rows[0].querySelector('[data-testid="upcoming-flag-kommune"]'))).toBe(
      'Ingen registreret underretning af kommunen',
    );
    expect(text(rows[0])).toContain('Fraflytningsfrist');
    expect(text(rows[0])).toContain('Fjordparken · Rita Rådgiver');
    expect(rows[0].querySelector('[data-testid="upcoming-open"]')?.getAttribute('href')).toBe('/udsaettelser/e1');
    expect(text(rows[1].querySelector('[data-testid="upcoming-days-left"]'))).toBe('om 4 dage (2 hverdage)');
    expect(rows[1].classList).not.toContain('overdue');
    expect(text(rows[1])).toContain('Ingen ansvarlig');
    expect(text(rows[1].querySelector('[data-testid="upcoming-legal"]'))).toBe(
      'almenlejeloven § 90, stk. 2 (kontrollér)',
    );
    expect(text(el.querySelector('[data-testid="upcoming-overdue-count"]'))).toBe('Overskredne frister: 1');
  });

  it('should ask for only my deadlines when Kun mine is on', async () => {
    const { http, el, fixture, settle, loader } = await setup(Role.SocialVicevaert);
    http.expectOne(upcoming).flush(ITEMS);
    await settle();
    const toggle = await loader.getHarness(MatSlideToggleHarness.with({ label: 'Kun mine' }));
    expect(await toggle.isChecked()).toBe(false);
    // Clicked directly: a harness action waits for stability, which the new request would hold up.
    el.querySelector<HTMLButtonElement>('[data-testid="evictions-mine"] button')?.click();
    fixture.detectChanges();
    TestBed.tick();
    const request = http.expectOne(upcoming);
    expect(request.request.params.get('mine')).toBe('true');
    request.flush([]);
  });

  it('should switch to the calendar and fetch the whole weeks of this month', async () => {
    const { http, el, fixture, settle, loader } = await setup(Role.SocialVicevaert);
    http.expectOne(upcoming).flush(ITEMS);
    await settle();
    const calendar = await loader.getHarness(MatButtonToggleHarness.with({ text: /Kalender/ }));
    expect(await calendar.isChecked()).toBe(false);
    el.querySelector<HTMLButtonElement>('[data-testid="evictions-view-calendar"] button')?.click();
    fixture.detectChanges();
    TestBed.tick();
    const range = monthGridRange(monthOf(todayIso()));
    const request = http.expectOne(upcoming);
    expect(request.request.params.get('from')).toBe(range.from);
    expect(request.request.params.get('to')).toBe(range.to);
    request.flush([]);
    await settle();
    expect(el.querySelector('[data-testid="calendar-grid"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="upcoming-list"]')).toBeNull();
  });

  it('should show team leads the proposals awaiting approval', async () => {
    const { http, el, settle } = await setup(Role.Teamleder);
    http.expectOne(upcoming).flush([]);
    const pending = http.expectOne((r) => r.url === '/api/evictions');
    expect(pending.request.params.get('status')).toBe('afventer_godkendelse');
    pending.flush([evictionCase({ status: 'afventer_godkendelse', outcome: 'undgaaet_aftale' })]);
    await settle();
    const section = el.querySelector('[data-testid="evictions-pending"]');
    expect(section?.querySelector('h2')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Afventer godkendelse (1)');
    const item = section?.querySelector('[data-testid="evictions-pending-item"]');
    expect(item?.textContent).toContain('Undgået – aftale/fortsættelse efter ophævelse');
    expect(item?.querySelector('a')?.getAttribute('href')).toBe('/udsaettelser/e1');
    expect(el.querySelector('[data-testid="upcoming-list"]')?.textContent).toContain('Ingen frister i perioden');
    expect(el.querySelector('h2#upcoming-list-title')?.textContent).toContain(addDays(todayIso(), 0).slice(0, 4));
  });
});
