import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type HouseholdDetail, HouseholdRelation, type PersonSummary } from '@bofast/contracts';

import { applyServerErrors, readApiError } from '../../core/http/server-errors';
import { FieldErrors } from '../../shared/forms/field-errors';
import { PeopleApi } from './people-api';
import { type PickedSubject, SubjectPicker } from './subject-picker';

export interface HouseholdMemberDialogData {
  tenancyId: string;
}

/** Adds an existing person to a tenancy's household; closes with the updated household. */
@Component({
  selector: 'bf-household-member-dialog',
  imports: [
    FieldErrors,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    SubjectPicker,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'household.addExistingTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="household-existing-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="household-existing-error">{{ message }}</p>
        }
        <bf-subject-picker
          label="household.personSearch"
          kinds="persons"
          inputTestId="household-existing-search"
          optionTestId="household-existing-option"
          (picked)="pick($event)"
        />
        @if (person(); as p) {
          <p data-testid="household-existing-picked">
            {{ 'household.picked' | transloco }}: <strong>{{ p.name }}</strong>
          </p>
        } @else if (personMissing()) {
          <p class="bf-form-error" role="alert">{{ 'household.personRequired' | transloco }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'household.relation' | transloco }}</mat-label>
          <mat-select formControlName="relation" data-testid="household-existing-relation">
            @for (r of relations; track r) {
              <mat-option [value]="r">{{ 'relation.' + r | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.relation" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="household-existing-submit">
          {{ 'household.addExistingSubmit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HouseholdMemberDialog {
  private readonly people = inject(PeopleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<HouseholdMemberDialog, HouseholdDetail>>(MatDialogRef);
  private readonly data = inject<HouseholdMemberDialogData>(MAT_DIALOG_DATA);
  protected readonly relations = Object.values(HouseholdRelation);
  protected readonly person = signal<PersonSummary | null>(null);
  protected readonly personMissing = signal(false);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    relation: ['' as HouseholdRelation | '', Validators.required],
  });

  protected pick(picked: PickedSubject | null): void {
    this.person.set(picked?.kind === 'person' ? picked.person : null);
    if (picked) this.personMissing.set(false);
  }

  protected save(): void {
    const person = this.person();
    this.personMissing.set(!person);
    if (!person || this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.people
      .addHouseholdMember(this.data.tenancyId, {
        personId: person.id,
        relation: this.form.getRawValue().relation as HouseholdRelation,
      })
      .subscribe({
        next: (household) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(household);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status === 409) {
            this.errorMessage.set(readApiError(error)?.message ?? this.transloco.translate('household.alreadyMember'));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
