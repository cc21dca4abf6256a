import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { type Page, Role, type WorklistRow } from '@bofast/contracts';

import { createUser, provideAppTesting, signIn } from '../../../testing/testing-providers';
import { WorklistStore, formatKr, worklistParams } from './restance-store';
import { WorklistPage } from './worklist-page';

function row(overrides: Partial<WorklistRow>): WorklistRow {
  return {
    id: 'r1',
    importId: 'i1',
    listDate: '2026-11-01',
    afdelingsnummer: '12',
    lejemaalsnummer: '0101',
    tenancyId: null,
    tenantNames: 'Hanne Hansen',
    address: 'Fjordvej 1, st. tv.',
    amount: 2500,
    previousAmount: 1500,
    months: 2,
    oldestDueDate: '2026-09-01',
    paakravDate: null,
    ophaevelseDate: null,
    hasAgreement: false,
    change: 'steget',
    repeatCount: 1,
    priority: 25,
    reasons: [
      { rule: 'amount', points: 6, detail: 'Restance 2.500 kr.' },
      { rule: 'months', points: 10, detail: '2 måneder' },
    ],
    outreachStatus: 'ikke_kontaktet',
    attempts: 0,
    assignee: null,
    caseId: null,
    supersededByNewerList: false,
    version: 1,
    ...overrides,
  };
}

function page(items: WorklistRow[]): Page<WorklistRow> {
  return { items, total: items.length, page: 1, pageSize: 25 };
}

describe('worklistParams', () => {
  it('should send only the filters that are set, with the changes comma-separated', () => {
    expect(
      worklistParams({
        page: 2,
        pageSize: 50,
        sort: 'amount',
        direction: 'asc',
        filters: {
          change: ['ny', 'steget'],
          paakrav: true,
          ophaevelse: false,
          mine: true,
          unassigned: false,
          outreachStatus: 'forsoegt',
        },
      }),
    ).toEqual({
      page: 2,
      pageSize: 50,
      sort: 'amount',
      direction: 'asc',
      change: 'ny,steget',
      paakrav: true,
      mine: true,
      outreachStatus: 'forsoegt',
    });
  });
});

describe(WorklistStore.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  function latest(http: HttpTestingController): TestRequest {
    TestBed.tick();
    const requests = http.match((r) => r.url === '/api/restance/worklist');
    expect(requests.length).toBeGreaterThan(0);
    const last = requests[requests.length - 1];
    for (const r of requests) r.flush(page([]));
    return last;
  }

  it('should query by priority first and send filters, sort and paging', () => {
    TestBed.configureTestingModule({ providers: [...provideAppTesting(), WorklistStore] });
    const store = TestBed.inject(WorklistStore);
    const http = TestBed.inject(HttpTestingController);
    let params = latest(http).request.params;
    expect(params.get('page')).toBe('1');
    expect(params.get('pageSize')).toBe('25');
    expect(params.get('sort')).toBe('priority');
    expect(params.get('direction')).toBe('desc');
    expect(params.has('change')).toBe(false);

    store.setPage(3, 25);
    store.toggleChange('ny', true);
    store.toggleChange('steget', true);
    store.setFilters({ paakrav: true, ophaevelse: true, unassigned: true, outreachStatus: 'kontakt' });
    store.setSort('months', 'asc');
    params = latest(http).request.params;
    expect(params.get('page')).toBe('1');
    expect(params.get('change')).toBe('ny,steget');
    expect(params.get('paakrav')).toBe('true');
    expect(params.get('ophaevelse')).toBe('true');
    expect(params.get('unassigned')).toBe('true');
    expect(params.get('outreachStatus')).toBe('kontakt');
    expect(params.get('sort')).toBe('months');
    expect(params.get('direction')).toBe('asc');
    expect(params.has('mine')).toBe(false);

    store.toggleChange('ny', false);
    store.setFilters({ mine: true, paakrav: false });
    store.setSort('months', '');
    params = latest(http).request.params;
    expect(params.get('change')).toBe('steget');
    expect(params.get('mine')).toBe('true');
    expect(params.has('paakrav')).toBe(false);
    expect(params.get('sort')).toBe('priority');
    expect(params.get('direction')).toBe('desc');
  });
});

describe(WorklistPage.name, () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  async function setup(items: WorklistRow[]) {
    TestBed.configureTestingModule({ imports: [WorklistPage], providers: provideAppTesting() });
    await signIn(createUser(Role.Beboerraadgiver));
    const fixture = TestBed.createComponent(WorklistPage);
    const http = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/restance/worklist').flush(page(items));
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('should show the list month, the change with both amounts and the priority reasons', async () => {
    const { element } = await setup([row({})]);
    expect(element.querySelector('[data-testid="worklist-list-date"]')?.textContent).toContain(
      'Liste for november 2026',
    );
    expect(element.querySelectorAll('[data-testid="worklist-row"]')).toHaveLength(1);
    expect(element.querySelector('[data-testid="worklist-change"]')?.textContent).toContain('Steget');
    expect(element.querySelector('[data-testid="worklist-amounts"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `${formatKr(1500)} → ${formatKr(2500)}`,
    );
    expect(formatKr(2500)).toBe('2.500,00 kr.');
    const priority = element.querySelector('[data-testid="worklist-priority"]');
    expect(priority?.textContent).toContain('25');
    expect(priority?.textContent).toContain('Restance 2.500 kr.: 6 point');
    expect(element.querySelector('[data-testid="worklist-superseded"]')).toBeNull();
    // Without restance.assign there is no selection column.
    expect(element.querySelector('[data-testid="worklist-select"]')).toBeNull();
  });

  it('should show the påkrav and ophævelse dates in Danish', async () => {
    const { element } = await setup([row({ paakravDate: '2026-11-05', ophaevelseDate: null })]);
    const text = element.querySelector('[data-testid="worklist-row"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(text).toContain('Påkrav: 5. nov. 2026');
    expect(text).toContain('Ophævelse: –');
    expect(text).not.toContain('2026-11-05');
  });

  it('should warn on rows that are gone from the newest list', async () => {
    const { element } = await setup([
      row({ id: 'a', supersededByNewerList: true }),
      row({ id: 'b', change: 'afviklet' }),
      row({ id: 'c' }),
    ]);
    const warnings = element.querySelectorAll('[data-testid="worklist-superseded"]');
    expect(warnings).toHaveLength(2);
    expect(warnings[0].textContent).toContain('Restancen er væk fra den nyeste liste – bank ikke på');
  });
});
