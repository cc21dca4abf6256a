import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import {
  EVICTION_STAGES,
  STAGES_WITH_TIME,
  type EvictionCase,
  type EvictionStage,
  NotificationChannel,
  NotifiedBy,
  type RecordStageRequest,
  type RecordStageResponse,
  StageSource,
} from '@bofast/contracts';

import { danishAmountValidator, parseDanishAmount } from '../cases/economy-api';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { EvictionsApi, dialogErrorMessage, isVersionConflict } from './evictions-api';
import { suggestedStage } from './eviction-view';

/** The dialog result: what the server answered (with its warnings), or 'conflict' when someone else saved first. */
export type StageDialogResult = RecordStageResponse | 'conflict';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The fraflytningsfrist cannot lie before the ophævelse it belongs to. */
function notBeforeDate(control: AbstractControl<string>): ValidationErrors | null {
  const date = control.parent?.get('date')?.value as string | undefined;
  return control.value && date && control.value < date ? { beforeDate: true } : null;
}

/** "Registrér trin": one dated step of the udsættelsessag; the fields follow the chosen stage. */
@Component({
  selector: 'bf-stage-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'evictions.stageDialogTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="stage-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="stage-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'evictions.stage' | transloco }}</mat-label>
          <mat-select formControlName="stage" data-testid="stage-select">
            @for (s of stages; track s) {
              <mat-option [value]="s" [attr.data-testid]="'stage-option-' + s">{{
                'evictionStage.' + s | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.stage" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'evictions.date' | transloco }}</mat-label>
          <input matInput type="date" formControlName="date" data-testid="stage-date" />
          <mat-error [bfFieldErrors]="form.controls.date" />
        </mat-form-field>
        @if (hasTime()) {
          <mat-form-field>
            <mat-label>{{ 'evictions.time' | transloco }}</mat-label>
            <input matInput type="time" formControlName="time" data-testid="stage-time" />
            <mat-hint>{{
              (timeRequired() ? 'evictions.timeHintRequired' : 'evictions.timeHint') | transloco
            }}</mat-hint>
            <mat-error
              [bfFieldErrors]="form.controls.time"
              [messages]="{ required: 'evictions.timeRequired', pattern: 'evictions.timeInvalid' }"
              [testIds]="{ required: 'stage-time-required' }"
            />
          </mat-form-field>
        }
        @if (isKommune()) {
          <mat-form-field>
            <mat-label>{{ 'evictions.notifiedBy' | transloco }}</mat-label>
            <mat-select formControlName="notifiedBy" data-testid="stage-notified-by">
              @for (n of notifiers; track n) {
                <mat-option [value]="n">{{ 'notifiedBy.' + n | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error
              [bfFieldErrors]="form.controls.notifiedBy"
              [testIds]="{ required: 'stage-notified-by-required' }"
            />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'evictions.channel' | transloco }}</mat-label>
            <mat-select formControlName="channel" data-testid="stage-channel">
              @for (c of channels; track c) {
                <mat-option [value]="c">{{ 'notificationChannel.' + c | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error [bfFieldErrors]="form.controls.channel" [testIds]="{ required: 'stage-channel-required' }" />
          </mat-form-field>
        }
        @if (isOphaevelse()) {
          <mat-form-field>
            <mat-label>{{ 'evictions.moveOutDate' | transloco }}</mat-label>
            <input matInput type="date" formControlName="moveOutDate" data-testid="stage-move-out" />
            <mat-hint>{{ 'evictions.optional' | transloco }}</mat-hint>
            <mat-error
              [bfFieldErrors]="form.controls.moveOutDate"
              [messages]="{ beforeDate: 'evictions.moveOutBeforeDate' }"
              [testIds]="{ beforeDate: 'stage-move-out-before' }"
            />
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'evictions.amount' | transloco }}</mat-label>
          <input matInput formControlName="amount" inputmode="decimal" autocomplete="off" data-testid="stage-amount" />
          <span matTextSuffix>kr.</span>
          <mat-hint>{{ 'economy.optionalAmountHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.amount"
            [messages]="{ amount: 'economy.amountInvalid', positive: 'economy.amountPositive' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'evictions.source' | transloco }}</mat-label>
          <mat-select formControlName="source" data-testid="stage-source">
            @for (s of sources; track s) {
              <mat-option [value]="s">{{ 'stageSource.' + s | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.source" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'evictions.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="stage-note"></textarea>
          <mat-error [bfFieldErrors]="form.controls.note" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="stage-submit">
          {{ 'common.save' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StageDialog {
  private readonly api = inject(EvictionsApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<StageDialog, StageDialogResult>>(MatDialogRef);
  private readonly eviction = inject<EvictionCase>(MAT_DIALOG_DATA);
  protected readonly stages = EVICTION_STAGES;
  protected readonly sources = Object.values(StageSource);
  protected readonly notifiers = Object.values(NotifiedBy);
  protected readonly channels = Object.values(NotificationChannel);
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    stage: [suggestedStage(this.eviction.currentStage) as EvictionStage | '', Validators.required],
    date: ['', Validators.required],
    time: [''],
    amount: ['', danishAmountValidator()],
    source: [StageSource.Medarbejder as StageSource | '', Validators.required],
    notifiedBy: ['' as NotifiedBy | ''],
    channel: ['' as NotificationChannel | ''],
    moveOutDate: ['', notBeforeDate],
    note: ['', Validators.maxLength(1000)],
  });

  private readonly stage = toSignal(this.form.controls.stage.valueChanges, {
    initialValue: this.form.controls.stage.value,
  });
  protected readonly hasTime = computed(() => STAGES_WITH_TIME.includes(this.stage() as EvictionStage));
  protected readonly timeRequired = computed(() => this.stage() === 'udsaettelse_berammet');
  protected readonly isKommune = computed(() => this.stage() === 'kommune_underrettet');
  protected readonly isOphaevelse = computed(() => this.stage() === 'ophaevelse');

  constructor() {
    this.applyStage(this.form.controls.stage.value);
    this.form.controls.stage.valueChanges.subscribe((stage) => this.applyStage(stage));
    this.form.controls.date.valueChanges.subscribe(() =>
      this.form.controls.moveOutDate.updateValueAndValidity({ emitEvent: false }),
    );
  }

  /** Fields that do not belong to the stage are disabled, so their validators are off. */
  private applyStage(stage: EvictionStage | ''): void {
    const { time, notifiedBy, channel, moveOutDate } = this.form.controls;
    time.setValidators(
      stage === 'udsaettelse_berammet' ? [Validators.required, Validators.pattern(TIME)] : [Validators.pattern(TIME)],
    );
    this.toggle(time, STAGES_WITH_TIME.includes(stage as EvictionStage));
    for (const control of [notifiedBy, channel]) {
      control.setValidators(stage === 'kommune_underrettet' ? [Validators.required] : []);
      this.toggle(control, stage === 'kommune_underrettet');
    }
    this.toggle(moveOutDate, stage === 'ophaevelse');
  }

  private toggle(control: AbstractControl, enabled: boolean): void {
    if (enabled) control.enable({ emitEvent: false });
    else control.disable({ emitEvent: false });
    control.updateValueAndValidity({ emitEvent: false });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const stage = value.stage as EvictionStage;
    const isKommune = stage === 'kommune_underrettet';
    const request: RecordStageRequest = {
      stage,
      date: value.date,
      time: STAGES_WITH_TIME.includes(stage) ? value.time || null : null,
      amount: parseDanishAmount(value.amount),
      source: value.source as StageSource,
      notifiedBy: isKommune ? (value.notifiedBy as NotifiedBy) : null,
      channel: isKommune ? (value.channel as NotificationChannel) : null,
      moveOutDate: stage === 'ophaevelse' ? value.moveOutDate || null : null,
      note: value.note.trim() || null,
      version: this.eviction.version,
    };
    this.isSubmitting.set(true);
    this.errorMessage.set(null);
    this.api.recordStage(this.eviction.id, request).subscribe({
      next: (response) => {
        this.isSubmitting.set(false);
        this.dialogRef.close(response);
      },
      error: (error: unknown) => {
        this.isSubmitting.set(false);
        if (isVersionConflict(error)) this.dialogRef.close('conflict');
        else this.errorMessage.set(dialogErrorMessage(error, this.form, this.transloco.translate('errors.unknown')));
      },
    });
  }
}
