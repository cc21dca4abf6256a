import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';

import { type CaseDetail, type CaseStatus, type CaseSummary, Permission } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { LanguageStore } from '../../core/i18n/language-store';
import { injectDialogs } from '../../shared/dialogs';
import { ListPaginator } from '../../shared/list-paginator';
import { CaseCreateDialog } from './case-create-dialog';
import { CaseTypesStore } from './case-types-store';
import { CASE_STATUSES, type CaseSort, CasesListStore, caseStatusClass } from './cases-store';

const SORTABLE: readonly CaseSort[] = ['caseNumber', 'status', 'openedAt', 'updatedAt'];

@Component({
  selector: 'bf-cases-page',
  imports: [
    DatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    ListPaginator,
    MatSelectModule,
    MatSlideToggleModule,
    MatSortModule,
    MatTableModule,
    RouterLink,
    TranslocoPipe,
  ],
  providers: [CasesListStore],
  templateUrl: './cases-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CasesPage {
  protected readonly store = inject(CasesListStore);
  protected readonly caseTypes = inject(CaseTypesStore);
  private readonly router = inject(Router);
  private readonly dialogs = injectDialogs();
  private readonly authStore = inject(AuthStore);
  protected readonly language = inject(LanguageStore).language;
  protected readonly canWrite = this.authStore.can(Permission.CaseWrite);
  protected readonly teams = this.authStore.user()?.teams ?? [];
  protected readonly statuses = CASE_STATUSES;
  protected readonly statusClass = caseStatusClass;
  protected readonly columns = [
    'caseNumber',
    'type',
    'status',
    'person',
    'tenancy',
    'responsible',
    'openedAt',
    'updatedAt',
  ];

  protected setFilter(change: {
    mine?: boolean;
    openOnly?: boolean;
    teamId?: string;
    type?: string;
    status?: CaseStatus | '';
  }): void {
    this.store.setFilter(change);
  }

  protected sortBy(sort: Sort): void {
    const column = SORTABLE.find((s) => s === sort.active);
    if (!column || !sort.direction) {
      this.store.setSort('updatedAt', 'desc');
      return;
    }
    this.store.setSort(column, sort.direction);
  }

  protected open(row: CaseSummary): void {
    void this.router.navigate(['/cases', row.id]);
  }

  protected create(): void {
    this.dialogs
      .open<CaseCreateDialog, unknown, CaseDetail>(CaseCreateDialog, {
        width: '36rem',
      })
      .subscribe((created) => {
        void this.router.navigate(['/cases', created.id]);
      });
  }
}
