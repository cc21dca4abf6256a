import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { BoligorganisationSummary, TenancySummary } from '@bofast/contracts';

import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { PeopleApi } from './people-api';

/** Creates a tenancy (lejemål); closes with it. */
@Component({
  selector: 'bf-tenancy-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'tenancy.createTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="tenancy-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'tenancy.afdeling' | transloco }}</mat-label>
          <mat-select formControlName="afdelingId" data-testid="tenancy-afdeling">
            @for (org of organisations.value(); track org.id) {
              <mat-optgroup [label]="org.name">
                @for (a of org.afdelinger; track a.id) {
                  <mat-option [value]="a.id">{{ a.afdelingsnummer }} {{ a.name }}</mat-option>
                }
              </mat-optgroup>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.afdelingId" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'tenancy.address' | transloco }}</mat-label>
          <input matInput formControlName="address" autocomplete="off" data-testid="tenancy-address" />
          <mat-error [bfFieldErrors]="form.controls.address" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'tenancy.number' | transloco }}</mat-label>
          <input matInput formControlName="lejemaalsnummer" autocomplete="off" data-testid="tenancy-number" />
          <mat-error [bfFieldErrors]="form.controls.lejemaalsnummer" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'tenancy.moveInDate' | transloco }}</mat-label>
          <input matInput type="date" formControlName="moveInDate" data-testid="tenancy-move-in" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="tenancy-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TenancyDialog {
  private readonly people = inject(PeopleApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<TenancyDialog, TenancySummary>>(MatDialogRef);
  protected readonly organisations = httpResource<BoligorganisationSummary[]>(
    // Only the afdelinger the user's teams cover: a lejemål elsewhere cannot be made (404).
    () => '/api/organisations/boligorganisationer?covered=true',
    { defaultValue: [] },
  );
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    afdelingId: ['', Validators.required],
    address: ['', Validators.required],
    lejemaalsnummer: ['', Validators.required],
    moveInDate: [''],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.people
      .createTenancy({
        afdelingId: v.afdelingId,
        address: v.address.trim(),
        lejemaalsnummer: v.lejemaalsnummer.trim(),
        moveInDate: v.moveInDate || null,
      })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500) {
            // 400 fields, 409 a lejemålsnummer the afdeling has, 404 an afdeling out of reach.
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
