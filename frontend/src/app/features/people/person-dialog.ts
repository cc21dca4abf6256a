import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type CommunicationPreference, HouseholdRelation, type PersonDetail } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { applyServerErrors, readApiError } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PeopleApi } from './people-api';

export interface PersonDialogData {
  person?: PersonDetail;
  /** When creating: put the new person in this tenancy's household. */
  tenancyId?: string;
}

/** Creates or edits a person; closes with the saved person, or 'conflict'. */
@Component({
  selector: 'bf-person-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCheckboxModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  templateUrl: './person-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonDialog {
  private readonly people = inject(PeopleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<PersonDialog, PersonDetail | 'conflict'>>(MatDialogRef);
  protected readonly data = inject<PersonDialogData>(MAT_DIALOG_DATA);
  protected readonly person = this.data.person ?? null;
  protected readonly teams = inject(AuthStore).user()?.teams ?? [];
  protected readonly relations = Object.values(HouseholdRelation);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.person?.name ?? '', Validators.required],
    teamId: [this.teams.length === 1 ? this.teams[0].id : '', this.person ? [] : [Validators.required]],
    birthYear: [this.person?.birthYear?.toString() ?? '', Validators.pattern(/^(19|20)\d\d$/)],
    phone: [this.person?.phone ?? ''],
    smsPreferred: [this.person?.smsPreferred ?? false],
    email: [this.person?.email ?? '', Validators.email],
    preferredLanguage: [this.person?.preferredLanguage ?? ''],
    interpreterNeeded: [this.person?.interpreterNeeded ?? false],
    communicationPreference: [(this.person?.communicationPreference ?? '') as CommunicationPreference | ''],
    cpr: ['', Validators.pattern(/^\d{6}-?\d{4}$/)],
    relation: [HouseholdRelation.Lejer as HouseholdRelation],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const common = {
      name: v.name.trim(),
      birthYear: v.birthYear ? Number(v.birthYear) : null,
      phone: v.phone.trim() || null,
      smsPreferred: v.smsPreferred,
      email: v.email.trim() || null,
      preferredLanguage: v.preferredLanguage.trim() || null,
      interpreterNeeded: v.interpreterNeeded,
      communicationPreference: v.communicationPreference || null,
    };
    const cpr = v.cpr.trim() || undefined;
    const request = this.person
      ? this.people.updatePerson(this.person.id, { ...common, ...(cpr ? { cpr } : {}), version: this.person.version })
      : this.people.createPerson({
          ...common,
          teamId: v.teamId,
          cpr: cpr ?? null,
          ...(this.data.tenancyId ? { tenancyId: this.data.tenancyId, relation: v.relation } : {}),
        });
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    request.subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(saved);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isConflict(error) && readApiError(error)?.code === 'ALREADY_EXISTS') {
          // The team already has a person with this CPR number: shown on the field, the dialog stays open.
          this.errorMessage.set(applyServerErrors(this.form, error));
        } else if (isConflict(error)) {
          this.dialogRef.close('conflict');
        } else if (error instanceof HttpErrorResponse && error.status === 400) {
          this.errorMessage.set(applyServerErrors(this.form, error));
        } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.errorMessage.set(this.transloco.translate('errors.unknown'));
        }
      },
    });
  }
}
