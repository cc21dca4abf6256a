import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { SignalSummary } from '@bofast/contracts';

import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { CaseTypesStore } from '../cases/case-types-store';
import { type PickedSubject, SubjectPicker } from '../people/subject-picker';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { SignalsApi } from './signals-api';

/** Converts a signal to a case; closes with `true` when the signal changed underneath (reload). */
@Component({
  selector: 'bf-convert-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, SubjectPicker, TranslocoPipe],
  templateUrl: './convert-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConvertDialog {
  private readonly store = inject(SignalsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<ConvertDialog, boolean>>(MatDialogRef);
  protected readonly signal = inject<SignalSummary>(MAT_DIALOG_DATA);
  protected readonly caseTypes = inject(CaseTypesStore);

  protected readonly pickedPerson = signal<PickedSubject | null>(null);
  protected readonly personMissing = signal(false);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    caseType: ['', Validators.required],
    newPersonName: [''],
  });

  protected pick(subject: PickedSubject | null): void {
    this.pickedPerson.set(subject);
    if (subject) this.personMissing.set(false);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const picked = this.pickedPerson();
    const personId = this.signal.person?.id ?? (picked?.kind === 'person' ? picked.person.id : null);
    const newPersonName = personId ? null : value.newPersonName.trim() || null;
    this.personMissing.set(!personId && !newPersonName);
    if (this.form.invalid || this.personMissing()) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store
      .convert(this.signal.id, { caseType: value.caseType, personId, newPersonName, version: this.signal.version })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(false);
          this.snackBar.open(this.transloco.translate('signals.converted'), undefined, { duration: 4000 });
          void this.router.navigate(['/cases', created.id]);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isConflict(error)) {
            const entity = this.transloco.translate('signals.entity');
            this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
              duration: 6000,
            });
            this.dialogRef.close(true);
          } else if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
