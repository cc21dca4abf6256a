import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Role, type Task, addDays } from '@bofast/contracts';

import { evictionCase, upcomingItem } from '../../../testing/eviction-fixtures';
import { partnerReferral, task } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { todayIso } from '../../core/format/dates';
import { HomePage } from './home-page';

async function setup(role: Role, tasks: Task[] = []) {
  TestBed.configureTestingModule({ imports: [HomePage], providers: provideAppTesting() });
  await signIn(createUser(role));
  const fixture = TestBed.createComponent(HomePage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  http
    .match((r) => r.url === '/api/cases' || r.url === '/api/signals')
    .forEach((r) => r.flush({ items: [], total: 0 }));
  http.match((r) => r.url === '/api/tasks').forEach((r) => r.flush(tasks));
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe(HomePage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should list my eviction deadlines of the next 14 days', async () => {
    const { fixture, http, el } = await setup(Role.SocialVicevaert);
    const request = http.expectOne((r) => r.url === '/api/evictions/upcoming');
    expect(request.request.params.get('mine')).toBe('true');
    expect(request.request.params.get('to')).toBe(addDays(todayIso(), 14));
    request.flush([
      upcomingItem({
        deadline: { kind: 'retsmoede', date: '2026-04-14', time: '10:00', daysLeft: -2, workingDaysLeft: 0 },
      }),
    ]);
    fixture.detectChanges();
    await fixture.whenStable();
    const card = el.querySelector('[data-testid="home-eviction-deadlines"]');
    expect(card?.querySelector('h2')?.textContent).toContain('Frister de næste 14 dage');
    const row = card?.querySelector('[data-testid="home-eviction-deadline"]');
    const cells = Array.from(row?.children ?? []).map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['tirs. 14. apr. 2026', 'Retsmøde · Fjordvej 3, 1. tv.', '2 dage over']);
    expect(row?.classList).toContain('overdue');
    expect(el.querySelector('[data-testid="home-evictions-pending"]')).toBeNull();
  });

  it('should count the proposals awaiting a team lead', async () => {
    const { fixture, http, el } = await setup(Role.Teamleder);
    const team = http.expectOne((r) => r.url === '/api/evictions/upcoming');
    expect(team.request.params.has('mine')).toBe(false);
    team.flush([]);
    const pending = http.expectOne((r) => r.url === '/api/evictions');
    expect(pending.request.params.get('status')).toBe('afventer_godkendelse');
    pending.flush([evictionCase(), evictionCase({ id: 'e2' })]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="home-evictions-pending-count"]')?.textContent?.trim()).toBe('2');
    expect(el.querySelector('[data-testid="home-evictions-pending"] a')?.getAttribute('href')).toBe('/udsaettelser');
  });

  it('should count my open follow-ups and say how many are overdue', async () => {
    const { fixture, http, el } = await setup(Role.SocialVicevaert, [
      task({ id: 't1', dueDate: '2020-01-01' }),
      task({ id: 't2', dueDate: '2999-01-01' }),
    ]);
    http.expectOne((r) => r.url === '/api/evictions/upcoming').flush([]);
    fixture.detectChanges();
    await fixture.whenStable();
    const card = el.querySelector('[data-testid="home-followups"]');
    expect(card?.querySelector('[data-testid="home-followups-count"]')?.textContent?.trim()).toBe('2');
    expect(card?.querySelector('[data-testid="home-followups-overdue"]')?.textContent).toContain('1 forfaldne');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe('/besoeg');
  });

  it('should give a partner the open referrals to the organisation and no case-work cards', async () => {
    const { fixture, http, el } = await setup(Role.KommunalPartner);
    http
      .expectOne('/api/partner/referrals')
      .flush([partnerReferral(), partnerReferral({ id: 'r2', status: 'afsluttet' })]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="home-partner-referrals-count"]')?.textContent?.trim()).toBe('1');
    expect(el.querySelector('[data-testid="home-partner-referrals"] a')?.getAttribute('href')).toBe('/partner');
    expect(el.querySelector('[data-testid="home-my-cases"]')).toBeNull();
    expect(el.querySelector('[data-testid="home-followups"]')).toBeNull();
  });

  it('should show no eviction cards to a role without eviction.read', async () => {
    const { el } = await setup(Role.Admin);
    expect(el.querySelector('[data-testid="home-eviction-deadlines"]')).toBeNull();
  });
});
