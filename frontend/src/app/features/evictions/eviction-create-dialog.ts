import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { switchMap } from 'rxjs';

import { type EvictionCase, EvictionGround } from '@bofast/contracts';

import { readApiError } from '../../core/http/server-errors';
import { FieldErrors } from '../../shared/forms/field-errors';
import { EvictionsApi, conflictCurrent, dialogErrorMessage } from './evictions-api';

export interface EvictionCreateDialogData {
  caseId: string;
  tenancy: { id: string; address: string; lejemaalsnummer?: string };
}

/** "Opret udsættelsessag" for the case's lejemål. When the lejemål already has an open one, offers to link the case to it. */
@Component({
  selector: 'bf-eviction-create-dialog',
  imports: [
    FieldErrors,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'evictions.createTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="eviction-create-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="eviction-create-error">{{ message }}</p>
        }
        @if (existingId()) {
          <p>
            <button mat-stroked-button type="button" (click)="linkExisting()" data-testid="eviction-link-existing">
              {{ 'evictions.linkExisting' | transloco }}
            </button>
          </p>
        }
        <p>
          {{ 'evictions.tenancy' | transloco }}: <strong>{{ data.tenancy.address }}</strong>
          @if (data.tenancy.lejemaalsnummer) {
            ({{ data.tenancy.lejemaalsnummer }})
          }
        </p>
        <mat-form-field>
          <mat-label>{{ 'evictions.ground' | transloco }}</mat-label>
          <mat-select formControlName="ground" data-testid="eviction-ground">
            @for (g of grounds; track g) {
              <mat-option [value]="g" [attr.data-testid]="'eviction-ground-' + g">{{
                'evictionGround.' + g | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.ground" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="eviction-create-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionCreateDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<EvictionCreateDialog, EvictionCase>>(MatDialogRef);
  protected readonly data = inject<EvictionCreateDialogData>(MAT_DIALOG_DATA);
  protected readonly grounds = Object.values(EvictionGround);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  /** The open udsættelsessag the lejemål already has (409 ALREADY_EXISTS). */
  protected readonly existingId = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    ground: [EvictionGround.Restance as EvictionGround | '', Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .create({
        tenancyId: this.data.tenancy.id,
        caseIds: [this.data.caseId],
        ground: this.form.getRawValue().ground as EvictionGround,
      })
      .subscribe({
        next: (created) => this.done(created),
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (
            error instanceof HttpErrorResponse &&
            error.status === 409 &&
            readApiError(error)?.code === 'ALREADY_EXISTS'
          ) {
            this.existingId.set(conflictCurrent<{ id: string }>(error)?.id ?? null);
          }
          this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }

  protected linkExisting(): void {
    const id = this.existingId();
    if (!id) return;
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .get(id)
      .pipe(switchMap((existing) => this.api.linkCase(id, { caseId: this.data.caseId, version: existing.version })))
      .subscribe({
        next: (linked) => this.done(linked),
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }

  private done(eviction: EvictionCase): void {
    this.isSubmitting.set(false);
    this.dialogRef.close(eviction);
  }
}
