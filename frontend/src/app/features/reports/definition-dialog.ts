import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  type CreateDefinitionRequest,
  EVICTION_STAGES,
  type EvictionOutcome,
  type EvictionStage,
  type IndicatorDefinition,
} from '@bofast/contracts';

import { requiredText } from '../evictions/eviction-view';
import { dialogErrorMessage } from '../evictions/evictions-api';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { DEFAULT_RULE } from './report-definition';
import { ReportsApi } from './reports-api';

export interface DefinitionDialogData {
  /** The newest version, whose rule the form starts from. */
  current: IndicatorDefinition | null;
}

/** The outcomes that may count as avoided (the API refuses the others). */
export const AVOIDABLE_OUTCOMES: readonly EvictionOutcome[] = [
  'undgaaet_betalt',
  'undgaaet_aftale',
  'undgaaet_tilbagekaldt',
  'undgaaet_afvist',
];

function atLeastOne(group: AbstractControl<Record<string, boolean>>) {
  return Object.values(group.value).some(Boolean) ? null : { required: true };
}

/** "Ny version af definitionen" (administrator): old reports keep the version they were made with. */
@Component({
  selector: 'bf-definition-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCheckboxModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'reports.definitions.dialogTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="definition-dialog">
      <mat-dialog-content class="bf-form">
        <p class="bf-muted" data-testid="definition-keeps-version">
          {{ 'reports.definitions.keepsVersion' | transloco }}
        </p>
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="definition-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'reports.definitions.involvedMinStage' | transloco }}</mat-label>
          <mat-select formControlName="involvedMinStage" data-testid="definition-stage">
            @for (s of stages; track s) {
              <mat-option [value]="s">{{ 'evictionStage.' + s | transloco }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'reports.definitions.involvedMinStageHint' | transloco }}</mat-hint>
        </mat-form-field>
        <fieldset class="bf-field-group" formGroupName="outcomes">
          <legend>{{ 'reports.definitions.avoidedOutcomes' | transloco }}</legend>
          @for (o of outcomes; track o) {
            <mat-checkbox [formControlName]="o" [attr.data-testid]="'definition-outcome-' + o">{{
              'evictionOutcome.' + o | transloco
            }}</mat-checkbox>
          }
          @if (form.controls.outcomes.hasError('required') && form.controls.outcomes.touched) {
            <p class="bf-form-error" role="alert">{{ 'reports.definitions.outcomesRequired' | transloco }}</p>
          }
        </fieldset>
        <mat-checkbox formControlName="requireApproval" data-testid="definition-approval">{{
          'reports.definitions.requireApproval' | transloco
        }}</mat-checkbox>
        <mat-form-field class="months">
          <mat-label>{{ 'reports.definitions.sustainedMonths' | transloco }}</mat-label>
          <input
            matInput
            type="number"
            min="1"
            max="36"
            inputmode="numeric"
            formControlName="sustainedMonths"
            data-testid="definition-months"
          />
          @if (form.controls.sustainedMonths.invalid) {
            <mat-error>{{ 'reports.definitions.monthsRange' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'reports.definitions.description' | transloco }}</mat-label>
          <textarea matInput formControlName="description" rows="4" data-testid="definition-description"></textarea>
          <mat-hint>{{ 'reports.definitions.descriptionHint' | transloco }}</mat-hint>
          <mat-error [bfFieldErrors]="form.controls.description" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="definition-submit">
          {{ 'reports.definitions.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .bf-field-group {
      display: flex;
      flex-direction: column;
    }

    .months {
      max-width: 16rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DefinitionDialog {
  private readonly api = inject(ReportsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<DefinitionDialog, IndicatorDefinition>>(MatDialogRef);
  private readonly data = inject<DefinitionDialogData>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly stages = EVICTION_STAGES;
  protected readonly outcomes = AVOIDABLE_OUTCOMES;
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  private readonly rule = this.data.current?.rule ?? DEFAULT_RULE;

  protected readonly form = this.fb.group({
    involvedMinStage: [this.rule.involvedMinStage as EvictionStage, Validators.required],
    outcomes: this.fb.group(
      Object.fromEntries(AVOIDABLE_OUTCOMES.map((o) => [o, this.rule.avoidedOutcomes.includes(o)])) as Record<
        string,
        boolean
      >,
      { validators: [atLeastOne] },
    ),
    requireApproval: [this.rule.requireApproval],
    sustainedMonths: [
      this.rule.sustainedMonths,
      [Validators.required, Validators.min(1), Validators.max(36), Validators.pattern(/^\d+$/)],
    ],
    description: ['', [requiredText, Validators.maxLength(2000)]],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateDefinitionRequest = {
      key: 'undgaaet_udsaettelse',
      description: value.description.trim(),
      rule: {
        involvedMinStage: value.involvedMinStage,
        avoidedOutcomes: AVOIDABLE_OUTCOMES.filter((o) => value.outcomes[o]),
        requireApproval: value.requireApproval,
        sustainedMonths: Number(value.sustainedMonths),
      },
    };
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api.createDefinition(request).subscribe({
      next: (created) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(created);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
      },
    });
  }
}
