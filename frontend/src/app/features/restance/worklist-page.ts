import { DatePipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type AssignableUser, type OutreachStatus, Permission, type WorklistRow } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { assignableUsersUrl } from '../cases/case-edit-dialog';
import { ListPaginator } from '../../shared/list-paginator';
import { RestanceApi } from './restance-api';
import {
  OUTREACH_STATUSES,
  RESTANCE_CHANGES,
  WorklistStore,
  type WorklistSort,
  changeClass,
  formatKr,
  formatListMonth,
  isSuperseded,
  outreachClass,
} from './restance-store';

/** The month's restanceliste as a prioritised worklist with filters, server paging and bulk assignment. */
@Component({
  selector: 'bf-worklist-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    ListPaginator,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [WorklistStore],
  templateUrl: './worklist-page.html',
  styleUrl: './worklist-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorklistPage {
  protected readonly store = inject(WorklistStore);
  private readonly api = inject(RestanceApi);
  private readonly auth = inject(AuthStore);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canAssign = this.auth.can(Permission.RestanceAssign);
  protected readonly canConfigure = this.auth.can(Permission.TriageConfigure);
  protected readonly changes = RESTANCE_CHANGES;
  protected readonly statuses = OUTREACH_STATUSES;
  protected readonly changeClass = changeClass;
  protected readonly outreachClass = outreachClass;
  protected readonly superseded = isSuperseded;
  protected readonly kr = formatKr;
  protected readonly columns = [
    ...(this.canAssign ? ['select'] : []),
    'priority',
    'change',
    'lejemaalsnummer',
    'tenants',
    'amount',
    'months',
    'dates',
    'status',
    'assignee',
  ];

  protected readonly listMonth = computed(() => {
    const date = this.store.listDate();
    return date ? formatListMonth(date, this.language()) : null;
  });

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly assigneeId = signal<string | null>(null);
  protected readonly isAssigning = signal(false);
  protected readonly allSelected = computed(() => {
    const rows = this.store.rows();
    return rows.length > 0 && rows.every((r) => this.selected().has(r.id));
  });

  private readonly teamId = this.auth.user()?.teams[0]?.id ?? null;
  private readonly assignable = httpResource<AssignableUser[]>(() =>
    this.canAssign && this.teamId ? assignableUsersUrl(this.teamId) : undefined,
  );
  protected readonly assignees = computed(() => (this.assignable.hasValue() ? this.assignable.value() : []));

  protected toggleChange(change: WorklistRow['change'], selected: boolean): void {
    this.store.toggleChange(change, selected);
    this.clearSelection();
  }

  protected setFlag(flag: 'paakrav' | 'ophaevelse' | 'mine' | 'unassigned', value: boolean): void {
    this.store.setFilters({ [flag]: value });
    this.clearSelection();
  }

  protected filterStatus(outreachStatus: OutreachStatus | ''): void {
    this.store.setFilters({ outreachStatus });
    this.clearSelection();
  }

  protected changeSort(sort: Sort): void {
    this.store.setSort(sort.active as WorklistSort, sort.direction);
  }

  protected toggleRow(row: WorklistRow, checked: boolean): void {
    this.selected.update((current) => {
      const next = new Set(current);
      if (checked) next.add(row.id);
      else next.delete(row.id);
      return next;
    });
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.store.rows().map((r) => r.id)) : new Set());
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  protected assign(): void {
    const rowIds = [...this.selected()];
    if (rowIds.length === 0) return;
    this.isAssigning.set(true);
    this.api.assign({ rowIds, assigneeId: this.assigneeId() }).subscribe({
      next: ({ assigned }) => {
        this.isAssigning.set(false);
        this.clearSelection();
        this.store.reload();
        this.snackBar.open(this.transloco.translate('restance.assigned', { count: assigned }), undefined, {
          duration: 4000,
        });
      },
      error: () => {
        this.isAssigning.set(false);
        this.snackBar.open(this.transloco.translate('errors.unknown'), undefined, { duration: 4000 });
      },
    });
  }
}
