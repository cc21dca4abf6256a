import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { DEFAULT_TRIAGE_WEIGHTS, type TriageRule, type TriageWeights } from '@bofast/contracts';

import { AuthStore } from '../../core/auth/auth-store';
import { isConflict } from '../../core/http/conflict';
import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { RestanceApi } from './restance-api';
import { TRIAGE_RULES, type TriageWeightsResponse } from './restance-store';

type WeightControls = Record<TriageRule, FormControl<number>>;

/** A team lead's points per triage rule; saving re-scores the team's worklist at once. */
@Component({
  selector: 'bf-weights-page',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatCardModule, MatSelectModule, RouterLink, TranslocoPipe],
  template: `
    <p>
      <a routerLink="/restance">← {{ 'restance.backToList' | transloco }}</a>
    </p>
    <h1>{{ 'triage.title' | transloco }}</h1>
    <p class="bf-muted">{{ 'triage.intro' | transloco }}</p>
    <mat-card appearance="outlined" class="weights-card">
      <mat-card-content>
        <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="bf-form">
          @if (errorMessage(); as message) {
            <p class="bf-form-error" role="alert">{{ message }}</p>
          }
          <mat-form-field>
            <mat-label>{{ 'triage.team' | transloco }}</mat-label>
            <mat-select [formControl]="teamId" data-testid="weights-team">
              @for (team of teams; track team.id) {
                <mat-option [value]="team.id">{{ team.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @for (rule of rules; track rule) {
            <mat-form-field>
              <mat-label>{{ 'triage.rules.' + rule | transloco }}</mat-label>
              <input
                matInput
                type="number"
                min="0"
                step="1"
                inputmode="numeric"
                [formControlName]="rule"
                [attr.data-testid]="'weights-' + rule"
              />
              <mat-hint>{{ 'triage.help.' + rule | transloco }}</mat-hint>
              <mat-error [bfFieldErrors]="form.controls[rule]" [messages]="{ min: 'triage.min' }" />
            </mat-form-field>
          }
          <div class="bf-actions">
            <button
              mat-flat-button
              type="submit"
              [disabled]="isSubmitting() || version() === null"
              data-testid="weights-submit"
            >
              {{ 'common.save' | transloco }}
            </button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    .weights-card {
      max-width: 36rem;
    }
    mat-form-field {
      margin-bottom: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WeightsPage {
  private readonly store = inject(RestanceApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  protected readonly teams = inject(AuthStore).user()?.teams ?? [];
  protected readonly rules = TRIAGE_RULES;

  protected readonly teamId = new FormControl(this.teams[0]?.id ?? '', { nonNullable: true });
  readonly form = new FormGroup(
    Object.fromEntries(
      TRIAGE_RULES.map((rule) => [
        rule,
        new FormControl(DEFAULT_TRIAGE_WEIGHTS[rule], {
          nonNullable: true,
          validators: [Validators.required, Validators.min(0)],
        }),
      ]),
    ) as WeightControls,
  );
  protected readonly version = signal<number | null>(null);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  constructor() {
    this.teamId.valueChanges.pipe(takeUntilDestroyed()).subscribe((teamId) => this.load(teamId));
    this.load(this.teamId.value);
  }

  private load(teamId: string): void {
    this.version.set(null);
    this.errorMessage.set(null);
    if (!teamId) return;
    this.store.getWeights(teamId).subscribe({
      next: (response) => this.apply(response),
      error: () => this.errorMessage.set(this.transloco.translate('common.loadFailed')),
    });
  }

  private apply(response: TriageWeightsResponse): void {
    this.form.reset({ ...DEFAULT_TRIAGE_WEIGHTS, ...response.weights });
    this.version.set(response.version);
  }

  submit(): void {
    const version = this.version();
    if (this.form.invalid || version === null) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const weights = Object.fromEntries(TRIAGE_RULES.map((rule) => [rule, Number(raw[rule])])) as TriageWeights;
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.store.updateWeights({ teamId: this.teamId.value, weights, version }).subscribe({
      next: (saved) => {
        this.isSubmitting.set(false);
        this.apply(saved);
        this.snackBar.open(this.transloco.translate('triage.saved'), undefined, { duration: 4000 });
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isConflict(error)) {
          const entity = this.transloco.translate('triage.entity');
          this.snackBar.open(this.transloco.translate('common.conflictReloaded', { entity }), undefined, {
            duration: 6000,
          });
          const body = (error as HttpErrorResponse).error as { current?: TriageWeightsResponse } | null;
          if (body?.current) this.apply(body.current);
          else this.load(this.teamId.value);
        } else if (error instanceof HttpErrorResponse && error.status === 400) {
          const prefixed = Object.fromEntries(TRIAGE_RULES.map((rule) => [`weights.${rule}`, rule]));
          this.errorMessage.set(applyServerErrors(this.form, error, prefixed));
        } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
          this.errorMessage.set(this.transloco.translate('errors.unknown'));
        }
      },
    });
  }
}
