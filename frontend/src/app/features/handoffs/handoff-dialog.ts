import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import type { AssignableUser, CaseDetail, Handoff } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { assignableUsersUrl } from '../cases/case-edit-dialog';
import { dialogErrorMessage, isVersionConflict } from '../evictions/evictions-api';
import { requiredText } from '../evictions/eviction-view';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { HandoffsApi } from './handoffs-api';

/** The new handoff, or 'conflict' when the case changed since it was loaded. */
export type HandoffDialogResult = Handoff | 'conflict';

/**
 * "Overdrag sag": to another worker of the team, or to a worker of another of the user's teams, always
 * with a handover note the new worker reads first.
 */
@Component({
  selector: 'bf-handoff-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'handoff.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="handoff-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="handoff-error">{{ message }}</p>
        }
        <p>
          {{ 'handoff.current' | transloco: { name: detail.responsible.displayName, team: detail.team.name } }}
        </p>
        @if (teams().length > 1) {
          <mat-form-field>
            <mat-label>{{ 'handoff.team' | transloco }}</mat-label>
            <mat-select formControlName="teamId" data-testid="handoff-team">
              @for (t of teams(); track t.id) {
                <mat-option [value]="t.id">{{ t.name }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ 'handoff.teamHint' | transloco }}</mat-hint>
            <mat-error [bfFieldErrors]="form.controls.teamId" />
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'handoff.user' | transloco }}</mat-label>
          <mat-select formControlName="toUserId" data-testid="handoff-user">
            @for (u of users(); track u.id) {
              <mat-option [value]="u.id">{{ u.displayName }} ({{ 'roles.' + u.role | transloco }})</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.toUserId" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'handoff.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="5" required data-testid="handoff-note"></textarea>
          <mat-hint>{{ 'handoff.noteHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.note"
            [messages]="{ required: 'handoff.noteRequired' }"
            [testIds]="{ required: 'handoff-note-required' }"
          />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="handoff-submit">
          {{ 'handoff.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HandoffDialog {
  private readonly api = inject(HandoffsApi);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<HandoffDialog, HandoffDialogResult>>(MatDialogRef);
  protected readonly detail = inject<CaseDetail>(MAT_DIALOG_DATA);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  /** The case's team and the user's other teams: assignable users can only be looked up in one's own teams. */
  protected readonly teams = computed(() => {
    const list = [this.detail.team];
    for (const t of this.auth.user()?.teams ?? []) if (!list.some((x) => x.id === t.id)) list.push(t);
    return list;
  });

  readonly form = inject(NonNullableFormBuilder).group({
    teamId: [this.detail.team.id, Validators.required],
    toUserId: ['', Validators.required],
    note: ['', requiredText],
  });

  private readonly teamId = toSignal(this.form.controls.teamId.valueChanges, { initialValue: this.detail.team.id });
  private readonly assignable = httpResource<AssignableUser[]>(() => assignableUsersUrl(this.teamId()), {
    defaultValue: [],
  });
  /** Within the case's team, the current worker is not a choice. */
  protected readonly users = computed(() =>
    this.assignable.value().filter((u) => this.teamId() !== this.detail.team.id || u.id !== this.detail.responsible.id),
  );

  constructor() {
    this.form.controls.teamId.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.form.controls.toUserId.setValue('');
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api
      .create(this.detail.id, {
        toUserId: value.toUserId,
        toTeamId: value.teamId !== this.detail.team.id ? value.teamId : null,
        note: value.note.trim(),
        version: this.detail.version,
      })
      .subscribe({
        next: (handoff) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(handoff);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (isVersionConflict(error)) {
            this.dialogRef.close('conflict');
            return;
          }
          this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
        },
      });
  }
}
