import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { httpResource } from '@angular/common/http';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { type AssignableUser, type EvictionCase, EvictionGround } from '@bofast/contracts';

import { assignableUsersUrl } from '../cases/case-edit-dialog';
import { FieldErrors } from '../../shared/forms/field-errors';
import { EvictionsApi, dialogErrorMessage, isVersionConflict } from './evictions-api';
import type { EvictionDialogResult } from './outcome-dialog';

/** "Redigér": the udsættelsessag's ground and responsible worker. */
@Component({
  selector: 'bf-eviction-edit-dialog',
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
    <h2 mat-dialog-title>{{ 'evictions.editTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="eviction-edit-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="eviction-edit-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'evictions.ground' | transloco }}</mat-label>
          <mat-select formControlName="ground" data-testid="eviction-edit-ground">
            @for (g of grounds; track g) {
              <mat-option [value]="g">{{ 'evictionGround.' + g | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.ground" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'evictions.responsible' | transloco }}</mat-label>
          <mat-select formControlName="responsibleId" data-testid="eviction-edit-responsible">
            @for (u of users(); track u.id) {
              <mat-option [value]="u.id">{{ u.displayName }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.responsibleId" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="eviction-edit-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvictionEditDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<EvictionEditDialog, EvictionDialogResult>>(MatDialogRef);
  protected readonly eviction = inject<EvictionCase>(MAT_DIALOG_DATA);
  protected readonly grounds = Object.values(EvictionGround);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  private readonly assignable = httpResource<AssignableUser[]>(() => assignableUsersUrl(this.eviction.teamId), {
    defaultValue: [],
  });

  /** The team's workers, plus the current responsible should they no longer be assignable. */
  protected readonly users = computed(() => {
    const list: { id: string; displayName: string }[] = this.assignable.hasValue() ? [...this.assignable.value()] : [];
    const current = this.eviction.responsible;
    if (current && !list.some((u) => u.id === current.id)) list.push(current);
    return list;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    ground: [this.eviction.ground, Validators.required],
    responsibleId: [this.eviction.responsible?.id ?? '', Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .update(this.eviction.id, {
        ground: value.ground,
        responsibleId: value.responsibleId,
        version: this.eviction.version,
      })
      .subscribe({
        next: (updated) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(updated);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isVersionConflict(error)) this.dialogRef.close('conflict');
          else this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }
}
