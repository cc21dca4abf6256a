import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { provideAppTesting } from '../../../testing/testing-providers';
import { CasesListStore, caseListParams } from './cases-store';

const EMPTY = { items: [], total: 0, page: 1, pageSize: 20 };

describe(CasesListStore.name, () => {
  let store: CasesListStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [...provideAppTesting(), CasesListStore] });
    store = TestBed.inject(CasesListStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function lastParams(): Record<string, string> {
    TestBed.tick();
    const request = http.expectOne((r) => r.url === '/api/cases');
    const params = request.request.params;
    const result = Object.fromEntries(params.keys().map((k) => [k, params.get(k) ?? '']));
    request.flush(EMPTY);
    return result;
  }

  it('should ask for my open cases, newest update first, by default', () => {
    expect(lastParams()).toEqual({
      page: '1',
      pageSize: '20',
      mine: 'true',
      open: 'true',
      sort: 'updatedAt',
      direction: 'desc',
    });
  });

  it('should send filters and sorting and go back to page 1', () => {
    lastParams();
    store.setPage(3, 50);
    lastParams();
    store.setFilter({ mine: false, openOnly: false, teamId: 't1', type: 'nabokonflikt', status: 'i_bero' });
    store.setSort('caseNumber', 'asc');
    expect(lastParams()).toEqual({
      page: '1',
      pageSize: '50',
      mine: 'false',
      teamId: 't1',
      type: 'nabokonflikt',
      status: 'i_bero',
      sort: 'caseNumber',
      direction: 'asc',
    });
  });

  it('should leave out empty values', () => {
    lastParams();
    expect(caseListParams({ personId: 'p1', mine: false, teamId: undefined })).toEqual({ personId: 'p1', mine: false });
  });
});
