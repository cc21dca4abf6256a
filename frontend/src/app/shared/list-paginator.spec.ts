import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';

import { provideTranslocoTesting } from '../../testing/testing-providers';
import { ListPaginator, type PagedStore } from './list-paginator';

class Store implements PagedStore {
  readonly total = signal(120);
  readonly page = signal(2);
  readonly pageSize = signal(20);
  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
  }
}

@Component({
  imports: [ListPaginator],
  template: `<bf-list-paginator [store]="store" label="cases.paginator" testId="p" (paged)="turns = turns + 1" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly store = new Store();
  turns = 0;
}

describe(ListPaginator.name, () => {
  it('should show the store page, set the next one on it and tell the page', async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTranslocoTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const paginator = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toContain('21');
    const host = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="p"]');
    expect(host?.getAttribute('aria-label')).toBeTruthy();
    await paginator.goToNextPage();
    expect(fixture.componentInstance.store.page()).toBe(3);
    expect(fixture.componentInstance.turns).toBe(1);
  });
});
