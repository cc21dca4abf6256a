import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { type Observable, map, of, switchMap } from 'rxjs';

import type { CaseDetail } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { applyServerErrors } from '../../core/http/server-errors';
import { PeopleApi } from '../people/people-api';
import { type PickedSubject, SubjectPicker } from '../people/subject-picker';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { CaseTypesStore } from './case-types-store';
import { CasesApi } from './cases-api';

/** Creates a case (and a new person first when needed); closes with the new case. */
@Component({
  selector: 'bf-case-create-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, SubjectPicker, TranslocoPipe],
  templateUrl: './case-create-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseCreateDialog {
  private readonly cases = inject(CasesApi);
  private readonly people = inject(PeopleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<CaseCreateDialog, CaseDetail>>(MatDialogRef);
  protected readonly caseTypes = inject(CaseTypesStore);
  protected readonly teams = inject(AuthStore).user()?.teams ?? [];

  protected readonly person = signal<PickedSubject | null>(null);
  protected readonly tenancy = signal<PickedSubject | null>(null);
  protected readonly personMissing = signal(false);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    type: ['', Validators.required],
    teamId: [this.teams.length === 1 ? this.teams[0].id : '', Validators.required],
    newPersonName: [''],
  });

  protected pickPerson(subject: PickedSubject | null): void {
    this.person.set(subject);
    if (subject) this.personMissing.set(false);
  }

  protected submit(): void {
    const value = this.form.getRawValue();
    const picked = this.person();
    const existingId = picked?.kind === 'person' ? picked.person.id : null;
    const newName = value.newPersonName.trim();
    this.personMissing.set(!existingId && !newName);
    if (this.form.invalid || this.personMissing()) {
      this.form.markAllAsTouched();
      return;
    }
    const tenancy = this.tenancy();
    const tenancyId = tenancy?.kind === 'tenancy' ? tenancy.tenancy.id : null;
    const personId$: Observable<string> = existingId
      ? of(existingId)
      : this.people.createPerson({ name: newName, teamId: value.teamId, tenancyId }).pipe(map((p) => p.id));
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    personId$
      .pipe(switchMap((personId) => this.cases.create({ type: value.type, teamId: value.teamId, personId, tenancyId })))
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error, { name: 'newPersonName' }));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
