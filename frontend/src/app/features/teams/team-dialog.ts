import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import type { BoligorganisationSummary, TeamSummary } from '@bofast/contracts';

import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { TeamsStore } from './teams-store';

export interface TeamDialogData {
  team?: TeamSummary;
}

/** Closes with `true` when the list should be reloaded. */
@Component({
  selector: 'bf-team-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  templateUrl: './team-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TeamDialog {
  private readonly store = inject(TeamsStore);
  private readonly dialogRef = inject<MatDialogRef<TeamDialog, boolean>>(MatDialogRef);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly team = inject<TeamDialogData>(MAT_DIALOG_DATA).team ?? null;

  protected readonly isEdit = this.team !== null;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly boligorganisationer = httpResource<BoligorganisationSummary[]>(
    () => '/api/organisations/boligorganisationer',
    { defaultValue: [] },
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.team?.name ?? '', Validators.required],
    description: [this.team?.description ?? ''],
    afdelingIds: [this.team?.afdelinger.map((a) => a.id) ?? []],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body = {
      name: value.name.trim(),
      description: value.description.trim() || null,
      afdelingIds: value.afdelingIds,
    };
    const request: Observable<TeamSummary> = this.team
      ? this.store.update(this.team.id, { ...body, version: this.team.version })
      : this.store.create(body);

    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    request.subscribe({
      next: () => {
        const key = this.isEdit ? 'common.saved' : 'teams.created';
        this.snackBar.open(this.transloco.translate(key), undefined, {
          duration: 4000,
        });
        this.dialogRef.close(true);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (error instanceof HttpErrorResponse && error.status === 409) {
          const entity = this.transloco.translate('teams.entity');
          this.snackBar.open(this.transloco.translate('common.conflict', { entity }), undefined, {
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
