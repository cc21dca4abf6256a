import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { TranslocoPipe } from '@jsverse/transloco';

/** A list store that pages on the server: 1-based page, page size, total rows. */
export interface PagedStore {
  total(): number;
  page(): number;
  pageSize(): number;
  setPage(page: number, pageSize: number): void;
}

/**
 * The paginator under a server-paged list: reads and sets the page on the list's store and tells the
 * page (`paged`) when the user turns one. `label` is the translation key of its accessible name.
 */
@Component({
  selector: 'bf-list-paginator',
  imports: [MatPaginatorModule, TranslocoPipe],
  template: `
    <mat-paginator
      [length]="store().total()"
      [pageIndex]="store().page() - 1"
      [pageSize]="store().pageSize()"
      [pageSizeOptions]="sizes()"
      (page)="turn($event)"
      [attr.aria-label]="label() | transloco"
      [attr.data-testid]="testId()"
    />
  `,
  styles: ':host { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListPaginator {
  readonly store = input.required<PagedStore>();
  readonly label = input.required<string>();
  readonly sizes = input<readonly number[]>([10, 20, 50]);
  readonly testId = input<string | null>(null);
  readonly paged = output<PageEvent>();

  protected turn(event: PageEvent): void {
    this.store().setPage(event.pageIndex + 1, event.pageSize);
    this.paged.emit(event);
  }
}
