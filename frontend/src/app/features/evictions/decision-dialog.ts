import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import type { Observable } from 'rxjs';

import type { EvictionCase } from '@bofast/contracts';

import { EvictionsApi, dialogErrorMessage, isVersionConflict } from './evictions-api';
import { requiredText } from './eviction-view';
import type { EvictionDialogResult } from './outcome-dialog';
import { FieldErrors } from '../../shared/forms/field-errors';

/** approve: a team lead approves an "undgået" proposal; return: sends it back; reopen: withdraws a decided outcome. */
export type DecisionAction = 'approve' | 'return' | 'reopen';

export interface DecisionDialogData {
  eviction: EvictionCase;
  action: DecisionAction;
}

/** The team lead's decisions on an outcome. Sending back and reopening need a reason; approving may have one. */
@Component({
  selector: 'bf-decision-dialog',
  imports: [
    FieldErrors,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'evictions.decision.' + data.action + '.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="decision-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="decision-error">{{ message }}</p>
        }
        @if (data.eviction.outcomeState.outcome; as outcome) {
          <p>
            {{ 'evictions.outcome' | transloco }}: <strong>{{ 'evictionOutcome.' + outcome | transloco }}</strong>
            @if (data.eviction.outcomeState.proposedBy; as by) {
              · {{ 'evictions.proposedBy' | transloco: { name: by.displayName } }}
            }
          </p>
        }
        <p>{{ 'evictions.decision.' + data.action + '.text' | transloco }}</p>
        <mat-form-field>
          <mat-label>{{ (isReasonRequired ? 'evictions.reason' : 'evictions.reasonOptional') | transloco }}</mat-label>
          <textarea matInput formControlName="reason" rows="3" data-testid="decision-reason"></textarea>
          <mat-error
            [bfFieldErrors]="form.controls.reason"
            [messages]="{ required: 'evictions.reasonRequired' }"
            [testIds]="{ required: 'decision-reason-required' }"
          />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="decision-submit">
          {{ 'evictions.decision.' + data.action + '.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<DecisionDialog, EvictionDialogResult>>(MatDialogRef);
  protected readonly data = inject<DecisionDialogData>(MAT_DIALOG_DATA);
  protected readonly isReasonRequired = this.data.action !== 'approve';
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      this.isReasonRequired
        ? [Validators.required, requiredText, Validators.maxLength(1000)]
        : [Validators.maxLength(1000)],
    ],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { id, version } = this.data.eviction;
    const reason = this.form.getRawValue().reason.trim() || null;
    const request: Observable<EvictionCase> =
      this.data.action === 'approve'
        ? this.api.approve(id, { version, reason })
        : this.data.action === 'return'
          ? this.api.sendBack(id, { version, reason })
          : this.api.reopen(id, { version, reason });
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    request.subscribe({
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
