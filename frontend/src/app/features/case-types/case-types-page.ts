import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { CaseType } from '@bofast/contracts';

import { CaseTypesStore } from '../cases/case-types-store';
import { CaseTypeDialog } from './case-type-dialog';

/** Admin: the built-in and the organisation's own case types. */
@Component({
  selector: 'bf-case-types-page',
  imports: [MatButtonModule, MatChipsModule, MatTableModule, TranslocoPipe],
  templateUrl: './case-types-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTypesPage {
  protected readonly store = inject(CaseTypesStore);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly columns = ['code', 'labelDa', 'labelEn', 'origin', 'status'];

  constructor() {
    this.store.reload();
  }

  protected create(): void {
    this.dialog
      .open<CaseTypeDialog, undefined, CaseType>(CaseTypeDialog, {
        maxWidth: '95vw',
        width: '32rem',
        autoFocus: 'first-tabbable',
        injector: this.injector,
      })
      .afterClosed()
      .subscribe((created) => {
        if (!created) return;
        this.snackBar.open(this.transloco.translate('caseTypes.created'), undefined, { duration: 4000 });
        this.store.reload();
      });
  }
}
