import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, type ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';

import { AgreementStatus, Creditor, type PaymentAgreement } from '@bofast/contracts';

import { applyServerErrors } from '../../core/http/server-errors';
import { FORM_FIELD_IMPORTS } from '../../shared/forms/field-errors';
import { EconomyApi, danishAmountValidator, parseDanishAmount } from './economy-api';

/** Afdraget may not exceed the amount owed; the error sits on the installment field. */
function installmentWithinPrincipal(group: AbstractControl): ValidationErrors | null {
  const installmentControl = group.get('installment');
  if (!installmentControl) return null;
  const principal = parseDanishAmount(group.get('principal')?.value as string);
  const installment = parseDanishAmount(installmentControl.value as string);
  const exceeds = principal !== null && installment !== null && installment > principal;
  const others = { ...installmentControl.errors };
  const had = 'exceedsPrincipal' in others;
  delete others['exceedsPrincipal'];
  if (exceeds) installmentControl.setErrors({ ...others, exceedsPrincipal: true });
  else if (had) installmentControl.setErrors(Object.keys(others).length > 0 ? others : null);
  return null;
}

/** "Ny afdragsordning"; closes with the created agreement. */
@Component({
  selector: 'bf-agreement-dialog',
  imports: [FORM_FIELD_IMPORTS, MatButtonModule, MatDialogModule, MatSelectModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>{{ 'economy.agreementCreateTitle' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate data-testid="agreement-dialog">
      <mat-dialog-content class="bf-form">
        @if (errorMessage(); as message) {
          <p class="bf-form-error" role="alert" data-testid="agreement-error">{{ message }}</p>
        }
        <mat-form-field>
          <mat-label>{{ 'economy.creditor' | transloco }}</mat-label>
          <mat-select formControlName="creditor" data-testid="agreement-creditor">
            @for (c of creditors; track c) {
              <mat-option [value]="c" [attr.data-testid]="'agreement-creditor-' + c">{{
                'creditor.' + c | transloco
              }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.creditor" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.creditorName' | transloco }}</mat-label>
          <input matInput formControlName="creditorName" autocomplete="off" data-testid="agreement-creditor-name" />
          @if (nameRequired()) {
            <mat-hint>{{ 'economy.creditorNameHint' | transloco }}</mat-hint>
          }
          <mat-error [bfFieldErrors]="form.controls.creditorName" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.principal' | transloco }}</mat-label>
          <input
            matInput
            formControlName="principal"
            inputmode="decimal"
            autocomplete="off"
            data-testid="agreement-principal"
          />
          <span matTextSuffix>kr.</span>
          <mat-hint>{{ 'economy.amountHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.principal"
            [messages]="{ amount: 'economy.amountInvalid', positive: 'economy.amountPositive' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.installment' | transloco }}</mat-label>
          <input
            matInput
            formControlName="installment"
            inputmode="decimal"
            autocomplete="off"
            data-testid="agreement-installment"
          />
          <span matTextSuffix>kr.</span>
          <mat-hint>{{ 'economy.installmentHint' | transloco }}</mat-hint>
          <mat-error
            [bfFieldErrors]="form.controls.installment"
            [messages]="{
              amount: 'economy.amountInvalid',
              positive: 'economy.amountPositive',
              exceedsPrincipal: 'economy.installmentExceeds',
            }"
            [testIds]="{ exceedsPrincipal: 'agreement-installment-exceeds' }"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.startDate' | transloco }}</mat-label>
          <input matInput type="date" formControlName="startDate" data-testid="agreement-start" />
          <mat-error [bfFieldErrors]="form.controls.startDate" />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'economy.initialStatus' | transloco }}</mat-label>
          <mat-select formControlName="status" data-testid="agreement-initial-status">
            @for (s of initialStatuses; track s) {
              <mat-option [value]="s">{{ 'agreementStatus.' + s | transloco }}</mat-option>
            }
          </mat-select>
          <mat-error [bfFieldErrors]="form.controls.status" />
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'common.cancel' | transloco }}</button>
        <button mat-flat-button type="submit" [disabled]="isSubmitting()" data-testid="agreement-submit">
          {{ 'common.create' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AgreementDialog {
  private readonly economy = inject(EconomyApi);
  private readonly transloco = inject(TranslocoService);
  private readonly dialogRef = inject<MatDialogRef<AgreementDialog, PaymentAgreement>>(MatDialogRef);
  private readonly caseId = inject<string>(MAT_DIALOG_DATA);
  protected readonly creditors = Object.values(Creditor);
  protected readonly initialStatuses: AgreementStatus[] = [AgreementStatus.Forhandles, AgreementStatus.Aftalt];
  protected readonly isSubmitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      creditor: [Creditor.Boligorganisation as Creditor | '', Validators.required],
      creditorName: ['', Validators.maxLength(200)],
      principal: ['', [Validators.required, danishAmountValidator()]],
      installment: ['', [Validators.required, danishAmountValidator()]],
      startDate: ['', Validators.required],
      status: [AgreementStatus.Forhandles as AgreementStatus],
    },
    { validators: installmentWithinPrincipal },
  );

  private readonly creditor = toSignal(this.form.controls.creditor.valueChanges, {
    initialValue: this.form.controls.creditor.value,
  });
  /** Another creditor has to be named; the boligorganisation and public creditors may be. */
  protected readonly nameRequired = computed(() => this.creditor() === Creditor.Kreditor);

  constructor() {
    this.form.controls.creditor.valueChanges.subscribe((creditor) => {
      const name = this.form.controls.creditorName;
      name.setValidators(
        creditor === Creditor.Kreditor ? [Validators.required, Validators.maxLength(200)] : [Validators.maxLength(200)],
      );
      name.updateValueAndValidity({ emitEvent: false });
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
    this.economy
      .createAgreement(this.caseId, {
        creditor: value.creditor as Creditor,
        creditorName: value.creditorName.trim() || null,
        principal: parseDanishAmount(value.principal) ?? 0,
        installment: parseDanishAmount(value.installment) ?? 0,
        startDate: value.startDate,
        status: value.status,
      })
      .subscribe({
        next: (created) => {
          this.isSubmitting.set(false);
          this.dialogRef.close(created);
        },
        error: (error: unknown) => {
          this.isSubmitting.set(false);
          if (error instanceof HttpErrorResponse && error.status === 400) {
            this.errorMessage.set(applyServerErrors(this.form, error));
          } else if (error instanceof HttpErrorResponse && error.status > 0 && error.status < 500) {
            this.errorMessage.set(this.transloco.translate('errors.unknown'));
          }
        },
      });
  }
}
