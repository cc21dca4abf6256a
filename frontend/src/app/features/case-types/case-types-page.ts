import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { CaseType } from '@bofast/contracts';

import { CaseTypesStore } from '../cases/case-types-store';
import { injectDialogs } from '../../shared/dialogs';
import { ActiveChip } from '../../shared/active-state';
import { CaseTypeDialog } from './case-type-dialog';

/** Admin: the built-in and the organisation's own case types. */
@Component({
  selector: 'bf-case-types-page',
  imports: [ActiveChip, MatButtonModule, MatTableModule, TranslocoPipe],
  templateUrl: './case-types-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTypesPage {
  protected readonly store = inject(CaseTypesStore);
  private readonly dialogs = injectDialogs();
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly columns = ['code', 'labelDa', 'labelEn', 'origin', 'status'];

  constructor() {
    this.store.reload();
  }

  protected create(): void {
    this.dialogs
      .open<CaseTypeDialog, undefined, CaseType>(CaseTypeDialog, {
        width: '32rem',
      })
      .subscribe(() => {
        this.snackBar.open(this.transloco.translate('caseTypes.created'), undefined, { duration: 4000 });
        this.store.reload();
      });
  }
}
