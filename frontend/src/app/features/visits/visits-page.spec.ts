import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { Role } from '@bofast/contracts';

import { task, visit } from '../../../testing/referral-fixtures';
import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { registerIcons } from '../../core/shell/icons';
import { VisitsPage } from './visits-page';
import { copenhagenToday } from './visits-api';

async function setup() {
  TestBed.configureTestingModule({ imports: [VisitsPage], providers: provideAppTesting() });
  TestBed.runInInjectionContext(registerIcons);
  await signIn(createUser(Role.SocialVicevaert));
  const fixture = TestBed.createComponent(VisitsPage);
  const http = TestBed.inject(HttpTestingController);
  fixture.detectChanges();
  TestBed.tick();
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
  };
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, http, settle, el };
}

describe(VisitsPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('should ask for my visits today in Copenhagen and my open follow-ups', async () => {
    const { http, settle, el } = await setup();
    const visits = http.expectOne((r) => r.url === '/api/visits');
    expect(visits.request.params.get('mine')).toBe('true');
    expect(visits.request.params.get('date')).toBe(copenhagenToday());
    visits.flush([visit()]);
    const tasks = http.expectOne((r) => r.url === '/api/tasks');
    expect(tasks.request.params.get('mine')).toBe('true');
    tasks.flush([
      task({ id: 't1', dueDate: '2020-01-02' }),
      task({ id: 't2', title: 'Senere', dueDate: '2999-01-01' }),
    ]);
    await settle();
    expect(el.querySelector('[data-testid="today-visit-case"]')?.getAttribute('href')).toBe('/cases/c1');
    const rows = el.querySelectorAll('[data-testid="task-row"]');
    expect(rows[0].classList).toContain('overdue');
    expect(rows[0].querySelector('[data-testid="task-overdue"]')?.textContent).toContain('Forfalden');
    expect(rows[1].classList).not.toContain('overdue');
    expect(el.querySelector('[data-testid="tasks-overdue-count"]')?.textContent).toContain('1 forfaldne');
  });

  it('should mark a follow-up as done with its version and read the list again', async () => {
    const { http, settle, el } = await setup();
    http.expectOne((r) => r.url === '/api/visits').flush([]);
    http.expectOne((r) => r.url === '/api/tasks').flush([task({ version: 2 })]);
    await settle();
    el.querySelector<HTMLButtonElement>('[data-testid="task-done"]')?.click();
    const patch = http.expectOne('/api/tasks/t1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ status: 'udfoert', version: 2 });
    patch.flush(task({ status: 'udfoert', version: 3 }));
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/tasks').flush([]);
    await settle();
    expect(el.querySelector('[data-testid="task-row"]')).toBeNull();
    expect(el.textContent).toContain('Ingen åbne opfølgninger');
  });
});
